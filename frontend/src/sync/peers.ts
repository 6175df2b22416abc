import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Awareness as the room server relays it: each client's own fields (cursor, selection, activeAt) plus
 * `user` {id, name, role}, which the server stamps itself; a client cannot pose as someone else.
 */
export interface Peer {
  clientId: number;
  userId: string;
  name: string;
  role: string;
  color: string;
  cursor?: { x: number; y: number };
  selection: string[];
  activeAt: number;
  local: boolean;
}

export function userColor(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return `hsl(${h % 360} 70% 42%)`;
}

export function readPeers(awareness: Awareness, self?: { id: string; name: string; role: string }): Peer[] {
  const out: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const local = clientId === awareness.clientID;
    const user = (state.user ?? {}) as { id?: string; name?: string; role?: string; color?: string };
    const userId = user.id ?? (local ? self?.id : undefined) ?? `client-${clientId}`;
    out.push({
      clientId,
      userId,
      name: user.name ?? (local ? self?.name : undefined) ?? '?',
      role: user.role ?? (local ? self?.role : undefined) ?? '',
      color: userColor(userId),
      cursor: state.cursor && typeof state.cursor.x === 'number' ? state.cursor : undefined,
      selection: Array.isArray(state.selection) ? state.selection : [],
      activeAt: typeof state.activeAt === 'number' ? state.activeAt : 0,
      local,
    });
  });
  return out;
}

/** Re-renders on every awareness change. */
export function usePeers(awareness: Awareness | undefined, self?: { id: string; name: string; role: string }): Peer[] {
  const [peers, setPeers] = useState<Peer[]>(() => (awareness ? readPeers(awareness, self) : []));
  useEffect(() => {
    if (!awareness) return;
    const read = () => setPeers(readPeers(awareness, self));
    // Our own cursor moves 20 times a second: nothing shown here depends on it, so local changes are skipped.
    const update = (_change: unknown, origin: unknown) => {
      if (origin !== 'local') read();
    };
    read();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness, self?.id, self?.name, self?.role]);
  return peers;
}

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
  /** The middle of their view on the board and its scale; only a leading facilitator publishes it (follow me). */
  view?: { cx: number; cy: number; s: number };
  selection: string[];
  activeAt: number;
  local: boolean;
}

const SATURATION = 70;
const LIGHTNESS = 42;

function hue(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % 360;
}

/** A person's colour (cursors, selections, the people list), the same in every browser. */
export function userColor(id: string): string {
  return `hsl(${hue(id)} ${SATURATION}% ${LIGHTNESS}%)`;
}

/**
 * The same colour as `#rrggbb`, for the document's carets: Tiptap's CollaborationCaret accepts only that form and
 * draws any other (our `hsl(...)`) transparent. It is sent in the notes awareness, so others draw our caret with it.
 */
export function userCaretColor(id: string): string {
  return hslToHex(hue(id), SATURATION, LIGHTNESS);
}

/** HSL (hue in degrees, saturation and lightness in percent) to `#rrggbb`, the CSS Color 4 conversion. */
export function hslToHex(h: number, s: number, l: number): string {
  const sat = Math.min(Math.max(s, 0), 100) / 100;
  const light = Math.min(Math.max(l, 0), 100) / 100;
  const hue360 = ((h % 360) + 360) % 360;
  const a = sat * Math.min(light, 1 - light);
  const channel = (n: number) => {
    const k = (n + hue360 / 30) % 12;
    const v = light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
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
      view: state.view && typeof state.view.cx === 'number' && typeof state.view.cy === 'number' && typeof state.view.s === 'number'
        ? state.view : undefined,
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

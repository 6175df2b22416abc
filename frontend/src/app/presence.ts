import { useEffect, useState } from 'react';
import { live } from './live';

/**
 * Live presence counts per room for the lobby: the app's live channel (./live.ts) when the gateway has it, polling
 * /api/presence every 15 s while it is down, else nothing (the lobby says presence is unavailable).
 * Accepted shapes: {roomId: count | users[] | {count}} or [{roomId, count | users}].
 */
export type PresenceCounts = Record<string, number>;

export function parsePresence(data: unknown): PresenceCounts | null {
  const out: PresenceCounts = {};
  const count = (v: unknown): number | null => {
    if (typeof v === 'number') return v;
    if (Array.isArray(v)) return v.length;
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.count === 'number') return o.count;
      if (Array.isArray(o.users)) return o.users.length;
    }
    return null;
  };
  if (Array.isArray(data)) {
    for (const e of data) {
      if (e && typeof e === 'object' && typeof (e as { roomId?: unknown }).roomId === 'string') {
        const c = count(e);
        if (c !== null) out[(e as { roomId: string }).roomId] = c;
      }
    }
    return out;
  }
  if (data && typeof data === 'object') {
    const rooms = (data as { rooms?: unknown }).rooms;
    if (rooms) return parsePresence(rooms);
    for (const [k, v] of Object.entries(data)) {
      const c = count(v);
      if (c !== null) out[k] = c;
    }
    return out;
  }
  return null;
}

export function usePresence(): PresenceCounts | null {
  const [counts, setCounts] = useState<PresenceCounts | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    let off: (() => void) | undefined;
    const poll = async () => {
      try {
        const res = await fetch('/api/presence', { headers: { Accept: 'application/json' } });
        if (!res.ok) throw new Error(String(res.status));
        const parsed = parsePresence(await res.json());
        if (!stopped) setCounts(parsed);
        return true;
      } catch {
        return false;
      }
    };
    void poll().then((ok) => {
      if (!ok || stopped) return;
      // The room server names its events `presence`, and each carries every room's count: it replaces the last one
      // (a room nobody is in any more is absent, not 0). While the stream is down, poll; its next event stops that.
      off = live.on('presence', (data) => {
        const parsed = parsePresence(data);
        if (parsed && !stopped) setCounts(parsed);
        if (timer) clearInterval(timer);
        timer = undefined;
      }, () => {
        timer ??= setInterval(poll, 15_000);
      });
    });
    return () => {
      stopped = true;
      off?.();
      if (timer) clearInterval(timer);
    };
  }, []);
  return counts;
}

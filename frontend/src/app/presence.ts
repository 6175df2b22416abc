import { useEffect, useState } from 'react';

/**
 * Live presence counts per room for the lobby: the SSE stream /api/presence/stream when the gateway has it,
 * else polling /api/presence every 15 s, else nothing (the lobby says presence is unavailable).
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
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
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
      if (typeof EventSource !== 'undefined') {
        source = new EventSource('/api/presence/stream');
        // The room server names its events `presence` (onmessage sees only unnamed ones), and each carries every
        // room's count: it replaces the last one (a room nobody is in any more is absent, not 0).
        source.addEventListener('presence', (e) => {
          try {
            const parsed = parsePresence(JSON.parse(e.data));
            if (parsed && !stopped) setCounts(parsed);
          } catch {
            // an event we do not understand: keep the last counts
          }
        });
        source.onerror = () => {
          source?.close();
          source = undefined;
          timer ??= setInterval(poll, 15_000);
        };
      } else {
        timer = setInterval(poll, 15_000);
      }
    });
    return () => {
      stopped = true;
      source?.close();
      if (timer) clearInterval(timer);
    };
  }, []);
  return counts;
}

/**
 * The room server's clock as this browser sees it (docs/frontend.md, "Session bar"). A workshop timer stores when it
 * started in server time; each browser shows it against `serverNow()`, so everyone sees the same seconds left even
 * when their own clocks disagree, and again after a reconnect (the offset is measured on each).
 */
export interface ClockSample {
  /** Local time when the question left. */
  sentAt: number;
  /** The server's answer. */
  serverNow: number;
  /** Local time when the answer came. */
  receivedAt: number;
}

/** The offset (server minus local) from the sample with the shortest round trip, halfway through it. */
export function offsetFrom(samples: readonly ClockSample[]): number | undefined {
  let best: ClockSample | undefined;
  for (const s of samples) {
    if (s.receivedAt < s.sentAt) continue;
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  return best ? Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2) : undefined;
}

let offset = 0;

/** Milliseconds since the epoch on the server's clock (the local clock until a measurement succeeded). */
export function serverNow(): number {
  return Date.now() + offset;
}

/** Asks the server `samples` times and keeps the best estimate; on failure the last offset stays. */
export async function syncServerClock(ask: () => Promise<number>, samples = 3): Promise<number> {
  const taken: ClockSample[] = [];
  for (let i = 0; i < samples; i++) {
    const sentAt = Date.now();
    try {
      const server = await ask();
      taken.push({ sentAt, serverNow: server, receivedAt: Date.now() });
    } catch {
      // one lost answer: the others may do
    }
  }
  const measured = offsetFrom(taken);
  if (measured !== undefined) offset = measured;
  return offset;
}

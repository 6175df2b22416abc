import { describe, expect, it } from 'vitest';
import { initialState, reduce, status, type ConnectionEvent, type ConnectionState, type SessionCheck } from './connection';
import { SessionGuard, STABLE_CONNECTION_MS } from './reconnect';

/**
 * A hand-driven world for the guard: a clock, timers that fire only when the test advances the clock, a socket
 * that records stop/start, and a probe whose answers the test gives (or lets fail).
 */
function world(answers: Array<SessionCheck | Error> = []) {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void; handle: number }> = [];
  let nextHandle = 1;
  let state: ConnectionState = initialState();
  const log: string[] = [];
  const probes: number[] = [];
  const host = {
    state: () => state,
    dispatch: (e: ConnectionEvent) => { state = reduce(state, e); },
    stopSocket: () => { log.push(`stop@${now}`); },
    startSocket: () => {
      log.push(`start@${now}`);
      state = reduce(state, { type: 'socketConnecting' });
    },
  };
  const guard = new SessionGuard(host, {
    probe: () => {
      probes.push(now);
      const a = answers.shift() ?? 'alive';
      return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
    },
    now: () => now,
    setTimer: (fn, ms) => {
      const handle = nextHandle++;
      timers.push({ at: now + ms, fn, handle });
      return handle;
    },
    clearTimer: (h) => {
      const i = timers.findIndex((t) => t.handle === h);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const settle = () => new Promise<void>((r) => setTimeout(r, 0));
  return {
    guard, log, probes,
    get state() { return state; },
    dispatch: host.dispatch,
    /** The socket opens (after a start, or at first). */
    open() {
      guard.opened();
      state = reduce(state, { type: 'socketOpen' });
    },
    async close(code?: number) {
      guard.closed(code, code === 4401 ? 'token expired' : undefined);
      await settle(); // the probe's answer
    },
    /** Moves the clock on, firing the timers that fall due. */
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const t = timers[0];
        if (!t || t.at > until) break;
        timers.shift();
        now = t.at;
        t.fn();
      }
      now = until;
      await settle();
    },
    pendingTimers: () => timers.length,
  };
}

describe('a 4401 close', () => {
  it('reconnects silently after the backoff when /api/me says 200', async () => {
    const w = world(['alive']);
    w.open();
    await w.advance(60_000);
    await w.close(4401);
    expect(w.probes).toEqual([60_000]);
    expect(w.log).toEqual(['stop@60000']); // the socket's own loop is stopped while the gateway is asked
    expect(status(w.state)).toBe('reconnecting'); // what any reconnect shows, no "session ended"
    await w.advance(999);
    expect(w.log).toEqual(['stop@60000']);
    await w.advance(1);
    expect(w.log).toEqual(['stop@60000', 'start@61000']);
    w.open();
    expect(status(w.state)).toBe('connected');
    expect(w.state.stopped).toBeUndefined();
  });

  it('ends the session when /api/me says 401', async () => {
    const w = world(['signedOut']);
    w.open();
    await w.close(4401);
    expect(status(w.state)).toBe('signedOut');
    await w.advance(120_000);
    expect(w.log.filter((l) => l.startsWith('start'))).toEqual([]); // never reconnects by itself
    expect(w.pendingTimers()).toBe(0);
  });

  it('is an ordinary close when the gateway cannot be reached, and asks again on the next 4401', async () => {
    const w = world([new Error('Failed to fetch'), 'signedOut']);
    w.open();
    await w.close(4401);
    expect(status(w.state)).toBe('reconnecting');
    await w.advance(1000);
    expect(w.log).toEqual(['stop@0', 'start@1000']);
    w.open();
    await w.close(4401);
    expect(w.probes).toEqual([0, 1000]);
    expect(status(w.state)).toBe('signedOut');
  });

  it('still backs off when every new socket gets 4401 while /api/me says 200', async () => {
    const w = world();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      w.open();
      await w.advance(200); // refused a moment after opening
      const closedAt = 200 + i * 60_200;
      await w.close(4401);
      await w.advance(60_000);
      const start = w.log.filter((l) => l.startsWith('start@')).at(-1)!;
      delays.push(Number(start.slice('start@'.length)) - closedAt);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(w.probes.length).toBe(8); // one question per close, not a loop
    expect(status(w.state)).toBe('reconnecting'); // and never 'session ended'
  });

  it('starts again at 1 s after a connection that lasted', async () => {
    const w = world();
    for (let i = 0; i < 4; i++) { // grow the backoff to 16 s
      w.open();
      await w.close(4401);
      await w.advance(60_000);
    }
    w.open();
    await w.advance(STABLE_CONNECTION_MS); // e.g. an access token that expired after minutes
    const before = w.log.length;
    await w.close(4401);
    await w.advance(1000);
    expect(w.log.slice(before)).toEqual([`stop@${60_000 * 4 + STABLE_CONNECTION_MS}`, `start@${60_000 * 4 + STABLE_CONNECTION_MS + 1000}`]);
  });

  it('leaves the reconnect to the browser while offline', async () => {
    const w = world(['alive']);
    w.open();
    w.dispatch({ type: 'browserOffline' });
    await w.close(4401);
    await w.advance(5000);
    expect(w.log).toEqual(['stop@0']);
  });
});

describe('other closes', () => {
  it('leave an ordinary close to the socket and ask nobody', async () => {
    const w = world();
    w.open();
    await w.close(1006);
    expect(w.probes).toEqual([]);
    expect(w.log).toEqual([]);
    expect(status(w.state)).toBe('reconnecting');
  });

  it('stop at once on 4403 without asking', async () => {
    const w = world();
    w.open();
    await w.close(4403);
    expect(w.probes).toEqual([]);
    expect(w.log).toEqual(['stop@0']);
    expect(status(w.state)).toBe('refused');
  });

  it('ask the gateway when a socket never opened (an upgrade refused with 401 is only 1006 to a browser)', async () => {
    const w = world(['alive', 'signedOut']);
    w.open();
    await w.close(1006);
    await w.close(1006); // the socket's own retry, refused before it opened
    expect(w.probes.length).toBe(1);
    expect(w.log).toEqual([]); // the socket keeps retrying on its own
    expect(status(w.state)).toBe('reconnecting');
    await w.close(1006);
    expect(status(w.state)).toBe('signedOut');
    expect(w.log).toEqual(['stop@0']);
  });
});

import { describe, expect, it } from 'vitest';
import { connectHelpAfterMs, initialState, reconnectDelay, reduce, status, type ConnectionEvent, type ConnectionState } from './connection';

function run(events: ConnectionEvent[], s: ConnectionState = initialState()): ConnectionState {
  return events.reduce(reduce, s);
}

describe('connection state machine', () => {
  it('goes connecting -> connected -> synced', () => {
    let s = initialState();
    expect(status(s)).toBe('connecting');
    s = reduce(s, { type: 'socketOpen' });
    expect(status(s)).toBe('connected');
    s = run([{ type: 'handshake', done: true }, { type: 'acknowledged', all: true }], s);
    expect(status(s)).toBe('synced');
  });

  it('counts changes made offline and clears them only once the server confirmed them', () => {
    let s = run([{ type: 'socketOpen' }, { type: 'handshake', done: true }, { type: 'acknowledged', all: true }]);
    s = run([{ type: 'browserOffline' }, { type: 'localChange' }, { type: 'localChange' }, { type: 'localChange' }], s);
    expect(status(s)).toBe('offline');
    expect(s.pending).toBe(3);
    s = run([{ type: 'browserOnline' }, { type: 'socketConnecting' }], s);
    expect(status(s)).toBe('reconnecting');
    s = reduce(s, { type: 'acknowledged', all: true }); // not open yet: proves nothing
    expect(s.pending).toBe(3);
    s = run([{ type: 'socketOpen' }, { type: 'handshake', done: true }], s);
    expect(status(s)).toBe('connected');
    s = reduce(s, { type: 'acknowledged', all: true });
    expect(s.pending).toBe(0);
    expect(status(s)).toBe('synced');
  });

  it('reconnects after an ordinary close but stops on 4403', () => {
    const open = run([{ type: 'socketOpen' }]);
    expect(status(reduce(open, { type: 'socketClosed', code: 1006 }))).toBe('reconnecting');
    expect(status(reduce(open, { type: 'socketClosed', code: 1001 }))).toBe('reconnecting');
    const refused = reduce(open, { type: 'socketClosed', code: 4403, reason: 'not on the access list' });
    expect(status(refused)).toBe('refused');
    expect(refused.reason).toBe('not on the access list');
    // stopped is final: later socket events do not revive it
    expect(status(reduce(refused, { type: 'socketOpen' }))).toBe('refused');
  });

  it('keeps 4400, 4404, 4413 and 4429 final', () => {
    const open = run([{ type: 'socketOpen' }]);
    for (const code of [4400, 4404, 4413, 4429]) {
      const s = reduce(open, { type: 'socketClosed', code, reason: 'why' });
      expect(status(s), String(code)).toBe('refused');
      expect(s.reason).toBe('why');
    }
  });

  it('treats 4401 as a reconnect until the gateway says the sign-in ended', () => {
    const open = run([{ type: 'socketOpen' }, { type: 'handshake', done: true }, { type: 'acknowledged', all: true }]);
    const closed = reduce(open, { type: 'socketClosed', code: 4401, reason: 'token expired' });
    expect(status(closed)).toBe('reconnecting');
    expect(closed.checkingSession).toBe(true);
    expect(closed.stopped).toBeUndefined();

    const alive = reduce(closed, { type: 'sessionChecked', result: 'alive' });
    expect(status(alive)).toBe('reconnecting');
    expect(alive.checkingSession).toBe(false);
    expect(status(run([{ type: 'socketConnecting' }, { type: 'socketOpen' }, { type: 'handshake', done: true }], alive))).toBe('synced');

    const unreachable = reduce(closed, { type: 'sessionChecked', result: 'unreachable' });
    expect(status(unreachable)).toBe('reconnecting');

    const ended = reduce(closed, { type: 'sessionChecked', result: 'signedOut' });
    expect(status(ended)).toBe('signedOut');
    expect(status(reduce(ended, { type: 'socketOpen' }))).toBe('signedOut');
  });

  it('ignores an answer nobody waits for', () => {
    const open = run([{ type: 'socketOpen' }]);
    expect(reduce(open, { type: 'sessionChecked', result: 'alive' })).toBe(open);
  });

  it('backs off 1 s doubling to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('is not synced while updates wait for acknowledgement', () => {
    const s = run([{ type: 'socketOpen' }, { type: 'handshake', done: true }, { type: 'acknowledged', all: false }]);
    expect(status(s)).toBe('connected');
  });

  it('keeps counting local changes made after a refusal', () => {
    const s = run([{ type: 'refused', reason: 'no' }, { type: 'localChange' }]);
    expect(s.pending).toBe(1);
    expect(status(s)).toBe('refused');
  });
});

describe('connectHelpAfterMs', () => {
  it('is 10 s unless a positive number is set', () => {
    const store = (v: string | null) => ({ getItem: () => v });
    expect(connectHelpAfterMs(store(null))).toBe(10_000);
    expect(connectHelpAfterMs(store('2500'))).toBe(2500);
    expect(connectHelpAfterMs(store('-1'))).toBe(10_000);
    expect(connectHelpAfterMs(store('soon'))).toBe(10_000);
  });
});


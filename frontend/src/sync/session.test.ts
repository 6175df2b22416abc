import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { status, type SessionCheck } from './connection';
import { RoomSession } from './session';
import { FakeWebSocket, MiniServer } from './testing';

// RoomSession with the real Hocuspocus provider over a fake WebSocket and a miniature room server (./testing.ts).

let server: MiniServer;
let sessions: RoomSession[] = [];

function session(answers: SessionCheck[] = []) {
  const probe = vi.fn(async (): Promise<SessionCheck> => answers.shift() ?? 'alive');
  const s = new RoomSession({ roomId: 'r1', userId: 'u1', url: 'ws://test/ws/rooms/r1', probeSession: probe, WebSocketPolyfill: FakeWebSocket });
  sessions.push(s);
  return { s, probe };
}

const latest = () => FakeWebSocket.latest();
const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.all = [];
  server = new MiniServer();
  FakeWebSocket.server = server;
});

afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
  vi.useRealTimers();
});

describe('RoomSession after a 4401 close', () => {
  it('asks /api/me and, on 200, reconnects once after the backoff without showing anything new', async () => {
    const { s, probe } = session(['alive']);
    s.open('board');
    await tick();
    expect(FakeWebSocket.all.length).toBe(1);
    latest().accept();
    await tick();
    latest().serverClose(4401, 'token expired');
    await tick();
    expect(probe).toHaveBeenCalledTimes(1);
    expect(status(s.state)).toBe('reconnecting');
    await tick(999);
    expect(FakeWebSocket.all.length).toBe(1);
    await tick(1);
    expect(FakeWebSocket.all.length).toBe(2);
    latest().accept();
    await tick();
    expect(status(s.state)).toBe('connected');
    await tick(120_000);
    expect(FakeWebSocket.all.length).toBe(2); // no second retry loop left over from the closed socket
  });

  it('shows the signed-out state on 401 and stops', async () => {
    const { s } = session(['signedOut']);
    s.open('board');
    await tick();
    latest().accept();
    await tick();
    latest().serverClose(4401, 'token expired');
    await tick();
    expect(status(s.state)).toBe('signedOut');
    await tick(120_000);
    expect(FakeWebSocket.all.length).toBe(1);
  });

  it('backs off when every new socket is closed with 4401 at once while /api/me says 200', async () => {
    const { probe } = session();
    sessions[0].open('board');
    await tick();
    const closedAt: number[] = [];
    for (let i = 0; i < 7; i++) {
      const ws = latest();
      ws.accept();
      await tick();
      closedAt.push(Date.now());
      ws.serverClose(4401, 'token expired');
      await tick(40_000);
    }
    expect(FakeWebSocket.all.length).toBe(8);
    const waits = FakeWebSocket.all.slice(1).map((ws, i) => ws.createdAt - closedAt[i]);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(probe).toHaveBeenCalledTimes(7);
  });
});

describe('RoomSession awareness after a reconnect', () => {
  it('announces the whole local state again under a fresh client id, so the others see it without a reload', async () => {
    const { s } = session();
    const board = s.open('board');
    const notes = s.open('notes');
    board.provider.awareness!.setLocalState({ cursor: { x: 10, y: 20 }, selection: ['n1'], activeAt: 1234 });
    notes.provider.awareness!.setLocalStateField('user', { name: 'Alice', color: '#1f8a5b' });
    await tick();
    latest().accept();
    await tick();
    const first = board.doc.clientID;
    expect(server.view('board').getStates().get(first)).toMatchObject({ cursor: { x: 10, y: 20 }, activeAt: 1234 });
    expect(server.view('notes').getStates().get(notes.doc.clientID)).toMatchObject({ user: { name: 'Alice' } });

    latest().serverClose(1006); // the network dropped: the server retires the connection's client ids
    await tick();
    expect(server.view('board').getStates().size).toBe(0);
    await tick(1000);
    latest().accept();
    await tick();

    const second = board.doc.clientID;
    expect(second).not.toBe(first);
    expect(board.provider.awareness!.clientID).toBe(second);
    expect(server.view('board').getStates().get(second)).toMatchObject({ cursor: { x: 10, y: 20 }, selection: ['n1'], activeAt: 1234 });
    expect(server.view('notes').getStates().get(notes.doc.clientID)).toMatchObject({ user: { name: 'Alice', color: '#1f8a5b' } });

    // And it goes on from there: a later cursor move reaches the others too.
    board.provider.awareness!.setLocalStateField('cursor', { x: 30, y: 40 });
    expect(server.view('board').getStates().get(second)).toMatchObject({ cursor: { x: 30, y: 40 } });
  });
});

describe('a document opened for a while (someone else\'s private board)', () => {
  it('is let go when the server takes it back, and the room on the same socket stays connected', async () => {
    const { s } = session();
    s.open('board');
    s.open('private-bruno', 0, false);
    await tick();
    latest().accept();
    await tick();
    server.deny(latest(), 'private-bruno', 'your access to private-bruno in room r1 was revoked');
    await tick();
    expect(s.get('private-bruno')).toBeUndefined();
    expect(s.get('board')).toBeDefined();
    expect(['connected', 'synced']).toContain(status(s.state));
    expect(FakeWebSocket.all.length).toBe(1);
  });

  it('a document of one\'s own that the server refuses still says so for the room', async () => {
    const { s } = session();
    s.open('board');
    await tick();
    latest().accept();
    await tick();
    server.deny(latest(), 'board', 'your access to room r1 was revoked');
    await tick();
    expect(status(s.state)).toBe('refused');
  });
});

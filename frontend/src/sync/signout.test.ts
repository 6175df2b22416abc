import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { status, type SessionCheck } from './connection';
import { RoomSession } from './session';
import { FakeWebSocket, MiniServer } from './testing';

// A real sign-out in the middle of work: what was typed after it stays in IndexedDB and reaches the room once
// the person is back (a new RoomSession, as after "Sign in again" and the return to the room's page).

let server: MiniServer;
const sessions: RoomSession[] = [];

function session(roomId: string, answers: SessionCheck[] = []) {
  const s = new RoomSession({
    roomId, userId: 'u1', url: `ws://test/ws/rooms/${roomId}`, WebSocketPolyfill: FakeWebSocket,
    probeSession: async () => answers.shift() ?? 'alive',
  });
  sessions.push(s);
  return s;
}

async function until(what: string, test: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeEach(() => {
  FakeWebSocket.all = [];
  server = new MiniServer();
  FakeWebSocket.server = server;
});

afterEach(() => {
  for (const s of sessions.splice(0)) s.destroy();
});

describe('a real sign-out', () => {
  it('keeps the edits made after it on this device and merges them into the room after signing in again', async () => {
    const room = `signout-${Date.now()}`;
    const before = session(room, ['signedOut']);
    const board = before.open('board');
    await until('the socket', () => FakeWebSocket.all.length === 1);
    FakeWebSocket.latest().accept();
    board.doc.getText('t').insert(0, 'saved. ');
    await until('the first edit on the server', () => server.doc('board').getText('t').toString() === 'saved. ');

    FakeWebSocket.latest().serverClose(4401, 'signed out');
    await until('the signed-out state', () => status(before.state) === 'signedOut');
    board.doc.getText('t').insert(7, 'typed after the end');
    await new Promise((r) => setTimeout(r, 50)); // y-indexeddb writes each update in its own transaction
    expect(server.doc('board').getText('t').toString()).toBe('saved. '); // nothing went anywhere
    before.destroy(); // the page goes to the sign-in; the room's IndexedDB is left as it is
    await new Promise((r) => setTimeout(r, 100)); // the sign-in takes a while: anything asynchronous has happened

    const after = session(room);
    after.open('board');
    await until('the new socket', () => FakeWebSocket.all.length === 2);
    FakeWebSocket.latest().accept();
    await until('the kept edit on the server', () => server.doc('board').getText('t').toString() === 'saved. typed after the end');
    expect(after.get('board')!.doc.getText('t').toString()).toBe('saved. typed after the end');
  });
});

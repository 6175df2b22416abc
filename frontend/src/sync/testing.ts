/**
 * Test doubles for RoomSession (imported by tests only, never by the app): a fake WebSocket to hand to the real
 * Hocuspocus provider, and a miniature room server that keeps the rules the tests are about
 * (rooms/core/RoomDocument):
 *
 * - awareness: a connection may announce only client ids it owns or that nobody has used; when it leaves, its ids
 *   are removed for everyone (clock + 1) and retired for good;
 * - sync: each document is a Y.Doc; step 1 is answered with step 2 and the server's own step 1, updates are applied.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { readSyncMessage, writeSyncStep1 } from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const AUTH_PERMISSION_DENIED = 1;

export class FakeWebSocket {
  static all: FakeWebSocket[] = [];
  static server: MiniServer | undefined;
  readonly createdAt = Date.now();
  readyState = 0;
  binaryType = 'blob';
  private listeners = new Map<string, Set<(e: unknown) => void>>();

  constructor(readonly url: string) {
    FakeWebSocket.all.push(this);
  }

  static latest(): FakeWebSocket {
    return FakeWebSocket.all[FakeWebSocket.all.length - 1];
  }

  addEventListener(name: string, fn: (e: unknown) => void): void {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set());
    this.listeners.get(name)!.add(fn);
  }

  removeEventListener(name: string, fn: (e: unknown) => void): void {
    this.listeners.get(name)?.delete(fn);
  }

  private fire(name: string, e: unknown): void {
    for (const fn of [...(this.listeners.get(name) ?? [])]) fn(e);
  }

  send(data: Uint8Array): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    FakeWebSocket.server?.receive(this, new Uint8Array(data));
  }

  /** The browser closing it: the close event comes later, as in a browser. */
  close(): void {
    if (this.readyState >= 2) return;
    this.readyState = 3;
    FakeWebSocket.server?.left(this);
    setTimeout(() => this.fire('close', { code: 1005, reason: '' }), 0);
  }

  // The server's side.

  accept(): void {
    this.readyState = 1;
    this.fire('open', {});
  }

  deliver(frame: Uint8Array): void {
    if (this.readyState !== 1) return;
    this.fire('message', { data: frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) });
  }

  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    FakeWebSocket.server?.left(this);
    this.fire('close', { code, reason });
  }
}

export class MiniServer {
  /** What the other people in the room see, per document. */
  private readonly others = new Map<string, Awareness>();
  private readonly docs = new Map<string, Y.Doc>();
  private owners = new Map<string, Map<number, FakeWebSocket>>();
  private retired = new Map<string, Set<number>>();

  view(document: string): Awareness {
    if (!this.others.has(document)) {
      const others = new Awareness(new Y.Doc());
      others.setLocalState(null); // only what was relayed
      this.others.set(document, others);
    }
    return this.others.get(document)!;
  }

  doc(document: string): Y.Doc {
    if (!this.docs.has(document)) this.docs.set(document, new Y.Doc());
    return this.docs.get(document)!;
  }

  receive(from: FakeWebSocket, frame: Uint8Array): void {
    const d = decoding.createDecoder(frame);
    const document = decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE_SYNC) this.sync(from, document, d);
    else if (type === MESSAGE_AWARENESS) this.awareness(from, document, decoding.readVarUint8Array(d));
  }

  private sync(from: FakeWebSocket, document: string, d: decoding.Decoder): void {
    const doc = this.doc(document);
    const reply = encoding.createEncoder();
    encoding.writeVarString(reply, document);
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    const empty = encoding.length(reply);
    const kind = readSyncMessage(d, reply, doc, from);
    if (encoding.length(reply) > empty) from.deliver(encoding.toUint8Array(reply));
    if (kind === 0) {
      // The client's step 1: ask for what it has and we lack (what a reconnect or an offline edit brings).
      const ask = encoding.createEncoder();
      encoding.writeVarString(ask, document);
      encoding.writeVarUint(ask, MESSAGE_SYNC);
      writeSyncStep1(ask, doc);
      from.deliver(encoding.toUint8Array(ask));
    }
  }

  private awareness(from: FakeWebSocket, document: string, bytes: Uint8Array): void {
    const update = decoding.createDecoder(bytes);
    const owners = this.owners.get(document) ?? new Map<number, FakeWebSocket>();
    this.owners.set(document, owners);
    const retired = this.retired.get(document) ?? new Set<number>();
    this.retired.set(document, retired);
    const kept: Array<[number, number, string]> = [];
    for (let n = decoding.readVarUint(update); n > 0; n--) {
      const client = decoding.readVarUint(update);
      const clock = decoding.readVarUint(update);
      const state = decoding.readVarString(update);
      const owner = owners.get(client);
      if (owner === from || (owner === undefined && state !== 'null' && !retired.has(client))) {
        owners.set(client, from);
        kept.push([client, clock, state]);
      }
    }
    if (kept.length) applyAwarenessUpdate(this.view(document), encodeEntries(kept), 'server');
  }

  /** Takes one document away from a socket, as the room server does when access changes (docs/rooms.md). */
  deny(socket: FakeWebSocket, document: string, reason: string): void {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, document);
    encoding.writeVarUint(e, MESSAGE_AUTH);
    encoding.writeVarUint(e, AUTH_PERMISSION_DENIED);
    encoding.writeVarString(e, reason);
    socket.deliver(encoding.toUint8Array(e));
  }

  left(socket: FakeWebSocket): void {
    for (const [document, owners] of this.owners) {
      const gone: Array<[number, number, string]> = [];
      for (const [client, owner] of owners) {
        if (owner !== socket) continue;
        owners.delete(client);
        this.retired.get(document)!.add(client);
        gone.push([client, (this.view(document).meta.get(client)?.clock ?? 0) + 1, 'null']);
      }
      if (gone.length) applyAwarenessUpdate(this.view(document), encodeEntries(gone), 'server');
    }
  }
}

function encodeEntries(entries: Array<[number, number, string]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [client, clock, state] of entries) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, state);
  }
  return encoding.toUint8Array(e);
}

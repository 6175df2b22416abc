import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { moveToFreshClientId } from './awareness';
import { initialState, RECONNECT_DELAY_MS, RECONNECT_FACTOR, RECONNECT_MAX_DELAY_MS, reduce, type ConnectionEvent, type ConnectionState } from './connection';
import { SessionGuard, type SessionProbe } from './reconnect';
import { parseRejection } from './rejection';
import { replayPending, typedRoots, type PendingUpdate } from './replay';

/**
 * One socket that does not queue while closed. The stock provider keeps every message sent while the socket is
 * down and flushes the lot after reconnecting, possibly before the server has authenticated each document
 * (the room server refuses more than 64 messages before authentication with 4413). Nothing is lost by dropping
 * them: on reconnect each document's sync handshake (step 1/step 2) carries every update the server is missing,
 * and awareness is re-sent by startSync (under a fresh client id, see RoomSession.open).
 */
class VetnetSocket extends HocuspocusProviderWebsocket {
  send(message: unknown): void {
    if (this.webSocket?.readyState === 1) super.send(message);
  }
}

export interface DocHandle {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Bumped when the document is discarded and joined again after a rejection: views rebind. */
  readonly generation: number;
  /** 'readonly' or 'read-write' once the server authenticated the document. */
  scope?: string;
}

export interface RoomSessionOptions {
  roomId: string;
  userId: string;
  /** ws(s)://host/ws/rooms/{roomId}; defaults to this page's host (the gateway). */
  url?: string;
  /** Asked after a 4401 close whether the sign-in still lives (the app passes app/api.ts probeSession). */
  probeSession: SessionProbe;
  onRejected?: (document: string, reason: string) => void;
  /** The WebSocket class; tests pass a fake one. */
  WebSocketPolyfill?: unknown;
}

/** After this many rejections of one document within a minute we stop rejoining it (a safety valve against loops). */
const MAX_REJECTIONS_PER_MINUTE = 3;

/** The origin of the edits written again after a rejection: local edits like any other (sent, kept, undoable). */
const REPLAY = Symbol('vetnet.replay');

/** The documents every room has (the server's RoomRecord.DEFAULT_DOCUMENTS): the board, the shared notes, the workshop. */
export const ROOM_DOCUMENTS = ['board', 'notes', 'workshop'] as const;

/**
 * A room's documents over one Hocuspocus socket. Local edits are kept in IndexedDB (y-indexeddb) so work done
 * offline survives a reload. A change the server rejects is undone by discarding the local copy of that
 * document (memory and IndexedDB) and joining it again; the user's other unconfirmed edits of that document are
 * then written again on the fresh copy (sync/replay.ts), the refused one is not.
 */
export class RoomSession {
  readonly socket: HocuspocusProviderWebsocket;
  private handles = new Map<string, DocHandle & { idb?: IndexeddbPersistence; unsub: () => void; pending: PendingUpdate[] }>();
  private listeners = new Set<() => void>();
  private rejections = new Map<string, number[]>();
  state: ConnectionState;
  private readonly guard: SessionGuard;
  private readonly onOnline = () => {
    this.dispatch({ type: 'browserOnline' });
    if (!this.state.stopped) void this.socket.connect();
  };
  private readonly onOffline = () => {
    this.dispatch({ type: 'browserOffline' });
    this.socket.disconnect();
  };

  constructor(private readonly options: RoomSessionOptions) {
    const online = typeof navigator === 'undefined' || navigator.onLine !== false;
    this.state = initialState(online);
    const url = options.url ?? defaultUrl(options.roomId);
    // Closes are judged by the guard: 4401 asks the gateway before anything is shown (sync/reconnect.ts).
    this.guard = new SessionGuard({
      state: () => this.state,
      dispatch: (e) => this.dispatch(e),
      stopSocket: () => this.socket.disconnect(),
      startSocket: () => void this.socket.connect(),
    }, { probe: options.probeSession });
    this.socket = new VetnetSocket({
      url,
      autoConnect: online,
      // Backoff between attempts (the guard's after a 4401 is the same): poor Wi-Fi should not be hammered.
      delay: RECONNECT_DELAY_MS,
      factor: RECONNECT_FACTOR,
      maxDelay: RECONNECT_MAX_DELAY_MS,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      onStatus: ({ status }) => {
        if (status === 'connecting') this.dispatch({ type: 'socketConnecting' });
        else if (status === 'connected') {
          this.guard.opened();
          this.dispatch({ type: 'socketOpen' });
        }
      },
      onClose: ({ event }) => this.guard.closed(event?.code, event?.reason),
    } as ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]);
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private notify(): void {
    for (const l of this.listeners) l();
  }

  dispatch(e: ConnectionEvent): void {
    const next = reduce(this.state, e);
    if (next !== this.state) {
      this.state = next;
      this.notify();
    }
  }

  get(name: string): DocHandle | undefined {
    return this.handles.get(name);
  }

  /**
   * Opens (or returns) a document of the room on the shared socket. `keep`: kept in IndexedDB for offline edits;
   * false for what one only reads for a while (someone else's private notes), so no copy stays in the browser.
   */
  open(name: string, generation = 0, keep = true): DocHandle {
    const existing = this.handles.get(name);
    if (existing) return existing;
    const doc = new Y.Doc();
    const idb = !keep || typeof indexedDB === 'undefined'
      ? undefined
      : new IndexeddbPersistence(storageName(this.options.roomId, name, this.options.userId), doc);
    // Every open of the socket after the first: the server retired our awareness client id when the last
    // connection left, so move to a fresh one before the provider's startSync re-announces the state (the
    // provider emits 'open' right before it authenticates and starts syncing; see sync/awareness.ts).
    let opens = 0;
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      onOpen: () => {
        if (opens++ > 0 && provider.awareness) moveToFreshClientId(doc, provider.awareness);
      },
      // Empty: the gateway puts the user's token on the proxied upgrade; the server falls back to that header.
      token: '',
      onStateless: ({ payload }) => {
        const r = parseRejection(payload);
        if (r && (r.document ?? name) === name) void this.rejected(name, r.reason);
      },
      onAuthenticated: ({ scope }) => {
        const h = this.handles.get(name);
        if (h) h.scope = scope;
        this.notify();
      },
      onAuthenticationFailed: ({ reason }) => {
        if (!keep) {
          // A view opened for a while (someone's private board) that the server took back: let it go; the rest of
          // the room, on the same socket, goes on (docs/rooms.md, "Access changes").
          this.close(name);
          return;
        }
        if (provider.isAuthenticated) {
          // Denied after we were let in: a write our role may not make (read-only). Same cure as a rejection,
          // but nothing of ours can be written again: every write of this role is refused.
          void this.rejected(name, reason, true);
        } else {
          this.dispatch({ type: 'refused', reason });
        }
      },
      onSynced: () => this.checkSynced(),
      onUnsyncedChanges: () => this.checkSynced(),
    });
    provider.attach();
    // Every local update since the server last confirmed everything: what a rejection must not lose.
    const pending: PendingUpdate[] = [];
    const onUpdate = (u: Uint8Array, origin: unknown) => {
      if (origin !== provider && origin !== idb) {
        // Sent on its own only over an open socket (VetnetSocket drops the rest; the reconnect's sync carries them).
        pending.push({ update: u, sent: this.socket.webSocket?.readyState === 1 });
        if (this.state.socket !== 'open' || !this.state.handshakeDone) this.dispatch({ type: 'localChange' });
      }
    };
    doc.on('update', onUpdate);
    // Edits kept in IndexedDB from an earlier visit may not be on the server either.
    idb?.once('synced', () => pending.unshift({ update: Y.encodeStateAsUpdate(doc), sent: false }));
    const handle = { name, doc, provider, generation, idb, pending, unsub: () => doc.off('update', onUpdate) };
    this.handles.set(name, handle);
    this.notify();
    return handle;
  }

  /** Stops syncing a document opened for a while and forgets it (nothing of it stays in memory). */
  close(name: string): void {
    const h = this.handles.get(name);
    if (!h) return;
    this.handles.delete(name);
    h.unsub();
    h.provider.destroy();
    h.doc.destroy();
    this.notify();
  }

  private ackTimer: ReturnType<typeof setTimeout> | undefined;

  /** The server has applied everything document {@code name} sent (it is synced and nothing is unacknowledged). */
  settled(name: string): boolean {
    const h = this.handles.get(name);
    return !!h && h.provider.synced && h.provider.unsyncedChanges === 0;
  }

  private allAcknowledged(): boolean {
    return [...this.handles.values()].every((h) => h.provider.unsyncedChanges === 0);
  }

  private checkSynced(): void {
    const hs = [...this.handles.values()];
    // The server has applied everything this document sent: nothing pending to keep any more.
    for (const [name, h] of this.handles) if (this.settled(name)) h.pending.length = 0;
    const done = hs.length > 0 && hs.every((h) => h.provider.synced);
    this.dispatch({ type: 'handshake', done });
    if (this.allAcknowledged()) {
      clearTimeout(this.ackTimer);
      this.ackTimer = undefined;
      this.dispatch({ type: 'acknowledged', all: true });
    } else if (!this.ackTimer) {
      // An update is normally acknowledged within milliseconds: only one still waiting after a second is news
      // (the header would otherwise flicker between "saved" and "saving" on every keystroke).
      this.ackTimer = setTimeout(() => {
        this.ackTimer = undefined;
        if (!this.allAcknowledged()) this.dispatch({ type: 'acknowledged', all: false });
      }, 1000);
    }
  }

  /**
   * The server refused a change to `name`: tell the user, discard our copy, join again, and once the server's
   * state is back write our other unconfirmed edits again (not the refused one; nothing for a read-only role).
   */
  private async rejected(name: string, reason: string, readOnly = false): Promise<void> {
    const h = this.handles.get(name);
    if (!h) return;
    // Taken now: acknowledgements still arriving for earlier updates must not shorten it.
    const pending = readOnly ? [] : h.pending.slice();
    const roots = typedRoots(h.doc);
    const now = Date.now();
    const recent = (this.rejections.get(name) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    this.rejections.set(name, recent);
    this.options.onRejected?.(name, reason);
    this.handles.delete(name);
    h.unsub();
    h.provider.destroy();
    if (h.idb) await h.idb.clearData();
    h.doc.destroy();
    if (recent.length > MAX_REJECTIONS_PER_MINUTE) {
      this.dispatch({ type: 'refused', reason });
      return;
    }
    const fresh = this.open(name, h.generation + 1, !!h.idb || typeof indexedDB === 'undefined');
    if (pending.length === 0) return;
    const replay = () => {
      if (this.handles.get(name) !== fresh) return; // discarded again, or the session ended
      replayPending(fresh.doc, roots, pending, REPLAY);
    };
    if (fresh.provider.synced) replay();
    else {
      const onSynced = ({ state }: { state: boolean }) => {
        if (!state) return;
        fresh.provider.off('synced', onSynced);
        replay();
      };
      fresh.provider.on('synced', onSynced);
    }
  }

  /** Number of local changes kept in IndexedDB and not yet confirmed by the server. */
  get pending(): number {
    return this.state.pending;
  }

  destroy(): void {
    clearTimeout(this.ackTimer);
    this.guard.destroy();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    for (const h of this.handles.values()) {
      h.unsub();
      h.provider.destroy();
      void h.idb?.destroy();
      h.doc.destroy();
    }
    this.handles.clear();
    this.socket.destroy();
    this.listeners.clear();
  }
}

export function storageName(roomId: string, document: string, userId: string): string {
  return `vetnet:${roomId}:${document}:${userId}`;
}

function defaultUrl(roomId: string): string {
  const proto = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${proto}://${location.host}/ws/rooms/${encodeURIComponent(roomId)}`;
}

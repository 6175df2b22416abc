/**
 * Connection truth for the room header: a pure state machine fed by the socket, the providers, the browser's
 * online/offline events and local edits. The view shows `status` and `pending`; nothing here does I/O.
 */
export type Status = 'connecting' | 'connected' | 'synced' | 'reconnecting' | 'offline' | 'refused' | 'signedOut';

export interface ConnectionState {
  /** The WebSocket: connecting, open, or closed (between retries, or stopped). */
  socket: 'connecting' | 'open' | 'closed';
  /** navigator.onLine and the browser's online/offline events. */
  browserOnline: boolean;
  /** Every open document has finished its sync handshake since the socket last opened. */
  handshakeDone: boolean;
  /** The server has acknowledged every update sent since then. */
  acknowledged: boolean;
  /** The socket has been open at least once (so a later close is a reconnect, not a first connect). */
  everOpen: boolean;
  /** Local changes not yet confirmed by the server (kept in IndexedDB meanwhile). */
  pending: number;
  /** Why the server refused us; we stop reconnecting. */
  reason?: string;
  stopped?: 'refused' | 'signedOut';
  /**
   * The socket closed with 4401 and the gateway is being asked whether the sign-in still lives. Not shown:
   * until the answer says otherwise this is an ordinary reconnect.
   */
  checkingSession?: boolean;
}

/** The gateway's answer to "is this browser still signed in?" (GET /api/me: 200, 401, or no answer at all). */
export type SessionCheck = 'alive' | 'signedOut' | 'unreachable';

export type ConnectionEvent =
  | { type: 'socketConnecting' }
  | { type: 'socketOpen' }
  | { type: 'socketClosed'; code?: number; reason?: string }
  | { type: 'browserOnline' }
  | { type: 'browserOffline' }
  | { type: 'handshake'; done: boolean }
  /** All providers report zero unacknowledged updates (Hocuspocus sync status). */
  | { type: 'acknowledged'; all: boolean }
  | { type: 'localChange' }
  | { type: 'refused'; reason: string }
  | { type: 'sessionChecked'; result: SessionCheck };

/**
 * 4401 is not final by itself: the room server also sends it when the access token the gateway relayed has
 * expired (tokens live minutes, the sign-in hours). Only the gateway knows whether the sign-in itself ended, so
 * the app asks it (sync/reconnect.ts) before it tells the user anything.
 */
export const CLOSE_UNAUTHORIZED = 4401;
/** Close codes after which reconnecting cannot help (rooms/core/CloseCodes.java): stop and tell the user. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([4400, 4403, 4404, 4413, 4429]);

/** The reconnect backoff: 1 s doubling to 30 s (poor Wi-Fi should not be hammered). */
export const RECONNECT_DELAY_MS = 1000;
export const RECONNECT_FACTOR = 2;
export const RECONNECT_MAX_DELAY_MS = 30_000;

/** The wait before reconnect attempt number `attempt` (0 = the first after a close). */
export function reconnectDelay(attempt: number): number {
  return Math.min(RECONNECT_DELAY_MS * RECONNECT_FACTOR ** Math.max(0, attempt), RECONNECT_MAX_DELAY_MS);
}

export function initialState(browserOnline = true): ConnectionState {
  return { socket: 'connecting', browserOnline, handshakeDone: false, acknowledged: true, everOpen: false, pending: 0 };
}

export function reduce(s: ConnectionState, e: ConnectionEvent): ConnectionState {
  if (s.stopped && e.type !== 'localChange') return s;
  switch (e.type) {
    case 'socketConnecting':
      return { ...s, socket: 'connecting', handshakeDone: false };
    case 'socketOpen':
      return { ...s, socket: 'open', everOpen: true, handshakeDone: false };
    case 'socketClosed': {
      const next: ConnectionState = { ...s, socket: 'closed', handshakeDone: false };
      if (e.code === CLOSE_UNAUTHORIZED) return { ...next, checkingSession: true };
      if (e.code !== undefined && FINAL_CLOSE_CODES.has(e.code)) return { ...next, stopped: 'refused', reason: e.reason || `close ${e.code}` };
      return next;
    }
    case 'browserOnline':
      return { ...s, browserOnline: true };
    case 'browserOffline':
      return { ...s, browserOnline: false, socket: 'closed', handshakeDone: false };
    case 'handshake':
      return { ...s, handshakeDone: e.done && s.socket === 'open' };
    case 'acknowledged': {
      if (!e.all) return { ...s, acknowledged: false };
      // Only an acknowledgement over an open, synced socket confirms what was kept locally.
      const confirmed = s.socket === 'open' && s.handshakeDone;
      return { ...s, acknowledged: true, pending: confirmed ? 0 : s.pending };
    }
    case 'localChange':
      return { ...s, pending: s.pending + 1, acknowledged: false };
    case 'refused':
      return { ...s, stopped: 'refused', reason: e.reason, socket: 'closed' };
    case 'sessionChecked':
      if (e.result === 'signedOut') return { ...s, checkingSession: false, stopped: 'signedOut', socket: 'closed', handshakeDone: false };
      // Alive, or the gateway did not answer: an ordinary close after all, the reconnect goes on.
      return s.checkingSession ? { ...s, checkingSession: false } : s;
  }
}

/** What the header shows. */
export function status(s: ConnectionState): Status {
  if (s.stopped) return s.stopped;
  if (!s.browserOnline) return 'offline';
  if (s.socket === 'open') return s.handshakeDone && s.acknowledged && s.pending === 0 ? 'synced' : 'connected';
  return s.everOpen ? 'reconnecting' : 'connecting';
}

/**
 * How long "Connecting…" may show before the room explains what may be wrong: 10 s, or the number in
 * sessionStorage 'vetnet.connectHelpAfterMs' (the end-to-end test sets a short one).
 */
export function connectHelpAfterMs(storage: Pick<Storage, 'getItem'> | undefined = globalThis.sessionStorage): number {
  const v = Number(storage?.getItem('vetnet.connectHelpAfterMs'));
  return Number.isFinite(v) && v > 0 ? v : 10_000;
}

import { CLOSE_UNAUTHORIZED, reconnectDelay, type ConnectionEvent, type ConnectionState, type SessionCheck } from './connection';

/** Asks the gateway whether this browser is still signed in (in the app: GET /api/me, see app/api.ts probeSession). */
export type SessionProbe = () => Promise<SessionCheck>;

/** What the guard drives: the room session's state machine and its socket. */
export interface GuardHost {
  state(): ConnectionState;
  dispatch(e: ConnectionEvent): void;
  /** Stops the socket's own reconnect loop (the guard decides when to connect again). */
  stopSocket(): void;
  /** Connects again; from here on the socket's own retry loop (same backoff) runs until it is open. */
  startSocket(): void;
}

export interface GuardOptions {
  probe: SessionProbe;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * A connection that stayed open this long was not refused at once: the next 4401 (typically an access token that
 * expired minutes later) starts the backoff again at 1 s. Shorter-lived ones keep doubling it, so a server that
 * closes every new socket with 4401 while /api/me says 200 is asked at most every 30 s, not in a tight loop.
 */
export const STABLE_CONNECTION_MS = 30_000;

/**
 * Decides what a socket close means before anyone tells the user "your session ended".
 *
 * - 4401: the room server says the token it got is not (or no longer) valid. That is what an access token expiring
 *   looks like too, so the guard stops the socket's own reconnect, asks the gateway (`probe`), and
 *   - on 200 (`alive`) reconnects after the usual backoff, silently: the header shows what any reconnect shows;
 *   - on 401 (`signedOut`) the session state becomes signed out (final);
 *   - without an answer (`unreachable`: offline, gateway restarting) it also reconnects after the backoff, and a
 *     4401 on the next socket asks again.
 * - a socket that closed before it ever opened: the gateway answers an upgrade from a signed-out browser with
 *   HTTP 401, which browsers report only as close 1006. The socket's own retry loop goes on with its backoff;
 *   the guard asks the gateway alongside and stops everything only on `signedOut`.
 * - every other close is the state machine's business alone (ordinary: the socket reconnects; final: stop).
 *
 * Pure of I/O: the probe, the socket and the timers come from outside (tests drive them by hand).
 */
export class SessionGuard {
  /** 4401 closes since the connection was last stable: the exponent of the backoff. */
  private attempts = 0;
  private openedAt: number | undefined;
  private inflight: Promise<SessionCheck> | undefined;
  private timer: unknown;
  private destroyed = false;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly host: GuardHost, private readonly options: GuardOptions) {
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** The socket is open (called for every 'connected' status; the first one counts). */
  opened(): void {
    this.openedAt ??= this.now();
    this.cancelTimer(); // connected by someone else (the browser's online event): nothing left to schedule
  }

  /** The socket closed (before or after it opened). */
  closed(code?: number, reason?: string): void {
    const openFor = this.openedAt === undefined ? undefined : this.now() - this.openedAt;
    this.openedAt = undefined;
    this.host.dispatch({ type: 'socketClosed', code, reason });
    if (this.host.state().stopped) {
      this.host.stopSocket();
      return;
    }
    if (code === CLOSE_UNAUTHORIZED) {
      // Ours from here: the socket would otherwise be back in a second, with the same answer if we were signed out.
      this.host.stopSocket();
      if (openFor !== undefined && openFor >= STABLE_CONNECTION_MS) this.attempts = 0;
      const delay = reconnectDelay(this.attempts++);
      void this.check().then((result) => {
        if (result !== 'signedOut') this.reconnectIn(delay);
      });
    } else if (openFor === undefined) {
      void this.check();
    }
  }

  /** Asks the gateway once at a time (a second close while the question is out shares the answer). */
  private check(): Promise<SessionCheck> {
    this.inflight ??= this.options.probe()
      .catch((): SessionCheck => 'unreachable')
      .then((result) => {
        this.inflight = undefined;
        if (!this.destroyed) {
          this.host.dispatch({ type: 'sessionChecked', result });
          if (this.host.state().stopped) this.host.stopSocket();
        }
        return result;
      });
    return this.inflight;
  }

  private reconnectIn(ms: number): void {
    if (this.destroyed) return;
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      const s = this.host.state();
      // Offline: the browser's online event connects. Already connecting (that event came first): nothing to do.
      if (this.destroyed || s.stopped || !s.browserOnline || s.socket !== 'closed') return;
      this.host.startSocket();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  destroy(): void {
    this.destroyed = true;
    this.cancelTimer();
  }
}

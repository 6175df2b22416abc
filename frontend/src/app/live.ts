/**
 * The app's one live channel (docs/frontend.md, "Live"): the room servers' server-sent stream
 * (`/api/presence/stream`), open while anything listens and shared by every listener. It carries the lobby's presence
 * counts (`presence` events) and the signed-in person's notifications (`notification` events, docs/community.md).
 *
 * EventSource reconnects by itself after a dropped connection; when the server answered with an error instead (the
 * stream is then closed for good), the channel tells its listeners (`onDown`) and opens it again after `retryMs`.
 */
export type LiveHandler = (data: unknown) => void;

export interface LiveSource {
  readonly readyState: number;
  onerror: ((e: Event) => void) | null;
  addEventListener(type: string, listener: (e: MessageEvent) => void): void;
  close(): void;
}

export interface LiveChannel {
  /** Hears `event` (its data parsed as JSON) until the returned function is called; `onDown` while the stream is down. */
  on(event: string, handler: LiveHandler, onDown?: () => void): () => void;
}

const CLOSED = 2;

export function createLiveChannel(open: () => LiveSource | undefined, retryMs = 15_000): LiveChannel {
  const handlers = new Map<string, Set<LiveHandler>>();
  const downs = new Set<() => void>();
  let source: LiveSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let listening = 0;

  const connect = () => {
    retry = undefined;
    if (listening === 0) return;
    source = open();
    if (!source) {
      downs.forEach((d) => d());
      return;
    }
    for (const event of handlers.keys()) subscribe(source, event);
    source.onerror = () => {
      if (source?.readyState !== CLOSED) return; // reconnecting by itself
      source = undefined;
      downs.forEach((d) => d());
      retry ??= setTimeout(connect, retryMs);
    };
  };
  const subscribe = (s: LiveSource, event: string) => s.addEventListener(event, (e) => {
    let data: unknown;
    try {
      data = JSON.parse(e.data);
    } catch {
      return; // an event we cannot read: the next one may be fine
    }
    handlers.get(event)?.forEach((h) => h(data));
  });

  return {
    on(event, handler, onDown) {
      const fresh = !handlers.has(event);
      if (fresh) handlers.set(event, new Set());
      handlers.get(event)!.add(handler);
      if (onDown) downs.add(onDown);
      listening++;
      if (listening === 1 && !source && !retry) connect();
      else if (fresh && source) subscribe(source, event);
      return () => {
        handlers.get(event)?.delete(handler);
        if (onDown) downs.delete(onDown);
        listening--;
        if (listening === 0) {
          source?.close();
          source = undefined;
          if (retry) clearTimeout(retry);
          retry = undefined;
        }
      };
    },
  };
}

/** The channel the app uses. */
export const live = createLiveChannel(() => (typeof EventSource === 'undefined' ? undefined : new EventSource('/api/presence/stream')));

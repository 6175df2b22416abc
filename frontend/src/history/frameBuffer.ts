/**
 * Playing a room's history as a video player plays: frames are asked for ahead of the moment they are due (the
 * moments to come are known: each tick moves on by the same step), so a frame has several ticks, not one, to be
 * fetched and decoded; one not ready when its moment comes is dropped, and counted.
 */
export interface Frame { board: string; notes: string }

interface Entry { abort: AbortController; started: number; frame: Frame | null; done: Promise<Frame | null> }

export class FrameBuffer {
  private readonly entries = new Map<number, Entry>();
  /** How long each frame took from being asked for to being ready, in ms. */
  readonly latencies: number[] = [];

  constructor(private readonly load: (at: number, signal: AbortSignal) => Promise<Frame>) {}

  /** Starts loading the frame of moment `at`, unless it is loading or loaded. */
  want(at: number): void {
    if (this.entries.has(at)) return;
    const abort = new AbortController();
    const entry: Entry = { abort, started: performance.now(), frame: null, done: Promise.resolve(null) };
    entry.done = this.load(at, abort.signal).then((frame) => {
      if (abort.signal.aborted) {
        URL.revokeObjectURL(frame.board);
        return null;
      }
      entry.frame = frame;
      this.latencies.push(performance.now() - entry.started);
      return frame;
    }, () => null);
    this.entries.set(at, entry);
  }

  ready(at: number): Frame | null {
    return this.entries.get(at)?.frame ?? null;
  }

  whenReady(at: number): Promise<Frame | null> {
    this.want(at);
    return this.entries.get(at)!.done;
  }

  /** Forgets the frames before `at` (what was shown stays on screen: its picture is decoded already). */
  keepFrom(at: number): void {
    for (const [moment, entry] of this.entries) {
      if (moment < at) this.forget(moment, entry);
    }
  }

  clear(): void {
    for (const [moment, entry] of this.entries) this.forget(moment, entry);
  }

  private forget(moment: number, entry: Entry): void {
    entry.abort.abort();
    if (entry.frame) URL.revokeObjectURL(entry.frame.board);
    this.entries.delete(moment);
  }
}

/** The moments a playback from `at` shows next: `at` and the `ahead` after it, one `step` apart, none past `end`. */
export function nextMoments(at: number, step: number, ahead: number, end: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= ahead; k++) {
    const m = Math.min(end, at + k * step);
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

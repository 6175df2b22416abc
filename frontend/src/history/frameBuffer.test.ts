import { describe, expect, it } from 'vitest';
import { FrameBuffer, nextMoments } from './frameBuffer';

describe('playing a history ahead of time', () => {
  it('asks for the moments to come, one step apart, none past the end', () => {
    expect(nextMoments(0, 5000, 3, 100_000)).toEqual([0, 5000, 10_000, 15_000]);
    expect(nextMoments(90_000, 5000, 3, 100_000)).toEqual([90_000, 95_000, 100_000]);
  });

  it('loads each moment once, says which are ready, and forgets the past', async () => {
    const asked: number[] = [];
    const aborted: number[] = [];
    const releases = new Map<number, () => void>();
    const buffer = new FrameBuffer((at, signal) => {
      asked.push(at);
      signal.addEventListener('abort', () => aborted.push(at));
      return new Promise((ok) => releases.set(at, () => ok({ board: `blob:${at}`, notes: `<p>${at}</p>` })));
    });
    buffer.want(0);
    buffer.want(5000);
    buffer.want(0);
    expect(asked).toEqual([0, 5000]);
    expect(buffer.ready(0)).toBeNull();
    releases.get(0)!();
    expect(await buffer.whenReady(0)).toEqual({ board: 'blob:0', notes: '<p>0</p>' });
    expect(buffer.ready(0)?.notes).toBe('<p>0</p>');
    expect(buffer.latencies).toHaveLength(1);
    buffer.keepFrom(5000);
    expect(buffer.ready(0)).toBeNull();
    expect(aborted).toEqual([0]);
    buffer.clear();
    expect(aborted).toEqual([0, 5000]);
  });
});

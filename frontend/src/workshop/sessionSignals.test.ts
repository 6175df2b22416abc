import { describe, expect, it } from 'vitest';
import type { WorkshopSnapshot } from './model';
import { openVote, signals } from './sessionSignals';

const base: WorkshopSnapshot = {
  agenda: [{ title: 'Gather', minutes: 15, phase: 'gather' }, { title: 'Discuss', minutes: 20, phase: 'discuss' }],
  current: -1, timer: { startedAt: 0, durationSec: 0, running: false }, phase: 'gather', questions: [], polls: [],
};

describe('session signals', () => {
  it('announces nothing on the first look, however the room stands', () => {
    expect(signals(undefined, { ...base, timer: { startedAt: 0, durationSec: 10, running: true } }, 60_000)).toEqual([]);
  });

  it('announces a new item (not also its phase), a phase changed by hand, and each new vote', () => {
    const started = { ...base, current: 1, phase: 'discuss' };
    expect(signals(base, started, 0)).toEqual([{ kind: 'item', index: 1 }]);
    expect(signals(started, { ...started, phase: 'decide' }, 0)).toEqual([{ kind: 'phase', phase: 'decide' }]);
    const poll = { id: 'p1', question: 'Which first?', options: ['a', 'b'], votes: {} };
    expect(signals(started, { ...started, polls: [poll] }, 0)).toEqual([{ kind: 'vote', pollId: 'p1' }]);
  });

  it('says time is up once, when a running timer reaches zero', () => {
    const running = { ...base, timer: { startedAt: 0, durationSec: 10, running: true } };
    expect(signals(running, running, 10_000, 1)).toEqual([{ kind: 'timeUp' }]);
    expect(signals(running, running, 11_000, 0)).toEqual([]);
    expect(signals(running, running, 5_000, 6)).toEqual([]);
  });

  it('invites a person to the newest vote they have not cast', () => {
    const polls: WorkshopSnapshot['polls'] = [
      { id: 'old', question: 'q1', options: ['a'], votes: {} },
      { id: 'new', question: 'q2', options: ['a'], votes: { alice: 'a' } },
    ];
    expect(openVote({ ...base, polls }, 'alice')?.id).toBe('old');
    expect(openVote({ ...base, polls }, 'fabio')?.id).toBe('new');
  });
});

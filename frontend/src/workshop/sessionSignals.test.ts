import { describe, expect, it } from 'vitest';
import type { Poll, WorkshopSnapshot } from './model';
import { openVote, signals } from './sessionSignals';

const base: WorkshopSnapshot = {
  agenda: [{ title: 'Gather', minutes: 15, phase: 'gather' }, { title: 'Discuss', minutes: 20, phase: 'discuss' }],
  current: -1, timer: { startedAt: 0, durationSec: 0, running: false }, phase: 'gather', questions: [], polls: [], statements: [], phaseRules: {}, breakouts: [], anonymousQuestions: false, strictStatements: false, statementsWaiting: 0, proposalsChanged: 0,
};

const choice = (id: string, question: string, votes: Poll['votes'] = {}, state: Poll['state'] = 'open'): Poll => ({
  id, question, kind: 'choice', state, revealed: false, options: ['a', 'b'], targets: [], labels: [], budget: 0, votes, anonymous: false,
});

describe('session signals', () => {
  it('announces nothing on the first look, however the room stands', () => {
    expect(signals(undefined, { ...base, timer: { startedAt: 0, durationSec: 10, running: true } }, 60_000)).toEqual([]);
  });

  it('announces a new item (not also its phase), a phase changed by hand, and each new vote', () => {
    const started = { ...base, current: 1, phase: 'discuss' };
    expect(signals(base, started, 0)).toEqual([{ kind: 'item', index: 1 }]);
    expect(signals(started, { ...started, phase: 'decide' }, 0)).toEqual([{ kind: 'phase', phase: 'decide' }]);
    const poll = choice('p1', 'Which first?');
    expect(signals(started, { ...started, polls: [poll] }, 0)).toEqual([{ kind: 'vote', pollId: 'p1' }]);
    expect(signals({ ...started, polls: [poll] }, { ...started, polls: [{ ...poll, state: 'closed' }] }, 0))
      .toEqual([{ kind: 'voteClosed', pollId: 'p1' }]);
  });

  it('says time is up once, when a running timer reaches zero', () => {
    const running = { ...base, timer: { startedAt: 0, durationSec: 10, running: true } };
    expect(signals(running, running, 10_000, 1)).toEqual([{ kind: 'timeUp' }]);
    expect(signals(running, running, 11_000, 0)).toEqual([]);
    expect(signals(running, running, 5_000, 6)).toEqual([]);
  });

  it('invites a person to the newest open vote they have not cast (a closed one takes no ballot)', () => {
    const polls: WorkshopSnapshot['polls'] = [
      choice('old', 'q1'),
      choice('new', 'q2', { alice: 'a' }),
      choice('closed', 'q3', {}, 'closed'),
    ];
    expect(openVote({ ...base, polls }, 'alice')?.id).toBe('old');
    expect(openVote({ ...base, polls }, 'fabio')?.id).toBe('new');
  });
});

describe('openVote and anonymous polls', () => {
  it('invites to an anonymous poll until this browser cast a ballot in it', () => {
    const anon: Poll = { ...choice('a1', 'Levy?'), anonymous: true, voters: 3 };
    const s = { ...base, polls: [anon] };
    expect(openVote(s, 'alice')?.id).toBe('a1');
    expect(openVote(s, 'alice', (id) => id === 'a1')).toBeUndefined();
    expect(openVote({ ...s, polls: [{ ...anon, state: 'closed' }] }, 'alice')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { remaining, WorkshopModel } from './model';

describe('WorkshopModel', () => {
  it('lets facilitators run agenda, timer, phase and polls, and nobody else', () => {
    const doc = new Y.Doc();
    const fabio = new WorkshopModel(doc, { userId: 'fabio', role: 'facilitator' });
    const alice = new WorkshopModel(doc, { userId: 'alice', role: 'participant' });
    fabio.addAgendaItem('Gather', 15);
    fabio.setPhase('discuss');
    fabio.startTimer(600, 1_000);
    expect(() => alice.addAgendaItem('mine', 5)).toThrow();
    expect(() => alice.setPhase('decide')).toThrow();
    expect(() => alice.startTimer(10)).toThrow();
    const s = alice.snapshot();
    expect(s.agenda).toEqual([{ title: 'Gather', minutes: 15 }]);
    expect(s.phase).toBe('discuss');
    expect(remaining(s.timer, 61_000)).toBe(540);
    fabio.pauseTimer(121_000);
    expect(alice.snapshot().timer).toMatchObject({ running: false, durationSec: 480 });
  });

  it('records votes under the voter’s own id and upvotes on anyone’s question', () => {
    const doc = new Y.Doc();
    const fabio = new WorkshopModel(doc, { userId: 'fabio', role: 'facilitator' });
    const alice = new WorkshopModel(doc, { userId: 'alice', role: 'participant' });
    const poll = fabio.openPoll('Next step?', ['pilot', 'survey']);
    alice.vote(poll, 'pilot');
    fabio.vote(poll, 'survey');
    alice.vote(poll, 'survey');
    expect(fabio.snapshot().polls[0].votes).toEqual({ alice: 'survey', fabio: 'survey' });
    expect([...doc.getMap('votes').get(poll) as Y.Map<string>].map(([k]) => k).sort()).toEqual(['alice', 'fabio']);
    const q = alice.ask('Who pays the mentors?');
    fabio.toggleUpvote(q);
    alice.toggleUpvote(q);
    alice.toggleUpvote(q);
    expect(fabio.snapshot().questions[0]).toMatchObject({ text: 'Who pays the mentors?', owner: 'alice', upvotes: ['fabio'] });
  });

  it('does not let observers ask', () => {
    const paula = new WorkshopModel(new Y.Doc(), { userId: 'paula', role: 'observer' });
    expect(() => paula.ask('?')).toThrow();
  });
});

describe('the agenda drives the room', () => {
  it('starting an item makes it current, sets its phase and its time box, for everyone', () => {
    const doc = new Y.Doc();
    const fabio = new WorkshopModel(doc, { userId: 'fabio', role: 'facilitator' });
    const alice = new WorkshopModel(doc, { userId: 'alice', role: 'participant' });
    fabio.addAgendaItem('Gather ideas', 15, undefined, 'gather');
    fabio.addAgendaItem('Discuss', 20, undefined, 'discuss');
    expect(alice.snapshot().current).toBe(-1);

    fabio.startItem(1, 10_000);

    const s = alice.snapshot();
    expect(s.current).toBe(1);
    expect(s.phase).toBe('discuss');
    expect(s.timer).toEqual({ startedAt: 10_000, durationSec: 1200, running: true });
    expect(remaining(s.timer, 70_000)).toBe(1140);
    expect(() => alice.startItem(0)).toThrow();
    expect(() => fabio.startItem(5)).toThrow(/no item 6/);
  });

  it('extends a running timer from what is left, also once it has run out, and a paused one by the amount', () => {
    const doc = new Y.Doc();
    const fabio = new WorkshopModel(doc, { userId: 'fabio', role: 'facilitator' });
    fabio.startTimer(60, 0);
    fabio.extendTimer(60, 90_000); // ran out 30 s ago: a full minute from now
    expect(remaining(fabio.snapshot().timer, 90_000)).toBe(60);
    fabio.pauseTimer(100_000);
    fabio.extendTimer(30);
    expect(fabio.snapshot().timer).toMatchObject({ running: false, durationSec: 80 });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ranking, remaining, WorkshopModel } from './model';

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

describe('facilitators edit and reorder the agenda', () => {
  it('edits a title (the template wording goes), moves items and keeps the item under way current', () => {
    const doc = new Y.Doc();
    const fabio = new WorkshopModel(doc, { userId: 'fabio', role: 'facilitator' });
    fabio.addAgendaItem('Welcome', 5, 'tpl.welcome', 'gather');
    fabio.addAgendaItem('Ideas', 15);
    fabio.addAgendaItem('Vote', 10);
    fabio.startItem(0, 0);
    fabio.editAgendaItem(0, { title: 'Hello', minutes: 7 });
    expect(fabio.snapshot().agenda[0]).toEqual({ title: 'Hello', minutes: 7, phase: 'gather' });
    fabio.moveAgendaItem(0, 1);
    expect(fabio.snapshot().agenda.map((a) => a.title)).toEqual(['Ideas', 'Hello', 'Vote']);
    expect(fabio.snapshot().current).toBe(1);
    fabio.removeAgendaItem(0);
    expect(fabio.snapshot().current).toBe(0);
    const alice = new WorkshopModel(doc, { userId: 'alice', role: 'participant' });
    expect(() => alice.moveAgendaItem(0, 1)).toThrow();
    expect(() => alice.editAgendaItem(0, { title: 'x' })).toThrow();
  });
});

describe('polls that close and dot votes with a budget', () => {
  it('ranks dots, keeps to the budget, and takes nothing once closed', () => {
    const doc = new Y.Doc();
    const fabio = new WorkshopModel(doc, { userId: 'fabio', role: 'facilitator' });
    const alice = new WorkshopModel(doc, { userId: 'alice', role: 'participant' });
    const bob = new WorkshopModel(doc, { userId: 'bob', role: 'participant' });
    const id = fabio.openDotVote('Which idea first?', [{ id: 'n1', label: 'Mentors' }, { id: 'n2', label: 'Tools' }], 2);
    alice.moveDot(id, 'n2', 1);
    alice.moveDot(id, 'n2', 1);
    expect(() => alice.moveDot(id, 'n1', 1)).toThrow(/2 dots/);
    bob.moveDot(id, 'n1', 1);
    alice.moveDot(id, 'n2', -1);
    const poll = fabio.snapshot().polls[0];
    expect(poll).toMatchObject({ kind: 'dots', budget: 2, state: 'open', votes: { alice: ['n2'], bob: ['n1'] } });
    expect(ranking(poll).map((t) => [t.label, t.count])).toEqual([['Mentors', 1], ['Tools', 1]]);
    alice.moveDot(id, 'n2', 1);
    expect(ranking(fabio.snapshot().polls[0])[0]).toEqual({ key: 'n2', label: 'Tools', count: 2 });
    fabio.setPollState(id, 'closed');
    expect(() => bob.moveDot(id, 'n1', 1)).toThrow(/closed/);
    fabio.setPollRevealed(id, true);
    expect(alice.snapshot().polls[0]).toMatchObject({ state: 'closed', revealed: true });
    expect(() => alice.setPollState(id, 'open')).toThrow();
    fabio.deletePoll(id);
    expect(fabio.snapshot().polls).toEqual([]);
    expect(doc.getMap('votes').has(id)).toBe(false);
    expect(() => fabio.openDotVote('Nothing selected', [], 3)).toThrow(/select/);
  });
});

describe('moderated questions and answers', () => {
  it('pins, answers, dismisses and merges duplicates with their upvotes; anyone with a voice answers', () => {
    const doc = new Y.Doc();
    const fabio = new WorkshopModel(doc, { userId: 'fabio', role: 'facilitator' });
    const alice = new WorkshopModel(doc, { userId: 'alice', role: 'participant' });
    const paula = new WorkshopModel(doc, { userId: 'paula', role: 'participant' });
    const q1 = alice.ask('Who pays the mentors?');
    const q2 = alice.ask('Who funds mentoring?');
    const q3 = alice.ask('Lunch?');
    paula.toggleUpvote(q2);
    fabio.mergeQuestion(q2, q1);
    fabio.setQuestionStatus(q3, 'dismissed');
    fabio.pinQuestion(q1, true);
    paula.answer(q1, 'The regional fund, from 2027.');
    expect(() => alice.setQuestionStatus(q1, 'answered')).toThrow();
    const qs = alice.snapshot().questions;
    expect(qs.map((q) => q.id)).toEqual([q1, q3, q2]);
    expect(qs[0]).toMatchObject({ pinned: true, upvotes: ['paula'], answers: [{ owner: 'paula', text: 'The regional fund, from 2027.' }] });
    expect(qs[2].mergedInto).toBe(q1);
    fabio.setQuestionStatus(q1, 'answered');
    expect(alice.snapshot().questions[0].status).toBe('answered');
    expect(() => new WorkshopModel(doc, { userId: 'otto', role: 'observer' }).answer(q1, 'x')).toThrow();
  });
});

describe('follow me and summon', () => {
  it('only facilitators lead and summon; the snapshot says who leads and where everyone was summoned', () => {
    const doc = new Y.Doc();
    const fabio = new WorkshopModel(doc, { userId: 'fabio', role: 'facilitator' });
    const alice = new WorkshopModel(doc, { userId: 'alice', role: 'participant' });
    fabio.lead('fabio');
    fabio.summonTo({ cx: 100.4, cy: -20.6, s: 1.5 }, 5_000);
    expect(alice.snapshot()).toMatchObject({ leader: 'fabio', summon: { cx: 100, cy: -21, s: 1.5, at: 5_000 } });
    expect(() => alice.lead('alice')).toThrow();
    expect(() => alice.summonTo({ cx: 0, cy: 0, s: 1 })).toThrow();
    fabio.lead(null);
    expect(alice.snapshot().leader).toBeUndefined();
  });
});

describe('breakouts in the workshop document', () => {
  it('lists the groups the server wrote, and in a group’s room where it came from and where to go back', () => {
    const doc = new Y.Doc();
    const alice = new WorkshopModel(doc, { userId: 'alice', role: 'participant' });
    expect(alice.snapshot().breakouts).toEqual([]);
    doc.transact(() => {
      const plan = new Y.Map<unknown>();
      doc.getMap('workshop').set('breakouts', plan);
      plan.set('g1', { room: 'r-a', frame: 'f1', title: 'Mentoring', members: ['alice'], seeded: ['f1'], state: 'open', endsAt: 5 });
      plan.set('g2', { room: 'r-b', frame: 'f2', title: 'Funding', members: ['bob'], state: 'returned', endsAt: 5 });
      doc.getMap('workshop').set('plenary', 'r-p');
    });
    const s = alice.snapshot();
    expect(s.breakouts).toEqual([
      { id: 'g1', room: 'r-a', frame: 'f1', title: 'Mentoring', members: ['alice'], state: 'open', endsAt: 5 },
      { id: 'g2', room: 'r-b', frame: 'f2', title: 'Funding', members: ['bob'], state: 'returned', endsAt: 5 },
    ]);
    expect(s.plenary).toBe('r-p');
    expect(s.returnTo).toBeUndefined();
  });
});

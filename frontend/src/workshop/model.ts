import * as Y from 'yjs';
import { newId, type BoardActor } from '../board/model';
import { serverNow } from '../sync/serverClock';
import phaseActivities from './phase-activities.json';

/**
 * The workshop document (docs/rooms.md, "Document schemas"): root Y.Map "workshop" {agenda: Y.Array<Y.Map {title,
 * minutes, tpl?, phase?}>, current (index of the agenda item under way), timer: Y.Map {startedAt (server clock),
 * durationSec, running}, phase, polls: Y.Map pollId -> Y.Map {question, state, revealed, options | kind "dots", budget,
 * targets, labels}} (facilitators only); root Y.Map "questions" (id -> Y.Map {text, owner, upvotes, and the
 * facilitator's status, pinned, mergedInto}); root Y.Map "answers" (id -> Y.Map {question, text, owner, upvotes});
 * root Y.Map "votes" (poll id -> Y.Map userId -> ballot: a choice, or the list of targets one put dots on).
 * `workshop.phaseRules`: phase -> the activities participants may do in it (docs/rooms.md, "Phases"; the room server
 * enforces them, the views grey out the rest).
 */
/** `tpl`: the message key of a template's item (i18n/contentText.ts), shown in each viewer's language while untouched. */
export interface AgendaItem { title: string; minutes: number; tpl?: string; phase?: string }
export interface Timer { startedAt: number; durationSec: number; running: boolean }
export type QuestionStatus = 'open' | 'answered' | 'dismissed';
export interface Answer { id: string; question: string; text: string; owner: string; upvotes: string[] }
export interface Question {
  id: string; text: string; owner: string; upvotes: string[];
  status: QuestionStatus; pinned: boolean; mergedInto?: string; answers: Answer[];
}
export type Ballot = string | string[];
/** A choice poll has `options`; a dot vote has `targets` (board object ids, named by `labels`) and a `budget`. */
export interface Poll {
  id: string; question: string; kind: 'choice' | 'dots'; state: 'open' | 'closed'; revealed: boolean;
  options: string[]; targets: string[]; labels: string[]; budget: number; votes: Record<string, Ballot>;
  /** Anonymous: ballots go to the server (api.ts castBallot); the document holds only `tally` and `voters`. */
  anonymous: boolean; tally?: Record<string, number>; voters?: number;
}
/** Where a facilitator brings everyone: the middle of their view and its scale, at a moment (server clock). */
export interface Summon { cx: number; cy: number; s: number; at: number }

/** A statement for the opinion map; `votes`: user id -> 1 agree, -1 disagree, 0 pass. `hidden` by a facilitator. */
export interface Statement { id: string; text: string; owner: string; votes: Record<string, number>; hidden: boolean }
/** A breakout group as the plenary's workshop lists it (the server writes it: docs/dialogue.md, "Breakouts"). */
export interface Breakout {
  id: string; room: string; frame: string; title: string; members: string[]; state: 'open' | 'returned'; endsAt: number;
}

/** What participants do, as phase rules name it: defined once in phase-activities.json, shared with the room server. */
export type Activity = keyof typeof phaseActivities.activities;
export const ACTIVITIES = Object.keys(phaseActivities.activities) as Activity[];

/** `current`: the index of the agenda item under way, or -1 before the first starts. */
export interface WorkshopSnapshot {
  agenda: AgendaItem[]; current: number; timer: Timer; phase: string; questions: Question[]; polls: Poll[]; statements: Statement[];
  /** phase -> allowed activities (a rule that is not a list allows nothing, as on the server). */
  phaseRules: Record<string, string[]>;
  /** What the phase under way allows participants, or undefined when it has no rule (everything is allowed). */
  allowed?: string[];
  /** In a plenary: its breakout groups. In a group's room: the plenary it came from, and where to go back to once called. */
  breakouts: Breakout[]; plenary?: string; returnTo?: string;
  /** Whether the facilitator allows questions without a name (the server writes them: docs/dialogue.md). */
  anonymousQuestions: boolean;
  /** Statements shown only once a facilitator approves them (docs/dialogue.md, "Strict moderation"). */
  strictStatements: boolean;
  /** How many statements wait for approval (the server writes it with each submission and decision). */
  statementsWaiting: number;
  /** When the room's proposals last changed (the server writes it): their list is read again then. */
  proposalsChanged: number;
  /** Whether facilitators read private notes before the reveal: the server mirrors the room's rule here (absent: never chosen). */
  facilitatorsSeePrivateNotes?: boolean;
  /** The facilitator everyone follows (follow me), if any; the latest summon. */
  leader?: string; summon?: Summon;
}


/** One line of a poll's result: an option (or a dot vote's target) and how many votes (dots) it got. */
export interface Tally { key: string; label: string; count: number }

/** A poll's result as a ranking, most votes first; ties keep the poll's own order. */
export function ranking(p: Poll): Tally[] {
  const keys = p.kind === 'dots' ? p.targets : p.options;
  const counts = new Map(keys.map((k) => [k, 0]));
  if (p.anonymous) {
    for (const k of keys) counts.set(k, Number(p.tally?.[k] ?? 0) || 0);
  } else {
    for (const ballot of Object.values(p.votes)) {
      for (const k of Array.isArray(ballot) ? ballot : [ballot]) if (counts.has(k)) counts.set(k, counts.get(k)! + 1);
    }
  }
  const label = (k: string, i: number) => (p.kind === 'dots' ? p.labels[i] || k : k);
  return keys.map((k, i) => ({ key: k, label: label(k, i), count: counts.get(k)! }))
    .map((t, i) => ({ t, i })).sort((a, b) => b.t.count - a.t.count || a.i - b.i).map(({ t }) => t);
}

/** The dots `userId` has put in a dot vote. */
export function dotsOf(p: Poll, userId: string): string[] {
  const b = p.votes[userId];
  return Array.isArray(b) ? b : [];
}

const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** May a person in `role` do `activity` now? Facilitators always; others as the phase's rule says (docs/rooms.md, "Phases"). */
export function phaseAllows(s: Pick<WorkshopSnapshot, 'allowed'>, role: string, activity: Activity): boolean {
  return role === 'facilitator' || !s.allowed || s.allowed.includes(activity);
}

/** `silent`: silent ideation, each person in their private notes until the facilitator reveals them. */
export const PHASES = ['silent', 'share', 'gather', 'discuss', 'vote', 'decide', 'wrapup'] as const;

export class WorkshopModel {
  readonly workshop: Y.Map<unknown>;
  readonly questions: Y.Map<Y.Map<unknown>>;
  readonly answers: Y.Map<Y.Map<unknown>>;
  readonly statements: Y.Map<Y.Map<unknown>>;
  readonly votes: Y.Map<Y.Map<Ballot>>;
  readonly origin: { user: string };

  constructor(readonly doc: Y.Doc, readonly actor: BoardActor) {
    this.workshop = doc.getMap('workshop');
    this.questions = doc.getMap('questions');
    this.answers = doc.getMap('answers');
    this.statements = doc.getMap('statements');
    this.votes = doc.getMap('votes');
    this.origin = { user: actor.userId };
  }

  get facilitator(): boolean {
    return this.actor.role === 'facilitator';
  }

  private tx(fn: () => void): void {
    this.doc.transact(fn, this.origin);
  }

  private requireFacilitator(): void {
    if (!this.facilitator) throw new Error('only facilitators change the agenda, timer, phase and polls');
  }

  private agenda(): Y.Array<Y.Map<unknown>> {
    let a = this.workshop.get('agenda');
    if (!(a instanceof Y.Array)) {
      a = new Y.Array<Y.Map<unknown>>();
      this.workshop.set('agenda', a);
    }
    return a as Y.Array<Y.Map<unknown>>;
  }

  addAgendaItem(title: string, minutes: number, tpl?: string, phase?: string): void {
    this.requireFacilitator();
    this.tx(() => {
      const m = new Y.Map<unknown>();
      m.set('title', title);
      m.set('minutes', minutes);
      if (tpl) m.set('tpl', tpl);
      if (phase) m.set('phase', phase);
      this.agenda().push([m]);
    });
  }

  removeAgendaItem(index: number): void {
    this.requireFacilitator();
    this.tx(() => {
      this.agenda().delete(index, 1);
      // The item under way keeps being the one under way.
      const current = this.snapshot().current;
      if (current > index) this.workshop.set('current', current - 1);
      else if (current === index) this.workshop.set('current', -1);
    });
  }

  /** Changes an item's title, time box or phase; a new title replaces the template's words (`tpl` goes). */
  editAgendaItem(index: number, change: { title?: string; minutes?: number; phase?: string | null }): void {
    this.requireFacilitator();
    const m = this.agenda().get(index);
    if (!(m instanceof Y.Map)) throw new Error(`the agenda has no item ${index + 1}`);
    this.tx(() => {
      if (change.title !== undefined && change.title !== m.get('title')) {
        m.set('title', change.title);
        m.delete('tpl');
      }
      if (change.minutes !== undefined) m.set('minutes', Math.max(1, Math.round(change.minutes)));
      if (change.phase === null) m.delete('phase');
      else if (change.phase !== undefined) m.set('phase', change.phase);
    });
  }

  /**
   * Moves an item one place up (-1) or down (+1). Yjs has no move: the item is copied to its new place and the old
   * one deleted, in one transaction. The item under way stays the one under way.
   */
  moveAgendaItem(index: number, by: -1 | 1): void {
    this.requireFacilitator();
    const to = index + by;
    const agenda = this.agenda();
    if (to < 0 || to >= agenda.length) return;
    const item = this.snapshot().agenda[index];
    const current = this.snapshot().current;
    this.tx(() => {
      agenda.delete(index, 1);
      const m = new Y.Map<unknown>();
      m.set('title', item.title);
      m.set('minutes', item.minutes);
      if (item.tpl) m.set('tpl', item.tpl);
      if (item.phase) m.set('phase', item.phase);
      agenda.insert(to, [m]);
      if (current === index) this.workshop.set('current', to);
      else if (current === to) this.workshop.set('current', index);
    });
  }

  private timer(): Y.Map<unknown> {
    let m = this.workshop.get('timer');
    if (!(m instanceof Y.Map)) {
      m = new Y.Map<unknown>();
      this.workshop.set('timer', m);
    }
    return m as Y.Map<unknown>;
  }

  /** Starts agenda item `index`: it becomes the current one, its phase (if it has one) the room's, its time box the timer. */
  startItem(index: number, now = serverNow()): void {
    this.requireFacilitator();
    const item = this.snapshot().agenda[index];
    if (!item) throw new Error(`the agenda has no item ${index + 1}`);
    this.tx(() => {
      this.workshop.set('current', index);
      if (item.phase) this.workshop.set('phase', item.phase);
      const m = this.timer();
      m.set('startedAt', now);
      m.set('durationSec', Math.max(0, Math.round(item.minutes * 60)));
      m.set('running', true);
    });
  }

  /** Adds `seconds` to the timer, running or paused. */
  extendTimer(seconds: number, now = serverNow()): void {
    this.requireFacilitator();
    const t = this.snapshot().timer;
    this.tx(() => {
      const m = this.timer();
      if (t.running) {
        // Restarted from now with what was left plus the extension, so a timer already at 0:00 gets the full extension.
        m.set('startedAt', now);
        m.set('durationSec', remaining(t, now) + seconds);
      } else {
        m.set('durationSec', Math.max(0, t.durationSec) + seconds);
      }
    });
  }

  startTimer(durationSec: number, now = serverNow()): void {
    this.requireFacilitator();
    this.tx(() => {
      const m = this.timer();
      m.set('startedAt', now);
      m.set('durationSec', durationSec);
      m.set('running', true);
    });
  }

  pauseTimer(now = serverNow()): void {
    this.requireFacilitator();
    const left = remaining(this.snapshot().timer, now);
    this.tx(() => {
      const m = this.timer();
      m.set('durationSec', left);
      m.set('running', false);
    });
  }

  /** Follow me: everyone's view follows this facilitator's (each person may stop following); null ends it. */
  lead(userId: string | null): void {
    this.requireFacilitator();
    this.tx(() => (userId ? this.workshop.set('leader', userId) : this.workshop.delete('leader')));
  }

  /** Brings everyone's view, once, to this place on the board. */
  summonTo(view: { cx: number; cy: number; s: number }, now = serverNow()): void {
    this.requireFacilitator();
    this.tx(() => this.workshop.set('summon', { cx: Math.round(view.cx), cy: Math.round(view.cy), s: view.s, at: now }));
  }

  setPhase(phase: string): void {
    this.requireFacilitator();
    this.tx(() => this.workshop.set('phase', phase));
  }

  /** Sets what `phase` allows participants; null lifts its rule (everything allowed in it). */
  setPhaseRule(phase: string, activities: Activity[] | null): void {
    this.requireFacilitator();
    this.tx(() => {
      let rules = this.workshop.get('phaseRules');
      if (!(rules instanceof Y.Map)) {
        rules = new Y.Map<unknown>();
        this.workshop.set('phaseRules', rules);
      }
      const m = rules as Y.Map<unknown>;
      if (activities === null) m.delete(phase);
      else m.set(phase, ACTIVITIES.filter((a) => activities.includes(a)));
    });
  }

  /** Statements go through a facilitator's approval (strict) or straight to everyone. */
  setStatementModeration(strict: boolean): void {
    this.requireFacilitator();
    this.tx(() => {
      if (strict) this.workshop.set('statementModeration', 'strict');
      else this.workshop.delete('statementModeration');
    });
  }

  /** Allows or stops questions without a name. */
  setAnonymousQuestions(on: boolean): void {
    this.requireFacilitator();
    this.tx(() => this.workshop.set('anonymousQuestions', on));
  }

  ask(text: string): string {
    if (this.actor.role === 'observer') throw new Error('observers cannot ask here');
    const id = newId(this.actor.userId);
    this.tx(() => {
      const m = new Y.Map<unknown>();
      this.questions.set(id, m);
      m.set('text', text);
      m.set('owner', this.actor.userId);
      m.set('upvotes', new Y.Map<boolean>());
    });
    return id;
  }

  toggleUpvote(id: string): void {
    const q = this.questions.get(id);
    const up = q?.get('upvotes');
    if (!(up instanceof Y.Map)) return;
    this.tx(() => {
      if (up.has(this.actor.userId)) up.delete(this.actor.userId);
      else up.set(this.actor.userId, true);
    });
  }

  private polls(): Y.Map<Y.Map<unknown>> {
    let polls = this.workshop.get('polls');
    if (!(polls instanceof Y.Map)) {
      polls = new Y.Map<unknown>();
      this.workshop.set('polls', polls);
    }
    return polls as Y.Map<Y.Map<unknown>>;
  }

  private describePoll(fill: (p: Y.Map<unknown>) => void): string {
    this.requireFacilitator();
    const id = newId(this.actor.userId);
    this.tx(() => {
      const p = new Y.Map<unknown>();
      this.polls().set(id, p);
      p.set('state', 'open');
      p.set('revealed', false);
      fill(p);
      this.votes.set(id, new Y.Map<Ballot>());
    });
    return id;
  }

  openPoll(question: string, options: string[], anonymous = false): string {
    return this.describePoll((p) => {
      p.set('question', question);
      p.set('options', options);
      if (anonymous) p.set('anonymous', true);
    });
  }

  /** A dot vote on board objects (`targets`, named by `labels`): each person places up to `budget` dots. */
  openDotVote(question: string, targets: { id: string; label: string }[], budget: number, anonymous = false): string {
    if (targets.length === 0) throw new Error('select the notes or frames to vote on first');
    return this.describePoll((p) => {
      if (anonymous) p.set('anonymous', true);
      p.set('question', question);
      p.set('kind', 'dots');
      p.set('budget', Math.max(1, Math.round(budget)));
      p.set('targets', targets.map((x) => x.id));
      p.set('labels', targets.map((x) => x.label));
    });
  }

  private pollMap(id: string): Y.Map<unknown> {
    const p = this.polls().get(id);
    if (!(p instanceof Y.Map)) throw new Error(`no poll ${id}`);
    return p;
  }

  /** Closes (no more ballots; the server holds it) or reopens a poll. */
  setPollState(id: string, state: 'open' | 'closed'): void {
    this.requireFacilitator();
    this.tx(() => this.pollMap(id).set('state', state));
  }

  /** Shows the result to everyone (participants see the ranking once it is revealed). */
  setPollRevealed(id: string, revealed: boolean): void {
    this.requireFacilitator();
    this.tx(() => this.pollMap(id).set('revealed', revealed));
  }

  /** Removes a poll and its ballots. */
  deletePoll(id: string): void {
    this.requireFacilitator();
    this.tx(() => {
      this.polls().delete(id);
      this.votes.delete(id);
    });
  }

  vote(pollId: string, choice: string): void {
    const ballots = this.votes.get(pollId);
    if (!(ballots instanceof Y.Map)) return;
    this.tx(() => ballots.set(this.actor.userId, choice));
  }

  /** Puts one more dot on `target` (+1) or takes one off (-1); the budget is checked here and by the server. */
  moveDot(pollId: string, target: string, by: 1 | -1): void {
    const p = this.snapshot().polls.find((x) => x.id === pollId);
    const ballots = this.votes.get(pollId);
    if (!p || !(ballots instanceof Y.Map)) return;
    if (p.state === 'closed') throw new Error('the vote is closed');
    const dots = [...dotsOf(p, this.actor.userId)];
    if (by > 0) {
      if (dots.length >= p.budget) throw new Error(`all ${p.budget} dots are placed: take one off first`);
      dots.push(target);
    } else {
      const at = dots.lastIndexOf(target);
      if (at < 0) return;
      dots.splice(at, 1);
    }
    this.tx(() => ballots.set(this.actor.userId, dots));
  }

  /** Facilitators moderate questions: answered, dismissed or open again; pinned to the top. */
  setQuestionStatus(id: string, status: QuestionStatus): void {
    this.requireFacilitator();
    const q = this.questions.get(id);
    if (!(q instanceof Y.Map)) return;
    this.tx(() => (status === 'open' ? q.delete('status') : q.set('status', status)));
  }

  pinQuestion(id: string, pinned: boolean): void {
    this.requireFacilitator();
    const q = this.questions.get(id);
    if (!(q instanceof Y.Map)) return;
    this.tx(() => (pinned ? q.set('pinned', true) : q.delete('pinned')));
  }

  /** Merges a duplicate into `into`: its upvoters count there (one upvote per person still), it is shown as merged. */
  mergeQuestion(id: string, into: string): void {
    this.requireFacilitator();
    const from = this.questions.get(id);
    const to = this.questions.get(into);
    if (!(from instanceof Y.Map) || !(to instanceof Y.Map) || id === into) return;
    const up = from.get('upvotes');
    const target = to.get('upvotes');
    this.tx(() => {
      if (up instanceof Y.Map && target instanceof Y.Map) for (const k of up.keys()) target.set(k, true);
      from.set('mergedInto', into);
    });
  }

  /** An answer to a question, under this person's name (a policymaker's answer shows as hers). */
  answer(questionId: string, text: string): string {
    if (this.actor.role === 'observer') throw new Error('observers cannot answer here');
    const id = newId(this.actor.userId);
    this.tx(() => {
      const m = new Y.Map<unknown>();
      this.answers.set(id, m);
      m.set('question', questionId);
      m.set('text', text);
      m.set('owner', this.actor.userId);
      m.set('upvotes', new Y.Map<boolean>());
    });
    return id;
  }

  /** A statement for everyone to agree or disagree with (short: the server says how short, RoomRecord.rules, and refuses more). */
  state(text: string): string {
    if (this.actor.role === 'observer') throw new Error('observers cannot post statements here');
    const id = newId(this.actor.userId);
    this.tx(() => {
      const m = new Y.Map<unknown>();
      this.statements.set(id, m);
      m.set('text', text);
      m.set('owner', this.actor.userId);
      m.set('votes', new Y.Map<number>());
    });
    return id;
  }

  /** Agree (1), disagree (-1) or pass (0) on a statement, under this person's own id; one vote each, changeable. */
  voteOnStatement(id: string, vote: 1 | -1 | 0): void {
    const votes = this.statements.get(id)?.get('votes');
    if (!(votes instanceof Y.Map)) return;
    this.tx(() => votes.set(this.actor.userId, vote));
  }

  /** Facilitators hide a statement from the map (moderation) or show it again. */
  hideStatement(id: string, hidden: boolean): void {
    this.requireFacilitator();
    const m = this.statements.get(id);
    if (!(m instanceof Y.Map)) return;
    this.tx(() => (hidden ? m.set('status', 'hidden') : m.delete('status')));
  }

  snapshot(): WorkshopSnapshot {
    const agendaRaw = this.workshop.get('agenda');
    const agenda = agendaRaw instanceof Y.Array
      ? (agendaRaw.toArray() as unknown[]).filter((m): m is Y.Map<unknown> => m instanceof Y.Map)
        .map((m) => ({ title: String(m.get('title') ?? ''), minutes: Number(m.get('minutes') ?? 0),
          ...(typeof m.get('tpl') === 'string' ? { tpl: m.get('tpl') as string } : {}),
          ...(typeof m.get('phase') === 'string' ? { phase: m.get('phase') as string } : {}) }))
      : [];
    const tm = this.workshop.get('timer');
    const timer: Timer = tm instanceof Y.Map
      ? { startedAt: Number(tm.get('startedAt') ?? 0), durationSec: Number(tm.get('durationSec') ?? 0), running: tm.get('running') === true }
      : { startedAt: 0, durationSec: 0, running: false };
    const keysOf = (m: unknown) => (m instanceof Y.Map ? [...m.keys()] : []);
    const answers = new Map<string, Answer[]>();
    this.answers.forEach((m, id) => {
      if (!(m instanceof Y.Map)) return;
      const a: Answer = { id, question: String(m.get('question') ?? ''), text: String(m.get('text') ?? ''), owner: String(m.get('owner') ?? ''), upvotes: keysOf(m.get('upvotes')) };
      answers.set(a.question, [...(answers.get(a.question) ?? []), a]);
    });
    const questions: Question[] = [];
    this.questions.forEach((m, id) => {
      if (!(m instanceof Y.Map)) return;
      const status = m.get('status');
      questions.push({
        id, text: String(m.get('text') ?? ''), owner: String(m.get('owner') ?? ''), upvotes: keysOf(m.get('upvotes')),
        status: status === 'answered' || status === 'dismissed' ? status : 'open', pinned: m.get('pinned') === true,
        ...(typeof m.get('mergedInto') === 'string' ? { mergedInto: m.get('mergedInto') as string } : {}),
        answers: (answers.get(id) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1)),
      });
    });
    questions.sort(questionOrder);
    const polls: Poll[] = [];
    const pm = this.workshop.get('polls');
    if (pm instanceof Y.Map) {
      pm.forEach((p, id) => {
        if (!(p instanceof Y.Map)) return;
        const ballots = this.votes.get(id);
        polls.push({
          id, question: String(p.get('question') ?? ''), kind: p.get('kind') === 'dots' ? 'dots' : 'choice',
          state: p.get('state') === 'closed' ? 'closed' : 'open', revealed: p.get('revealed') === true,
          options: strings(p.get('options')), targets: strings(p.get('targets')), labels: strings(p.get('labels')),
          budget: Number(p.get('budget') ?? 0) || 0,
          votes: ballots instanceof Y.Map ? Object.fromEntries(ballots.entries()) : {},
          anonymous: p.get('anonymous') === true,
          ...(p.get('tally') && typeof p.get('tally') === 'object' ? { tally: p.get('tally') as Record<string, number> } : {}),
          ...(typeof p.get('voters') === 'number' ? { voters: p.get('voters') as number } : {}),
        });
      });
    }
    const statements: Statement[] = [];
    this.statements.forEach((m, id) => {
      if (!(m instanceof Y.Map)) return;
      const v = m.get('votes');
      const votes: Record<string, number> = {};
      if (v instanceof Y.Map) v.forEach((x, k) => { if (typeof x === 'number') votes[k] = x; });
      statements.push({ id, text: String(m.get('text') ?? ''), owner: String(m.get('owner') ?? ''), votes, hidden: m.get('status') === 'hidden' });
    });
    statements.sort((a, b) => (a.id < b.id ? -1 : 1));
    const current = typeof this.workshop.get('current') === 'number' ? (this.workshop.get('current') as number) : -1;
    const phaseRules: Record<string, string[]> = {};
    const rules = this.workshop.get('phaseRules');
    if (rules instanceof Y.Map) rules.forEach((v, k) => { phaseRules[k] = Array.isArray(v) ? v.map(String) : []; });
    const rawPhase = this.workshop.get('phase');
    const allowed = typeof rawPhase === 'string' && rules instanceof Y.Map && rules.has(rawPhase) ? phaseRules[rawPhase] : undefined;
    const breakouts: Breakout[] = [];
    const plan = this.workshop.get('breakouts');
    if (plan instanceof Y.Map) {
      plan.forEach((v, id) => {
        if (!v || typeof v !== 'object') return;
        const b = v as Record<string, unknown>;
        breakouts.push({ id, room: String(b.room ?? ''), frame: String(b.frame ?? ''), title: String(b.title ?? ''),
          members: strings(b.members), state: b.state === 'open' ? 'open' : 'returned', endsAt: Number(b.endsAt ?? 0) || 0 });
      });
    }
    const text = (key: string) => (typeof this.workshop.get(key) === 'string' ? { [key]: this.workshop.get(key) as string } : {});
    return { agenda, current: current >= 0 && current < agenda.length ? current : -1, timer, phase: typeof rawPhase === 'string' ? rawPhase : 'gather', questions, polls, statements,
      phaseRules, ...(allowed ? { allowed } : {}), breakouts, ...text('plenary'), ...text('returnTo'),
      anonymousQuestions: this.workshop.get('anonymousQuestions') === true,
      strictStatements: this.workshop.get('statementModeration') === 'strict',
      statementsWaiting: typeof this.workshop.get('statementsWaiting') === 'number' ? (this.workshop.get('statementsWaiting') as number) : 0,
      proposalsChanged: typeof this.workshop.get('proposalsChanged') === 'number' ? (this.workshop.get('proposalsChanged') as number) : 0,
      ...(typeof this.workshop.get('facilitatorsSeePrivateNotes') === 'boolean'
        ? { facilitatorsSeePrivateNotes: this.workshop.get('facilitatorsSeePrivateNotes') as boolean } : {}),
      ...(typeof this.workshop.get('leader') === 'string' ? { leader: this.workshop.get('leader') as string } : {}),
      ...(isSummon(this.workshop.get('summon')) ? { summon: this.workshop.get('summon') as Summon } : {}) };
  }

  observe(listener: () => void): () => void {
    const h = () => listener();
    this.workshop.observeDeep(h);
    this.questions.observeDeep(h);
    this.answers.observeDeep(h);
    this.statements.observeDeep(h);
    this.votes.observeDeep(h);
    return () => {
      this.workshop.unobserveDeep(h);
      this.questions.unobserveDeep(h);
      this.answers.unobserveDeep(h);
      this.statements.unobserveDeep(h);
      this.votes.unobserveDeep(h);
    };
  }
}

function isSummon(v: unknown): boolean {
  const x = v as Summon | undefined;
  return !!x && typeof x === 'object' && [x.cx, x.cy, x.s, x.at].every((n) => typeof n === 'number' && Number.isFinite(n)) && x.s > 0;
}

/** Pinned first, then open before answered before dismissed, then by upvotes; merged duplicates last. */
function questionOrder(a: Question, b: Question): number {
  const rank = (q: Question) => (q.mergedInto ? 4 : q.pinned ? 0 : q.status === 'open' ? 1 : q.status === 'answered' ? 2 : 3);
  return rank(a) - rank(b) || b.upvotes.length - a.upvotes.length || (a.id < b.id ? -1 : 1);
}

/** Seconds left on the timer at `now` (server clock: the timer's start is in server time). */
export function remaining(t: Timer, now = serverNow()): number {
  if (!t.running) return Math.max(0, Math.round(t.durationSec));
  return Math.max(0, Math.round(t.durationSec - (now - t.startedAt) / 1000));
}

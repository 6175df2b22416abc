import * as Y from 'yjs';
import { newId, type BoardActor } from '../board/model';
import { serverNow } from '../sync/serverClock';

/**
 * The workshop document: root Y.Map "workshop" {agenda: Y.Array<Y.Map {title, minutes, tpl?, phase?}>, current
 * (index of the agenda item under way), timer: Y.Map {startedAt (server clock), durationSec, running}, phase, polls: Y.Map pollId -> Y.Map {question, options}} (facilitators
 * only), root Y.Map "questions" (id -> Y.Map {text, owner, upvotes: Y.Map userId -> true}) and root Y.Map
 * "votes" (poll id -> Y.Map userId -> choice; facilitators open a poll, everyone votes under their own id).
 */
/** `tpl`: the message key of a template's item (i18n/contentText.ts), shown in each viewer's language while untouched. */
export interface AgendaItem { title: string; minutes: number; tpl?: string; phase?: string }
export interface Timer { startedAt: number; durationSec: number; running: boolean }
export interface Question { id: string; text: string; owner: string; upvotes: string[] }
export interface Poll { id: string; question: string; options: string[]; votes: Record<string, string> }
/** `current`: the index of the agenda item under way, or -1 before the first starts. */
export interface WorkshopSnapshot { agenda: AgendaItem[]; current: number; timer: Timer; phase: string; questions: Question[]; polls: Poll[] }

export const PHASES = ['gather', 'discuss', 'decide', 'wrapup'] as const;

export class WorkshopModel {
  readonly workshop: Y.Map<unknown>;
  readonly questions: Y.Map<Y.Map<unknown>>;
  readonly votes: Y.Map<Y.Map<string>>;
  readonly origin: { user: string };

  constructor(readonly doc: Y.Doc, readonly actor: BoardActor) {
    this.workshop = doc.getMap('workshop');
    this.questions = doc.getMap('questions');
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
    this.tx(() => this.agenda().delete(index, 1));
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

  setPhase(phase: string): void {
    this.requireFacilitator();
    this.tx(() => this.workshop.set('phase', phase));
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

  openPoll(question: string, options: string[]): string {
    this.requireFacilitator();
    const id = newId(this.actor.userId);
    this.tx(() => {
      let polls = this.workshop.get('polls');
      if (!(polls instanceof Y.Map)) {
        polls = new Y.Map<unknown>();
        this.workshop.set('polls', polls);
      }
      const p = new Y.Map<unknown>();
      (polls as Y.Map<unknown>).set(id, p);
      p.set('question', question);
      p.set('options', options);
      this.votes.set(id, new Y.Map<string>());
    });
    return id;
  }

  vote(pollId: string, choice: string): void {
    const ballots = this.votes.get(pollId);
    if (!(ballots instanceof Y.Map)) return;
    this.tx(() => ballots.set(this.actor.userId, choice));
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
    const questions: Question[] = [];
    this.questions.forEach((m, id) => {
      if (!(m instanceof Y.Map)) return;
      const up = m.get('upvotes');
      questions.push({ id, text: String(m.get('text') ?? ''), owner: String(m.get('owner') ?? ''), upvotes: up instanceof Y.Map ? [...up.keys()] : [] });
    });
    questions.sort((a, b) => b.upvotes.length - a.upvotes.length || (a.id < b.id ? -1 : 1));
    const polls: Poll[] = [];
    const pm = this.workshop.get('polls');
    if (pm instanceof Y.Map) {
      pm.forEach((p, id) => {
        if (!(p instanceof Y.Map)) return;
        const ballots = this.votes.get(id);
        polls.push({
          id, question: String(p.get('question') ?? ''),
          options: Array.isArray(p.get('options')) ? (p.get('options') as string[]) : [],
          votes: ballots instanceof Y.Map ? Object.fromEntries(ballots.entries()) : {},
        });
      });
    }
    const current = typeof this.workshop.get('current') === 'number' ? (this.workshop.get('current') as number) : -1;
    return { agenda, current: current >= 0 && current < agenda.length ? current : -1, timer, phase: typeof this.workshop.get('phase') === 'string' ? (this.workshop.get('phase') as string) : 'gather', questions, polls };
  }

  observe(listener: () => void): () => void {
    const h = () => listener();
    this.workshop.observeDeep(h);
    this.questions.observeDeep(h);
    this.votes.observeDeep(h);
    return () => {
      this.workshop.unobserveDeep(h);
      this.questions.unobserveDeep(h);
      this.votes.unobserveDeep(h);
    };
  }
}

/** Seconds left on the timer at `now` (server clock: the timer's start is in server time). */
export function remaining(t: Timer, now = serverNow()): number {
  if (!t.running) return Math.max(0, Math.round(t.durationSec));
  return Math.max(0, Math.round(t.durationSec - (now - t.startedAt) / 1000));
}

import type { WorkshopSnapshot } from './model';
import { remaining } from './model';

/** What the session bar says out loud when it changes: a new item or phase, a vote that opened or closed, time that ran out. */
export type Signal =
  | { kind: 'item'; index: number }
  | { kind: 'phase'; phase: string }
  | { kind: 'vote'; pollId: string }
  | { kind: 'voteClosed'; pollId: string }
  | { kind: 'timeUp' };

/**
 * The signals between two looks at the workshop (`before` undefined: the first look, which announces nothing: a
 * person joining late is not told "time is up" for a timer that ran out an hour ago).
 */
export function signals(before: WorkshopSnapshot | undefined, now: WorkshopSnapshot, at: number, leftBefore?: number): Signal[] {
  if (!before) return [];
  const out: Signal[] = [];
  if (now.current !== before.current && now.current >= 0) out.push({ kind: 'item', index: now.current });
  else if (now.phase !== before.phase) out.push({ kind: 'phase', phase: now.phase });
  const known = new Set(before.polls.map((p) => p.id));
  for (const p of now.polls) if (!known.has(p.id)) out.push({ kind: 'vote', pollId: p.id });
  const wasOpen = new Set(before.polls.filter((p) => p.state === 'open').map((p) => p.id));
  for (const p of now.polls) if (p.state === 'closed' && wasOpen.has(p.id)) out.push({ kind: 'voteClosed', pollId: p.id });
  const left = remaining(now.timer, at);
  if (now.timer.running && left === 0 && (leftBefore ?? 1) > 0) out.push({ kind: 'timeUp' });
  return out;
}

/** The newest open poll this person has not voted in, if any: the one the bar invites them to. */
export function openVote(s: WorkshopSnapshot, userId: string, castAnonymously: (pollId: string) => boolean = () => false):
  WorkshopSnapshot['polls'][number] | undefined {
  // An anonymous poll's ballots are not in the document: whether I voted is what the server told this browser.
  return [...s.polls].reverse().find((p) => p.state === 'open' && (p.anonymous ? !castAnonymously(p.id) : !(userId in p.votes)));
}

import type { CaseInput, CounsellingCase, InvitationInput, OutcomeInput } from './communityApi';
import { splitTags } from './profileForm';

/** The server's limits, said in the forms and enforced by maxLength. */
export const CASE_LIMITS = { title: 200, challenge: 10000, topics: 10, message: 1000, outcome: 10000, minMinutes: 30, maxMinutes: 240 } as const;

/** A new case as its form holds it: topics as one comma-separated line, a select's "" for "not chosen". */
export interface CaseForm {
  title: string;
  challenge: string;
  sector: string;
  country: string;
  region: string;
  language: string;
  topics: string;
  organisationType: string;
}

/** Prefilled from the asker's profile where it says something: their first sector, their country and region. */
export function emptyCaseForm(language: string, profile?: { sectors?: string[]; country?: string | null; region?: string | null } | null): CaseForm {
  return {
    title: '', challenge: '', topics: '', language, organisationType: '',
    sector: profile?.sectors?.[0] ?? '',
    country: profile?.country ?? '',
    region: profile?.country ? profile.region ?? '' : '',
  };
}

export function caseBody(form: CaseForm): CaseInput {
  return {
    title: form.title.trim(),
    challenge: form.challenge.trim(),
    sector: form.sector,
    country: form.country,
    region: form.country && form.region ? form.region : null,
    topics: splitTags(form.topics),
    language: form.language,
    organisationType: form.organisationType || null,
  };
}

export function caseWithCountry(form: CaseForm, country: string, regionCountry: (code: string) => string | undefined): CaseForm {
  const keep = form.region !== '' && regionCountry(form.region) === country;
  return { ...form, country, region: keep ? form.region : '' };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a datetime-local control holds it, in this browser's time zone ("2026-12-10T14:30"). */
export function localInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value, read in this browser's time zone, as the instant the server takes; null when not one. */
export function instantFromLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The meeting's default: tomorrow at 10:00 in this browser's time zone. */
export function defaultStart(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0);
  return localInputValue(d);
}

export interface InvitationForm { peers: string[]; start: string; minutes: string; message: string }

export type InvitationProblem = 'counselling.choosePeers' | 'counselling.chooseStart' | 'counselling.startPast' | 'counselling.minutesRange';

/** The body of POST …/invitations, or what is wrong with the form (the first thing). */
export function invitationBody(form: InvitationForm, now: Date): { body: InvitationInput } | { problem: InvitationProblem } {
  if (form.peers.length === 0) return { problem: 'counselling.choosePeers' };
  const start = instantFromLocal(form.start);
  if (!start) return { problem: 'counselling.chooseStart' };
  if (new Date(start).getTime() <= now.getTime()) return { problem: 'counselling.startPast' };
  const minutes = Number(form.minutes);
  if (!Number.isInteger(minutes) || minutes < CASE_LIMITS.minMinutes || minutes > CASE_LIMITS.maxMinutes) return { problem: 'counselling.minutesRange' };
  const message = form.message.trim();
  return { body: { peers: [...new Set(form.peers)], start, minutes, ...(message ? { message } : {}) } };
}

export function outcomeBody(form: OutcomeInput): OutcomeInput {
  return { advice: form.advice.trim(), nextSteps: form.nextSteps.trim() };
}

/** The usernames of the peers who said yes: the counselling room's participants. */
export function acceptedUsernames(c: Pick<CounsellingCase, 'invitations'>): string[] {
  return c.invitations.filter((i) => i.status === 'ACCEPTED').map((i) => i.peer.username).filter(Boolean);
}

/** The author may open the room once somebody accepted, and only once. */
export function canOpenRoom(c: Pick<CounsellingCase, 'mine' | 'roomId' | 'invitations' | 'status'>): boolean {
  return c.mine && !c.roomId && c.status !== 'CLOSED' && acceptedUsernames(c).length > 0;
}

/** The invitation of the person reading, if they are one of the invited peers. */
export function myInvitation(c: Pick<CounsellingCase, 'invitations'>, me: { id: string; username: string }) {
  return c.invitations.find((i) => i.peer.id === me.id || (!!i.peer.username && i.peer.username === me.username)) ?? null;
}

import { instantFromLocal } from '../community/caseForm';
import type {
  CommunityCard, CommunityInput, CommunityRole, CommunitySession, FlagInput, JoinRequest, Joining, ModerationInput, SessionInput, ThreadInput,
} from './communitiesApi';
import { roomIdFromInput } from './communitiesRoute';

/**
 * The communities' forms as their controls hold them, turned into the server's bodies only on submit. The server
 * checks everything again; the limits here let the forms say what is too long before anything is sent.
 */
export const COMMUNITY_LIMITS = {
  name: 120, description: 5000, languages: 10, sectors: 10, joinMessage: 500,
  threadTitle: 200, threadBody: 20000, reply: 10000, sessionTitle: 200, flagReason: 300,
} as const;

export const JOINING_MODES: readonly Joining[] = ['OPEN', 'REQUEST'];

/** The platform roles that may start a community (the server refuses the others with 403). */
export const CREATOR_ROLES = ['facilitator', 'policymaker', 'admin'] as const;

export function canCreateCommunity(roles: readonly string[] | undefined): boolean {
  return (roles ?? []).some((r) => (CREATOR_ROLES as readonly string[]).includes(r.toLowerCase()));
}

/** Members and moderators read and write the discussions; a pending request is not membership yet. */
export function isMember(role: CommunityRole | undefined): boolean {
  return role === 'MEMBER' || role === 'MODERATOR';
}

/**
 * What the reader may do in a community, by the server's rule: members (and moderators) read and write the
 * discussions, moderators answer requests, link sessions and moderate; a platform admin does all of it without
 * being a member (the server lets admins in everywhere, while their myRole stays null).
 */
export function communityPowers(role: CommunityRole | undefined, platformRoles: readonly string[] | undefined): { member: boolean; moderator: boolean } {
  const admin = (platformRoles ?? []).some((r) => r.toLowerCase() === 'admin');
  return { member: isMember(role) || admin, moderator: role === 'MODERATOR' || admin };
}

/** The username of the person asking to join, wherever the server put it. */
export function requestUsername(r: JoinRequest): string {
  return r.person.username || r.username || '';
}

/** The reader's communities (member, moderator or asking) first, each part in the server's order. */
export function splitCommunities(cards: CommunityCard[]): { mine: CommunityCard[]; others: CommunityCard[] } {
  return { mine: cards.filter((c) => !!c.myRole), others: cards.filter((c) => !c.myRole) };
}

export interface CommunityForm {
  name: string;
  description: string;
  languages: string[];
  sectors: string[];
  joining: Joining;
}

/** A new community starts in the creator's language, open to everyone. */
export function emptyCommunityForm(language: string): CommunityForm {
  return { name: '', description: '', languages: language ? [language] : [], sectors: [], joining: 'OPEN' };
}

const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

export function communityBody(form: CommunityForm): CommunityInput {
  return {
    name: form.name.trim().replace(/\s+/g, ' '),
    description: form.description.trim(),
    languages: unique(form.languages),
    sectors: unique(form.sectors),
    joining: form.joining,
  };
}

export type CommunityProblem = 'communities.problem.name' | 'communities.problem.description' | 'communities.problem.tooMany';

/** What keeps the form from being sent (the first thing), or null. */
export function communityProblem(form: CommunityForm): CommunityProblem | null {
  const body = communityBody(form);
  if (!body.name) return 'communities.problem.name';
  if (!body.description) return 'communities.problem.description';
  if (body.languages.length > COMMUNITY_LIMITS.languages || body.sectors.length > COMMUNITY_LIMITS.sectors) return 'communities.problem.tooMany';
  return null;
}

export interface ThreadForm { title: string; body: string; language: string }

/**
 * The language a new discussion starts in: the filter's, else the reader's if the community speaks it, else the
 * community's first; the reader's when the community names none.
 */
export function defaultThreadLanguage(communityLanguages: string[], viewerLanguage: string, filter = ''): string {
  if (filter) return filter;
  if (communityLanguages.length === 0 || communityLanguages.includes(viewerLanguage)) return viewerLanguage;
  return communityLanguages[0];
}

export function threadBody(form: ThreadForm): ThreadInput {
  return { title: form.title.trim().replace(/\s+/g, ' '), body: form.body.trim(), language: form.language };
}

export type ThreadProblem = 'discussion.problem.title' | 'discussion.problem.body' | 'discussion.problem.language';

export function threadProblem(form: ThreadForm): ThreadProblem | null {
  const body = threadBody(form);
  if (!body.title) return 'discussion.problem.title';
  if (!body.body) return 'discussion.problem.body';
  if (!body.language) return 'discussion.problem.language';
  return null;
}

/** A reply as sent, or null when there is nothing to send. */
export function replyText(text: string): string | null {
  const body = text.trim();
  return body ? body : null;
}

/** The optional message of a request to join: trimmed, absent when empty. */
export function joinMessage(text: string): string | undefined {
  const message = text.trim();
  return message ? message : undefined;
}

export interface SessionForm { roomId: string; title: string; start: string }

export type SessionProblem = 'communities.problem.room' | 'communities.problem.sessionTitle' | 'communities.problem.start';

/** The body of POST …/sessions, or what is wrong with the form. `roomId` may be a room link. */
export function sessionBody(form: SessionForm): { body: SessionInput } | { problem: SessionProblem } {
  const roomId = roomIdFromInput(form.roomId);
  if (!roomId) return { problem: 'communities.problem.room' };
  const title = form.title.trim().replace(/\s+/g, ' ');
  if (!title) return { problem: 'communities.problem.sessionTitle' };
  const start = instantFromLocal(form.start);
  if (!start) return { problem: 'communities.problem.start' };
  return { body: { roomId, title, start } };
}

/** A report on the thread's opening post (no replyId) or on one reply; null without a reason. */
export function flagBody(reason: string, replyId?: string): FlagInput | null {
  const text = reason.trim();
  if (!text) return null;
  return replyId ? { replyId, reason: text } : { reason: text };
}

/** Moderation bodies: one change each, so that two moderators' clicks never undo each other's other field. */
export const lockBody = (locked: boolean): ModerationInput => ({ locked });
export const hideThreadBody = (hidden: boolean): ModerationInput => ({ hidden });
export const hideReplyBody = (replyId: string, hidden: boolean): ModerationInput => ({ replyId, replyHidden: hidden });

const time = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

/** Upcoming sessions soonest first, past ones latest first, whatever order they came in. */
export function orderSessions(upcoming: CommunitySession[], past: CommunitySession[]) {
  return {
    upcoming: [...upcoming].sort((a, b) => time(a.start) - time(b.start)),
    past: [...past].sort((a, b) => time(b.start) - time(a.start)),
  };
}

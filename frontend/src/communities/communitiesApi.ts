import { callApi } from '../app/api';

/**
 * Communities of practice on the community server, behind the gateway: the list and each community's home are
 * public (/api/public/...); joining, the discussions and moderation need the sign-in (/api/community/...). Errors
 * come as HttpError with the server's message and fix (app/api.ts).
 */

export type Joining = 'OPEN' | 'REQUEST';
/** The reader's place in a community: null when they are not in it (and always null signed out). */
export type CommunityRole = 'MODERATOR' | 'MEMBER' | 'REQUESTED' | null;

export interface CommunityCard {
  id: string;
  slug: string;
  name: string;
  /** The first 300 characters of the description, as plain text. */
  summary: string;
  /** ISO 639-1. */
  languages: string[];
  /** NACE sections or divisions ("C", "C16"). */
  sectors: string[];
  joining: Joining;
  memberCount: number;
  myRole?: CommunityRole;
  demo: boolean;
}

export interface PersonRef { id: string; name: string }

/** The public home names sessions and their times, never their rooms: roomId is null there. */
export interface CommunitySession { roomId: string | null; title: string; start: string }

export interface LinkedPractice { id: string; slug: string; title: string; summary: string; licence: string | null }

export interface ThreadSummary {
  id: string;
  title: string;
  language: string;
  author: PersonRef;
  createdAt: string;
  lastActivityAt: string;
  replyCount: number;
  locked: boolean;
  /** Only moderators ever receive hidden threads (and replies); for everyone else they are absent. */
  hidden: boolean;
  /** Reports waiting: moderators see the number, everyone else 0. */
  flags: number;
}

export interface Reply {
  id: string;
  author: PersonRef;
  /** Safe HTML rendered by the server from the member's Markdown (raw HTML escaped). */
  bodyHtml: string;
  createdAt: string;
  hidden: boolean;
  flags: number;
}

export interface Thread extends ThreadSummary {
  communitySlug: string;
  /** Safe HTML rendered by the server from the member's Markdown (raw HTML escaped). */
  bodyHtml: string;
  replies: Reply[];
  canModerate: boolean;
  canReply: boolean;
  /** Whether the reader is told of each reply (they follow what they start or reply to, until they stop). */
  following?: boolean | null;
}

export interface Community {
  id: string;
  slug: string;
  name: string;
  /** Safe HTML rendered by the server from the description's Markdown (raw HTML escaped). */
  descriptionHtml: string;
  languages: string[];
  sectors: string[];
  joining: Joining;
  memberCount: number;
  moderators: PersonRef[];
  demo: boolean;
}

export interface CommunityHome {
  community: Community;
  myRole: CommunityRole;
  upcomingSessions: CommunitySession[];
  pastSessions: CommunitySession[];
  practices: LinkedPractice[];
  /** Empty for anyone who is not a member. */
  threads: ThreadSummary[];
  /** Requests waiting: moderators only, else 0. */
  pendingRequests: number;
}

/**
 * A request to join. The server sends the username beside the person ({person: {id, name}, username, …}); the
 * brief had it inside the person: both are read (requestUsername).
 */
export interface JoinRequest {
  person: { id: string; name: string; username?: string };
  username?: string;
  message: string | null;
  at: string;
}

/** The body of POST /api/community/communities. */
export interface CommunityInput {
  name: string;
  /** Markdown. */
  description: string;
  languages: string[];
  sectors: string[];
  joining: Joining;
}

export interface ThreadInput { title: string; body: string; language: string }
export interface SessionInput { roomId: string; title: string; start: string }
export interface FlagInput { replyId?: string; reason: string }
export interface ModerationInput { locked?: boolean; hidden?: boolean; replyId?: string; replyHidden?: boolean }

const enc = encodeURIComponent;
const communityPath = (slug: string) => `/api/community/communities/${enc(slug)}`;
const threadPath = (id: string) => `/api/community/threads/${enc(id)}`;

/** The public face of a community, rendered by the server (no JavaScript needed). */
export const communityPublicPath = (slug: string) => `/c/${enc(slug)}`;
/** A community's Atom feed (server-rendered). */
export const communityFeedPath = (slug: string) => `/feeds/communities/${enc(slug)}.atom`;

export const publicCommunities = () => callApi<CommunityCard[]>('GET', '/api/public/communities');
export const publicCommunity = (slug: string) => callApi<CommunityHome>('GET', `/api/public/communities/${enc(slug)}`);

export const listCommunities = () => callApi<CommunityCard[]>('GET', '/api/community/communities');
/** 201 with the new community's card (the creator is its moderator); the page then opens its home by the slug. */
export const createCommunity = (input: CommunityInput) => callApi<CommunityCard>('POST', '/api/community/communities', input);
export const getCommunity = (slug: string) => callApi<CommunityHome>('GET', communityPath(slug));
export const joinCommunity = (slug: string, message?: string) =>
  callApi<CommunityHome>('POST', `${communityPath(slug)}/join`, message ? { message } : {});
export const leaveCommunity = (slug: string) => callApi<CommunityHome>('DELETE', `${communityPath(slug)}/membership`);
export const joinRequests = (slug: string) => callApi<JoinRequest[]>('GET', `${communityPath(slug)}/requests`);
export const answerJoinRequest = (slug: string, userId: string, accept: boolean) =>
  callApi<CommunityHome>('POST', `${communityPath(slug)}/requests/${enc(userId)}`, { accept });
export const linkSession = (slug: string, input: SessionInput) => callApi<CommunityHome>('POST', `${communityPath(slug)}/sessions`, input);
export const linkPractice = (slug: string, practiceId: string) =>
  callApi<CommunityHome>('POST', `${communityPath(slug)}/practices`, { practiceId });
/** Up to 200 discussions, newest activity first (the home carries only the 10 newest); `language` "" for all. */
export const communityThreads = (slug: string, language: string) =>
  callApi<ThreadSummary[]>('GET', `${communityPath(slug)}/threads${language ? `?language=${enc(language)}` : ''}`);
export const startThread = (slug: string, input: ThreadInput) => callApi<Thread>('POST', `${communityPath(slug)}/threads`, input);

export const getThread = (id: string) => callApi<Thread>('GET', threadPath(id));
export const postReply = (id: string, body: string) => callApi<Thread>('POST', `${threadPath(id)}/replies`, { body });
export const flagPost = (id: string, input: FlagInput) => callApi<Thread>('POST', `${threadPath(id)}/flag`, input);
export const followThread = (id: string, follow: boolean) => callApi<Thread>(follow ? 'PUT' : 'DELETE', `${threadPath(id)}/follow`);
export const moderateThread = (id: string, input: ModerationInput) => callApi<Thread>('PUT', `${threadPath(id)}/moderation`, input);

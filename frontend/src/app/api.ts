/**
 * The gateway's HTTP API as the browser sees it (backend-for-frontend): a session cookie, never a token;
 * CSRF by cookie-to-header (Spring Security's XSRF-TOKEN cookie, X-XSRF-TOKEN header) on state-changing calls.
 */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  email?: string;
  organisation?: string;
  /** docs/gateway.md calls it preferredLanguage; older drafts language. */
  language?: string;
  preferredLanguage?: string;
  roles: string[];
}

/** PEER_COUNSELLING: any member may open one (its creator facilitates it); the others are facilitators' (docs/community.md). */
export type RoomKind = 'WORKSHOP' | 'COURSE_SESSION' | 'DIALOGUE_SESSION' | 'PEER_COUNSELLING';

export interface AccessList {
  owner?: string;
  facilitators: string[];
  participants: string[];
  observers: string[];
}

/** A role inside one room (the server's RoomRole). */
export type RoomRoleName = 'facilitator' | 'participant' | 'observer';

export interface RoomRecord {
  id: string;
  title: string;
  kind: RoomKind;
  access: AccessList;
  documents: string[];
  readOnlyDocuments?: string[];
  archived?: boolean;
  createdAt?: string;
  /** The template it was made from (lobby/templates.ts id), and its owner's name when created: for lists. */
  template?: string;
  ownerName?: string;
  /** The reader's role in the room as the room server resolves it (docs/rooms.md, "Roles and permissions"). */
  yourRole?: RoomRoleName | null;
  /** The reader's private document in this room, when they may write one (docs/dialogue.md, "Private ideation"). */
  yourPrivateDocument?: string | null;
  /** The room's rules the app shows before anyone hits them, as the server defines them (rooms RoomView.Rules). */
  rules?: { observersHaveAVoice: boolean; statementMaxLength: number };
}

/** Where the gateway starts the login (Spring's /oauth2/authorization/{registration}). */
export const LOGIN_PATH = '/oauth2/authorization/vetnet';

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The gateway names it __Host-XSRF-TOKEN behind HTTPS (cookie-secure) and XSRF-TOKEN on a local http run. */
function csrfToken(): string | undefined {
  const m = document.cookie.match(/(?:^|;\s*)(?:__Host-)?XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : undefined;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return send<T>(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
}

async function send<T>(method: string, path: string, headers: Record<string, string>, body?: BodyInit): Promise<T> {
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const err = await res.json();
      // The room server says how to fix it in `fix` (docs/rooms.md, "REST"), the gateway in `hint`.
      message = [err.message ?? err.error, err.fix ?? err.hint].filter(Boolean).join(' — ') || message;
    } catch {
      // not JSON: keep the status line
    }
    throw new HttpError(res.status, message);
  }
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

/**
 * The gateway answers roles as identity's enum names (`FACILITATOR`); the app, the room server's awareness and
 * the tokens use the claim values (`facilitator`). One spelling from here on.
 */
export function normaliseMe(me: Me): Me {
  return { ...me, roles: (me.roles ?? []).map((r) => r.toLowerCase()) };
}

/** The signed-in user, or null when the gateway answers 401 (not signed in). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return normaliseMe(await call<Me>('GET', '/api/me'));
  } catch (e) {
    if (e instanceof HttpError && e.status === 401) return null;
    throw e;
  }
}

/**
 * Whether this browser is still signed in, for a room socket closed with 4401 (sync/reconnect.ts): the gateway's
 * /api/me answers 200 while the sign-in lives and 401 once it ended. Anything else (no network, a gateway
 * restarting with 502) is no answer: the room treats the close as ordinary and asks again next time.
 */
export async function probeSession(): Promise<'alive' | 'signedOut' | 'unreachable'> {
  try {
    return (await fetchMe()) ? 'alive' : 'signedOut';
  } catch {
    return 'unreachable';
  }
}

export function signIn(returnTo = location.pathname + location.search): void {
  sessionStorage.setItem('vetnet.returnTo', returnTo);
  location.assign(LOGIN_PATH);
}

/** A real form post, so the gateway's redirect to the issuer's end-session page is followed by the browser. */
export function signOut(): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = '/logout';
  const token = csrfToken();
  if (token) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = '_csrf';
    input.value = token;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}

export const listRooms = () => call<RoomRecord[]>('GET', '/api/rooms');
export const getRoom = (id: string) => call<RoomRecord>('GET', `/api/rooms/${encodeURIComponent(id)}`);
/** The room's names directory: everyone who has joined it, by user id (rooms/people, docs/rooms.md). */
/** Where people stand on a statement (rooms/opinion/OpinionMap.java). */
export interface Standing { statement: string; text: string; direction: 'agree' | 'disagree'; agree: number; disagree: number }
/** The live opinion map of a room's statements (docs/dialogue.md): anonymous points, groups, consensus, divisions. */
export interface OpinionMap {
  minVotes: number;
  waiting: number;
  points: { x: number; y: number; group: number; you: boolean }[];
  groups: { label: string; size: number; represents: Standing[] }[];
  consensus: Standing[];
  divisive: { statement: string; text: string; agreeByGroup: (number | null)[] }[];
}
/** A facilitator reveals everyone's private notes onto the board (with or without names). */
export const revealPrivateNotes = (id: string, anonymous: boolean) =>
  call<{ notes: number; anonymous: boolean }>('POST', `/api/rooms/${encodeURIComponent(id)}/reveal`, { anonymous });
/** A group under way (rooms/breakouts/BreakoutController): its room, the plenary frame it works on, who is in it. */
export interface BreakoutGroup { id: string; room: string; frame: string; title: string; members: string[] }
/** A facilitator splits the session into groups, one per frame (docs/dialogue.md, "Breakouts"). */
export const startBreakouts = (id: string, groups: { frame: string; members: string[] }[], minutes: number) =>
  call<BreakoutGroup[]>('POST', `/api/rooms/${encodeURIComponent(id)}/breakouts`, { groups, minutes });
/** Copies every group's board back into its frame and sends everyone back. */
export const bringBreakoutsBack = (id: string) =>
  call<{ groups: number; objects: number }>('POST', `/api/rooms/${encodeURIComponent(id)}/breakouts/return`, {});
/** Follow-up (docs/dialogue.md, "Follow-up"): a proposal from a session to a policymaker, and where it stands. */
export type ProposalStatus = 'OPEN' | 'ACCEPTED' | 'PARTLY_ACCEPTED' | 'NOT_ACCEPTED' | 'IN_PROGRESS' | 'DONE';
export interface Evidence { statement: string; text: string; agree: number; disagree: number; pass: number }
export interface ProposalAnswer { status: ProposalStatus; text: string; actions: string; byName: string; at: string }
export interface Proposal {
  id: string; room: string; roomTitle: string; title: string; text: string; addressee: string; addresseeName: string;
  evidence: Evidence[]; status: ProposalStatus; answers: ProposalAnswer[]; published: boolean; createdAt: string;
}
export const createProposal = (room: string, p: { title: string; text: string; addressee: string; statements: string[] }) =>
  call<Proposal>('POST', `/api/rooms/${encodeURIComponent(room)}/proposals`, p);
export const roomProposals = (room: string) => call<Proposal[]>('GET', `/api/rooms/${encodeURIComponent(room)}/proposals`);
export const myProposals = () => call<Proposal[]>('GET', '/api/proposals/mine');
export const answerProposal = (id: string, a: { status: ProposalStatus; text: string; actions: string }) =>
  call<Proposal>('POST', `/api/proposals/${encodeURIComponent(id)}/answers`, a);
export const publishProposal = (id: string, published: boolean) =>
  call<Proposal>('POST', `/api/proposals/${encodeURIComponent(id)}/publication`, { published });
/** What anyone may read of a published proposal (no sign-in). */
export const trackedProposal = (id: string) => call<Omit<Proposal, 'room' | 'addressee' | 'published'>>('GET', `/api/public/proposals/${encodeURIComponent(id)}`);
export interface AppNotification { id: string; at: string; text: string; link: string }
export const myNotifications = () => call<AppNotification[]>('GET', '/api/notifications');
/** A question without a name, where the facilitator allows them; the server writes it (docs/dialogue.md). */
export const askAnonymously = (room: string, text: string) =>
  call<{ id: string }>('POST', `/api/rooms/${encodeURIComponent(room)}/questions/anonymous`, { text });
/** Lets facilitators read private notes before the reveal, or not (said to everyone in the room). */
export const setPrivateNotesSeen = (room: string, facilitatorsSee: boolean) =>
  call<RoomRecord>('PUT', `/api/rooms/${encodeURIComponent(room)}/private-notes`, { facilitatorsSee });
/** The private boards a facilitator may then open, read-only. */
export const privateBoards = (room: string) =>
  call<{ userId: string; name: string; document: string }[]>('GET', `/api/rooms/${encodeURIComponent(room)}/private-notes`);
/** Strict moderation (docs/dialogue.md): a statement waits on the server until a facilitator approves it. */
export interface WaitingStatement { id: string; text: string; by: string; name: string; at: number }
export const submitStatement = (room: string, text: string) =>
  call<WaitingStatement>('POST', `/api/rooms/${encodeURIComponent(room)}/statements/submissions`, { text });
export const waitingStatements = (room: string) =>
  call<WaitingStatement[]>('GET', `/api/rooms/${encodeURIComponent(room)}/statements/submissions`);
export const decideStatement = (room: string, id: string, approve: boolean) =>
  call<{ id: string; approved: boolean }>('POST', `/api/rooms/${encodeURIComponent(room)}/statements/submissions/${encodeURIComponent(id)}`, { approve });
/** An anonymous poll's ballot: cast, changed, or withdrawn (null); the server keeps it and shows only the tally. */
export const castBallot = (room: string, poll: string, ballot: string | string[] | null) =>
  call<{ ballot: string | string[] | null }>('POST', `/api/rooms/${encodeURIComponent(room)}/polls/${encodeURIComponent(poll)}/ballot`, { ballot });
export const myBallot = (room: string, poll: string) =>
  call<{ ballot: string | string[] | null }>('GET', `/api/rooms/${encodeURIComponent(room)}/polls/${encodeURIComponent(poll)}/ballot`);
export const opinionMap = (id: string) => call<OpinionMap>('GET', `/api/rooms/${encodeURIComponent(id)}/opinions`);
export const roomPeople = (id: string) => call<{ id: string; name: string }[]>('GET', `/api/rooms/${encodeURIComponent(id)}/people`);
/** What anyone with a room's link may know of it (rooms/access/AccessRequestController). */
export interface RoomSummary {
  id: string;
  title: string;
  kind: RoomKind;
  archived: boolean;
  facilitators: string[];
  yourRole: 'facilitator' | 'participant' | 'observer' | null;
  request: 'pending' | 'granted' | 'denied' | null;
}
export interface AccessRequest { userId: string; username?: string; name?: string; requestedAt: string; status: string }
export const roomSummary = (id: string) => call<RoomSummary>('GET', `/api/rooms/${encodeURIComponent(id)}/summary`);
export const requestAccess = (id: string) => call<AccessRequest>('POST', `/api/rooms/${encodeURIComponent(id)}/access-requests`);
export const accessRequests = (id: string) => call<AccessRequest[]>('GET', `/api/rooms/${encodeURIComponent(id)}/access-requests`);
export const decideAccess = (id: string, userId: string, decision: 'participant' | 'observer' | 'deny') =>
  call<AccessRequest>('POST', `/api/rooms/${encodeURIComponent(id)}/access-requests/${encodeURIComponent(userId)}`, { decision });
/** A person as the people directory answers (identity, docs/identity.md, "People directory"): never the e-mail. */
export interface DirectoryPerson {
  id: string;
  username: string;
  name: string;
}
/** Replaces the room's access list (facilitators only); the room server re-judges open sockets at once. */
export const updateAccess = (id: string, access: AccessList) => call<RoomRecord>('PUT', `/api/rooms/${encodeURIComponent(id)}/access`, access);
/** People a facilitator may invite, by part of a name, username or e-mail (identity's people directory). */
export const searchPeople = (q: string) => call<DirectoryPerson[]>('GET', `/api/directory/people?q=${encodeURIComponent(q)}`);
/** The people named by an access list's entries (usernames or ids); unknown entries are left out. */
export const lookupPeople = (entries: string[]) => entries.length === 0 ? Promise.resolve([] as DirectoryPerson[])
  : call<DirectoryPerson[]>('GET', `/api/directory/people?${entries.map((e) => `entry=${encodeURIComponent(e)}`).join('&')}`);
/** Stores an image for the room's board; the answer's `url` is what a board object may show (docs/rooms.md, "Images"). */
export const uploadImage = (roomId: string, file: Blob) => send<{ id: string; url: string; type: string; bytes: number }>(
  'POST', `/api/rooms/${encodeURIComponent(roomId)}/images`, { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' }, file);
/** The room server's time in epoch milliseconds (sync/serverClock.ts measures the offset from it). */
export const serverTime = () => call<{ now: number }>('GET', '/api/clock').then((r) => r.now);
export const createRoom = (body: { title: string; kind: RoomKind; template?: string; access?: Partial<AccessList> }) => call<RoomRecord>('POST', '/api/rooms', body);

/** A platform user as the admin API shows it (identity, docs/identity.md, "Admin API"). */
export interface ManagedUser {
  id: string;
  username: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  enabled: boolean;
  organisation?: string | null;
  /** Identity's enum names: PARTICIPANT, FACILITATOR, POLICYMAKER, ADMIN. */
  roles: string[];
}
export const PLATFORM_ROLES = ['participant', 'facilitator', 'policymaker', 'admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export const adminDirectory = () => call<{ editable: boolean; reason?: string | null }>('GET', '/api/admin/directory');
export const adminUsers = () => call<ManagedUser[]>('GET', '/api/admin/users?max=500');
export const adminCreateUser = (user: { username: string; firstName?: string; lastName?: string; email?: string; password?: string; organisation?: string; roles: string[] }) =>
  call<ManagedUser>('POST', '/api/admin/users', user);
export const adminSetRole = (id: string, role: PlatformRole, on: boolean) =>
  call<ManagedUser>(on ? 'PUT' : 'DELETE', `/api/admin/users/${encodeURIComponent(id)}/roles/${role}`);
export const adminSetOrganisation = (id: string, organisation: string | null) =>
  call<ManagedUser>('PUT', `/api/admin/users/${encodeURIComponent(id)}/organisation`, { organisation });
export const archiveRoom = (id: string) => call<RoomRecord>('POST', `/api/rooms/${encodeURIComponent(id)}/archive`);

/** The user's role in a room, as the room server resolves it (rooms/room/RoomAccessHook.roleOf). */
/** The reader's role in `room`, as the server said it (null: not on its access list). */
export function roleIn(room: RoomRecord): RoomRoleName | null {
  return room.yourRole ?? null;
}

/**
 * The same session cookie, CSRF header and error body (HttpError) for an area that keeps its endpoints in its own
 * file (library/libraryApi.ts), so this file does not grow with every module behind the gateway.
 */
export function callApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  return call<T>(method, path, body);
}

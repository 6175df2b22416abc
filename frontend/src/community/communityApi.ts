import { callApi } from '../app/api';
import type { LibraryReference, Practice } from '../library/libraryApi';

/**
 * The community server's members' area behind the gateway (docs/community.md): each person's profile, the people
 * directory, organisations and peer counselling. Everything here needs the sign-in; errors come as HttpError with the server's
 * message and fix (app/api.ts).
 */

/** Who may see one part of a profile: the other members, or nobody but its owner. */
export type Visibility = 'MEMBERS' | 'HIDDEN';

/** The parts of a profile whose visibility a person chooses ("place" is country and region together). */
export const VISIBILITY_FIELDS = ['organisation', 'headline', 'bio', 'expertise', 'sectors', 'languages', 'place'] as const;
export type VisibilityField = (typeof VISIBILITY_FIELDS)[number];

/** What a person writes about themselves: the body of PUT /api/community/profile/me. */
export interface ProfileInput {
  headline: string;
  bio: string;
  expertise: string[];
  /** NACE codes: a section ("F") or a section with a division ("C16"). */
  sectors: string[];
  /** ISO 639-1. */
  languages: string[];
  country: string | null;
  region: string | null;
  /** Shown in the people directory. */
  listed: boolean;
  /** May be suggested as a peer counsellor. */
  availableForCounselling: boolean;
  /** Invitations to peer counselling e-mailed at once, with the calendar (on until turned off). */
  emailInvitations: boolean;
  /** A digest e-mail of what is new, at most once a day (on until turned off). */
  emailDigest: boolean;
  visibility: Record<VisibilityField, Visibility>;
}

export interface Profile extends ProfileInput {
  id: string;
  username: string;
  displayName: string;
  /** The organisation of the sign-in: read-only here. */
  organisation: string | null;
  updatedAt: string;
  demo: boolean;
}

/** A person as the directory and the suggestions show them: what they hide is absent. */
export interface PersonCard {
  id: string;
  username: string;
  displayName: string;
  organisation?: string | null;
  headline?: string | null;
  expertise?: string[];
  sectors?: string[];
  languages?: string[];
  country?: string | null;
  region?: string | null;
  availableForCounselling: boolean;
  demo: boolean;
}

export interface Directory { total: number; people: PersonCard[] }

/** How an organisation describes itself: the body of PUT /api/community/organisations/{id}. */
export interface OrganisationInput {
  /** At most 200 characters. */
  name: string;
  /** An organisation type id of the reference data. */
  type: string;
  country: string | null;
  region: string | null;
  /** NACE codes, at most 10. */
  sectors: string[];
  /** ISO 639-1, at most 10. */
  languages: string[];
  /** Markdown, at most 3000 characters. */
  profile: string;
  /** An http or https address. */
  website: string | null;
}

/**
 * An organisation as members read it. Its id is the name of its organisation group in the sign-in ("northfield-vet-
 * college"); `profileHtml` is the profile rendered and made safe by the server; `people` counts everyone of it on
 * VET-NET, `listed` are those who show themselves in the directory; `canEdit` is the server's word.
 */
export interface OrganisationView extends OrganisationInput {
  id: string;
  profileHtml: string;
  people: number;
  listed: PersonCard[];
  canEdit: boolean;
  updatedAt: string | null;
  demo: boolean;
}

/** The organisations found, and the id of mine ("" when the sign-in names none). */
export interface OrganisationList { total: number; mine: string; organisations: OrganisationView[] }

export type CaseStatus = 'OPEN' | 'MEETING_SET' | 'CLOSED';
export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED';
export interface CasePerson { id: string; name: string; username: string }

/** What someone asking for peer counselling writes: the body of POST /api/community/cases. */
export interface CaseInput {
  title: string;
  /** Markdown, shown in the app as plain text. */
  challenge: string;
  sector: string;
  country: string;
  region: string | null;
  topics: string[];
  language: string;
  /** Optional here; a practice made from the case needs one (asked for then if missing). */
  organisationType?: string | null;
}

export interface CounsellingCase extends CaseInput {
  id: string;
  author: CasePerson;
  organisation: string | null;
  status: CaseStatus;
  meeting: { start: string; minutes: number; message?: string | null } | null;
  invitations: { peer: CasePerson; status: InvitationStatus; answeredAt: string | null }[];
  roomId: string | null;
  outcome: { advice: string; nextSteps: string; recordedAt: string } | null;
  practiceId: string | null;
  createdAt: string;
  updatedAt?: string;
  /** Whether the asking member wrote it: the server decides. */
  mine: boolean;
}

export type ReasonKind = 'sector' | 'sectorDivision' | 'region' | 'country' | 'expertise' | 'language' | 'practices';
/** Why a person is suggested; `kind` may one day be one the app does not know yet. */
export interface Reason { kind: ReasonKind | string; value: string; count?: number }
export interface Suggestion { person: PersonCard; score: number; reasons: Reason[] }

export type NotificationKind = 'INVITATION' | 'ANSWER' | 'REPLY' | 'JOIN_REQUEST' | 'MENTION' | 'COMMENT';
/**
 * Something that concerns me: `text` is the server's sentence (in English), `link` a path in the app. `kind` may one
 * day be one the app does not know yet.
 */
/**
 * `text` is the server's English sentence; `params` what it is made of (who, title, ...), from which the app says it
 * in the reader's language (notifications.ts). Older notifications have no params.
 */
export interface Notification {
  id: string; at: string; kind: NotificationKind | string; text: string; link: string | null; params?: Record<string, string>;
}

export interface InvitationInput { peers: string[]; start: string; minutes: number; message?: string }
export interface OutcomeInput { advice: string; nextSteps: string }

/** The library's reference data; the server also sends the languages it accepts, each named in itself. */
export type CommunityReference = LibraryReference & { languages?: { code: string; name: string }[] };

const casePath = (id: string) => `/api/community/cases/${encodeURIComponent(id)}`;

export const myProfile = () => callApi<Profile>('GET', '/api/community/profile/me');
export const saveProfile = (input: ProfileInput) => callApi<Profile>('PUT', '/api/community/profile/me', input);

/** What the community server did when an account was deleted (docs/community.md, "Deleting an account"). */
export interface CommunityDeletion {
  pseudonymId: string;
  pseudonym: string;
  posts: number;
  practices: number;
  comments: number;
  cases: number;
  communitiesLeft: number;
}
/** What the room server did with the same deletion (docs/rooms.md, "Deleting an account"). */
export interface RoomsDeletion {
  pseudonym: string;
  renamedIn: number;
  removedFrom: number;
  stillOwned: string[];
}
const q = encodeURIComponent;
export const deleteCommunityData = (username: string) =>
  callApi<CommunityDeletion>('DELETE', `/api/community/me?confirm=${q(username)}`);
export const deleteRoomsData = (username: string, pseudonym: string) =>
  callApi<RoomsDeletion>('DELETE', `/api/rooms/people/me?confirm=${q(username)}&pseudonym=${q(pseudonym)}`);
/** The sign-in account itself (docs/identity.md, "Deleting an account"); the built-in issuer's demo accounts answer 409. */
export const deleteSignInAccount = (username: string) => callApi<void>('DELETE', `/api/account?confirm=${q(username)}`);
/** `query` is the directory's query string (directoryState.directoryApiQuery). */
export const searchDirectory = (query: string) => callApi<Directory>('GET', `/api/community/directory${query ? `?${query}` : ''}`);
/** `query` is the search's query string (communityRoute.organisationsQuery). */
export const searchOrganisations = (query: string) =>
  callApi<OrganisationList>('GET', `/api/community/organisations${query ? `?${query}` : ''}`);
const organisationPath = (id: string) => `/api/community/organisations/${encodeURIComponent(id)}`;
/** Fails with an HttpError of status 404 while the organisation has no profile yet. */
export const getOrganisation = (id: string) => callApi<OrganisationView>('GET', organisationPath(id));
export const saveOrganisation = (id: string, input: OrganisationInput) => callApi<OrganisationView>('PUT', organisationPath(id), input);
/** Newest first, at most 50 (kept 90 days). */
export const myNotifications = () => callApi<Notification[]>('GET', '/api/community/notifications');

export const createCase = (input: CaseInput) => callApi<CounsellingCase>('POST', '/api/community/cases', input);
export const myCases = () => callApi<CounsellingCase[]>('GET', '/api/community/cases/mine');
export const getCase = (id: string) => callApi<CounsellingCase>('GET', casePath(id));
export const caseSuggestions = (id: string) => callApi<Suggestion[]>('GET', `${casePath(id)}/suggestions`);
export const invitePeers = (id: string, input: InvitationInput) => callApi<CounsellingCase>('POST', `${casePath(id)}/invitations`, input);
export const answerInvitation = (id: string, answer: 'ACCEPTED' | 'DECLINED') =>
  callApi<CounsellingCase>('POST', `${casePath(id)}/answer`, { answer });
export const setCaseRoom = (id: string, roomId: string) => callApi<CounsellingCase>('PUT', `${casePath(id)}/room`, { roomId });
export const recordOutcome = (id: string, input: OutcomeInput) => callApi<CounsellingCase>('PUT', `${casePath(id)}/outcome`, input);
/**
 * A draft practice of the author's, filled from the case and its outcome, to edit and publish in the library. The
 * practice needs an organisation type: the case's, else the one sent here.
 */
export const caseToPractice = (id: string, organisationType?: string) =>
  callApi<Practice>('POST', `${casePath(id)}/practice`, organisationType ? { organisationType } : undefined);
/** The meeting as an iCalendar file: an ordinary link (the session cookie goes with it). */
export const caseCalendarPath = (id: string) => `${casePath(id)}/calendar.ics`;

import { callApi } from '../app/api';
import { apiSearchParams, type SearchState } from './searchState';

/**
 * The best-practice library behind the gateway (the community module). Search and reference data are public (no
 * cookie needed); writing, publishing, endorsing and "mine" go through the session like every other /api call.
 */

/** Names of a reference entry by language code; any language may be missing (reference.ts falls back). */
export type Names = Partial<Record<string, string>>;

export interface LibraryReference {
  eqf: { level: number; names: Names }[];
  nace: {
    sections: { code: string; names: Names }[];
    /** `code` is the two digits ("16"); a practice's sector spells a division with its section letter ("C16"). */
    divisions: { code: string; section: string; names: Names }[];
  };
  countries: { code: string; names: Names }[];
  regions: { code: string; country: string; level: number; name: string }[];
  licences: { id: string; short: string; name: string; url: string }[];
  organisationTypes: { id: string; names: Names }[];
}

export interface FacetCount { value: string; count: number }

export interface LibraryHit {
  id: string;
  slug: string;
  title: string;
  summary: string;
  sector: string;
  eqfLevel: number | null;
  country: string;
  region: string | null;
  language: string;
  licence: string | null;
  organisation: string;
  organisationType: string;
  endorsements: number;
  publishedAt: string | null;
  /** Seeded demonstration content: the page says so on every such hit. */
  demo: boolean;
}

export interface LibrarySearchResult {
  total: number;
  page: number;
  size: number;
  tookMs: number;
  hits: LibraryHit[];
  /** Keyed by facet name (searchState.FACETS); a facet the server has nothing for may be absent. */
  facets: Partial<Record<string, FacetCount[]>>;
}

export interface PracticeLink { label: string; url: string }

/** What an author writes: the body of POST and PUT. */
export interface PracticeFields {
  title: string;
  summary: string;
  problem: string;
  approach: string;
  results: string;
  evidence: string;
  sector: string;
  eqfLevel: number | null;
  country: string;
  region: string | null;
  language: string;
  organisation: string;
  organisationType: string;
  links: PracticeLink[];
}

export type PracticeStatus = 'DRAFT' | 'PUBLISHED';

export interface Practice extends PracticeFields {
  id: string;
  slug: string;
  version: number;
  status: PracticeStatus;
  licence: string | null;
  authors: { id: string; name: string }[];
  endorsements: number;
  endorsedByMe: boolean;
  /** Whether the asking member is one of its authors: the server decides, from the token it checked. */
  mine: boolean;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  demo: boolean;
}

/** Results per page; the server may answer with another size, and paging uses the one it answered. */
export const PAGE_SIZE = 20;

/** The public page of a published practice: server-rendered HTML, outside the app. */
export const practicePublicPath = (slug: string) => `/practices/${encodeURIComponent(slug)}`;
/** The library's Atom feed (server-rendered). */
export const LIBRARY_FEED_PATH = '/feeds/library.atom';

const practicePath = (id: string) => `/api/community/practices/${encodeURIComponent(id)}`;

export const searchLibrary = (state: SearchState) =>
  callApi<LibrarySearchResult>('GET', `/api/public/library/search?${apiSearchParams(state, PAGE_SIZE)}`);
export const libraryReference = () => callApi<LibraryReference>('GET', '/api/public/library/reference');

export const myPractices = () => callApi<Practice[]>('GET', '/api/community/practices/mine');
export const getPractice = (id: string) => callApi<Practice>('GET', practicePath(id));
export const createPractice = (fields: PracticeFields) => callApi<Practice>('POST', '/api/community/practices', fields);
export const updatePractice = (id: string, fields: PracticeFields) => callApi<Practice>('PUT', practicePath(id), fields);
export const publishPractice = (id: string, licence: string) => callApi<Practice>('POST', `${practicePath(id)}/publish`, { licence });

/** A member's comment on a published practice (docs/community.md, "Comments"); its body is HTML the server made safe. */
export interface PracticeComment { id: string; author: { id: string; name: string }; bodyHtml: string; createdAt: string; mayDelete: boolean }
export const getComments = (id: string) => callApi<PracticeComment[]>('GET', `${practicePath(id)}/comments`);
export const addComment = (id: string, body: string) => callApi<PracticeComment[]>('POST', `${practicePath(id)}/comments`, { body });
export const deleteComment = (id: string, comment: string) =>
  callApi<PracticeComment[]>('DELETE', `${practicePath(id)}/comments/${encodeURIComponent(comment)}`);
/** Endorses (on) or withdraws the endorsement (off); the answer carries the new count and endorsedByMe. */
export const setEndorsement = (id: string, on: boolean) => callApi<Practice>(on ? 'PUT' : 'DELETE', `${practicePath(id)}/endorsement`);


/**
 * The members' pages and their addresses: /profile, /people (the directory, its search in the URL so that Back
 * and a shared link land on the same list), /organisations (their profiles, searched the same way),
 * /organisations/{id}, /counselling (my cases and a new one), /counselling/{id} and /notifications. All of them
 * need the sign-in.
 */
export type CommunityRoute =
  | { view: 'profile' }
  | { view: 'people'; search: DirectorySearch }
  | { view: 'organisations'; search: OrganisationSearch }
  | { view: 'organisation'; id: string }
  | { view: 'counselling' }
  | { view: 'case'; id: string }
  | { view: 'notifications' };

/** The directory's filters, each one value or "" for none. */
export interface DirectorySearch {
  q: string;
  sector: string;
  country: string;
  language: string;
  /** An organisation type id: people whose organisation's profile has that type. */
  organisationType: string;
  expertise: string;
}

/** The organisations' search, each one value or "" for none. */
export interface OrganisationSearch {
  q: string;
  type: string;
  country: string;
  sector: string;
}

export const PROFILE_PATH = '/profile';
export const PEOPLE_PATH = '/people';
export const ORGANISATIONS_PATH = '/organisations';
export const COUNSELLING_PATH = '/counselling';
export const NOTIFICATIONS_PATH = '/notifications';

/** The directory's parameters, in the order the address spells them. */
export const DIRECTORY_FILTERS = ['sector', 'country', 'language', 'organisationType', 'expertise'] as const;

/** The organisations' parameters, in the order the address spells them. */
export const ORGANISATION_FILTERS = ['type', 'country', 'sector'] as const;

export function emptyDirectorySearch(): DirectorySearch {
  return { q: '', sector: '', country: '', language: '', organisationType: '', expertise: '' };
}

export function emptyOrganisationSearch(): OrganisationSearch {
  return { q: '', type: '', country: '', sector: '' };
}

/** Whether a path (with its query) is one of these pages. */
export function isCommunityPath(path: string): boolean {
  return /^\/(?:profile|people|organisations|counselling|notifications)(?:[/?#]|$)/.test(path);
}

/**
 * The view of a path, or null for one that is not a members' page (or a case's or an organisation's address with
 * more after it, or one that does not decode).
 */
export function communityRoute(path: string): CommunityRoute | null {
  const [pathname, query = ''] = path.split('#')[0].split('?');
  const p = pathname.replace(/\/+$/, '') || '/';
  if (p === PROFILE_PATH) return { view: 'profile' };
  if (p === PEOPLE_PATH) return { view: 'people', search: parseDirectorySearch(query) };
  if (p === ORGANISATIONS_PATH) return { view: 'organisations', search: parseOrganisationSearch(query) };
  if (p === COUNSELLING_PATH) return { view: 'counselling' };
  if (p === NOTIFICATIONS_PATH) return { view: 'notifications' };
  const organisation = /^\/organisations\/([^/]+)$/.exec(p);
  if (organisation) {
    const id = safeDecode(organisation[1]);
    return id ? { view: 'organisation', id } : null;
  }
  const m = /^\/counselling\/([^/]+)$/.exec(p);
  const id = m && safeDecode(m[1]);
  return id ? { view: 'case', id } : null;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** A search's filters read from a query string, each trimmed, absent as "". */
function parseSearch<K extends string>(query: string, filters: readonly K[], search: Record<'q' | K, string>) {
  const params = new URLSearchParams(query);
  search.q = (params.get('q') ?? '').trim();
  for (const f of filters) search[f] = (params.get(f) ?? '').trim();
  return search;
}

/** The query string of a search: what is empty is left out; the same for the page's address and the server. */
function searchQuery<K extends string>(filters: readonly K[], search: Record<'q' | K, string>): string {
  const params = new URLSearchParams();
  for (const f of ['q', ...filters] as const) {
    const value = (search[f] ?? '').trim();
    if (value) params.set(f, value);
  }
  return params.toString();
}

export const parseDirectorySearch = (query: string): DirectorySearch => parseSearch(query, DIRECTORY_FILTERS, emptyDirectorySearch());
export const directoryQuery = (search: DirectorySearch) => searchQuery(DIRECTORY_FILTERS, search);

export function directoryUrl(search: DirectorySearch): string {
  const query = directoryQuery(search);
  return query ? `${PEOPLE_PATH}?${query}` : PEOPLE_PATH;
}

export const parseOrganisationSearch = (query: string): OrganisationSearch =>
  parseSearch(query, ORGANISATION_FILTERS, emptyOrganisationSearch());
export const organisationsQuery = (search: OrganisationSearch) => searchQuery(ORGANISATION_FILTERS, search);

export function organisationsUrl(search: OrganisationSearch = emptyOrganisationSearch()): string {
  const query = organisationsQuery(search);
  return query ? `${ORGANISATIONS_PATH}?${query}` : ORGANISATIONS_PATH;
}

export const organisationUrl = (id: string) => `${ORGANISATIONS_PATH}/${encodeURIComponent(id)}`;

export const caseUrl = (id: string) => `${COUNSELLING_PATH}/${encodeURIComponent(id)}`;

/** Where the counselling room opens the first time: the room applies the template and the case's text. */
export function counsellingRoomUrl(roomId: string, caseId: string): string {
  return `/rooms/${encodeURIComponent(roomId)}?template=peerCounselling&case=${encodeURIComponent(caseId)}`;
}

export const roomUrl = (roomId: string) => `/rooms/${encodeURIComponent(roomId)}`;

/** Whether a top-bar link names the page shown: its own path, or one under it (/counselling/{id}). */
export function inSection(path: string, href: string): boolean {
  const pathname = path.split(/[?#]/)[0].replace(/\/+$/, '');
  return pathname === href || pathname.startsWith(`${href}/`);
}

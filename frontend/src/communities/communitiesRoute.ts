/**
 * Communities of practice and their addresses: /communities (the list, and a new community), /communities/{slug}
 * (a community's home; `?language=` filters its discussions, so Back and a shared link keep the filter) and
 * /communities/{slug}/threads/{id} (one discussion). The list and the homes are public; a discussion needs the
 * sign-in.
 */
export type CommunitiesRoute =
  | { view: 'list' }
  | { view: 'home'; slug: string; language: string }
  | { view: 'thread'; slug: string; id: string };

export const COMMUNITIES_PATH = '/communities';

/** Whether a path (with its query) belongs to the communities: App shows these pages signed out too. */
export function isCommunitiesPath(path: string): boolean {
  return /^\/communities(?:[/?#]|$)/.test(path);
}

/** The view of a path, or null for an address under /communities that is none of them. */
export function communitiesRoute(path: string): CommunitiesRoute | null {
  const [pathname, query = ''] = path.split('#')[0].split('?');
  const p = pathname.replace(/\/+$/, '') || '/';
  if (p === COMMUNITIES_PATH) return { view: 'list' };
  const home = /^\/communities\/([^/]+)$/.exec(p);
  if (home) {
    const slug = safeDecode(home[1]);
    if (slug === null) return null;
    return { view: 'home', slug, language: (new URLSearchParams(query).get('language') ?? '').trim() };
  }
  const thread = /^\/communities\/([^/]+)\/threads\/([^/]+)$/.exec(p);
  if (thread) {
    const slug = safeDecode(thread[1]);
    const id = safeDecode(thread[2]);
    return slug === null || id === null ? null : { view: 'thread', slug, id };
  }
  return null;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** A community's home; with a language, its discussions in that language only. */
export function communityUrl(slug: string, language = ''): string {
  const base = `${COMMUNITIES_PATH}/${encodeURIComponent(slug)}`;
  return language ? `${base}?${new URLSearchParams({ language })}` : base;
}

export const threadUrl = (slug: string, id: string) => `${communityUrl(slug)}/threads/${encodeURIComponent(id)}`;

/** What the community server takes as a room id (its linkSession rule). */
const ROOM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A room's id from what a moderator pastes: a room link (…/rooms/{id}…) or the bare id; null for anything else
 * (spaces inside, another kind of address).
 */
export function roomIdFromInput(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  const m = /\/rooms\/([^/?#\s]+)/.exec(value);
  if (m) return ROOM_ID.test(m[1]) ? m[1] : null;
  return ROOM_ID.test(value) ? value : null;
}

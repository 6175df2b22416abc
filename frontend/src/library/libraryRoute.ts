import { LIBRARY_PATH, parseSearch, type SearchState } from './searchState';

/**
 * The library's views, each with its own address under /library so that Back, reload and a shared link land on
 * the same view. Only the search is public; the others ask a signed-out visitor to sign in.
 */
export type LibraryRoute =
  | { view: 'search'; search: SearchState }
  | { view: 'mine' }
  | { view: 'new' }
  | { view: 'practice'; id: string }
  | { view: 'edit'; id: string };

/** Whether a path (with its query) belongs to the library: App shows it signed out too. */
export function isLibraryPath(path: string): boolean {
  return /^\/library(?:[/?#]|$)/.test(path);
}

export function libraryRoute(path: string): LibraryRoute {
  const [pathname, query = ''] = path.split('#')[0].split('?');
  const rest = pathname.slice(LIBRARY_PATH.length).replace(/\/+$/, '');
  if (rest === '/mine') return { view: 'mine' };
  if (rest === '/new') return { view: 'new' };
  const m = /^\/practices\/([^/]+)(\/edit)?$/.exec(rest);
  if (m) {
    const id = decodeURIComponent(m[1]);
    return m[2] ? { view: 'edit', id } : { view: 'practice', id };
  }
  return { view: 'search', search: parseSearch(query) };
}

export const mineUrl = () => `${LIBRARY_PATH}/mine`;
export const newPracticeUrl = () => `${LIBRARY_PATH}/new`;
export const practiceUrl = (id: string) => `${LIBRARY_PATH}/practices/${encodeURIComponent(id)}`;
export const editPracticeUrl = (id: string) => `${practiceUrl(id)}/edit`;

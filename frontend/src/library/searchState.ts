/**
 * A library search as it lives in the page's URL (/library?q=&sector=C&sector=F&page=1), so that a search can be
 * linked and Back returns to the one before. The same parameters go to the server's search, which ORs repeated
 * values within a facet and ANDs the facets.
 */

/** The facets in the order the page shows them (also the order of the URL's parameters). */
export const FACETS = ['sector', 'country', 'eqfLevel', 'language', 'organisationType', 'licence'] as const;
export type FacetName = (typeof FACETS)[number];

export interface SearchState {
  q: string;
  filters: Record<FacetName, string[]>;
  /** Zero-based, as the server counts. */
  page: number;
}

export const LIBRARY_PATH = '/library';

export function emptySearch(): SearchState {
  return { q: '', filters: Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<FacetName, string[]>, page: 0 };
}

/** Reads a query string ("?q=x&sector=C", with or without "?"); anything unknown or malformed is ignored. */
export function parseSearch(query: string): SearchState {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const state = emptySearch();
  state.q = params.get('q') ?? '';
  for (const facet of FACETS) {
    state.filters[facet] = [...new Set(params.getAll(facet).filter((v) => v !== ''))];
  }
  const page = Number(params.get('page'));
  state.page = Number.isInteger(page) && page > 0 ? page : 0;
  return state;
}

/** The parameters of a search, in a stable order; an empty query and page 0 are left out. */
function searchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set('q', q);
  for (const facet of FACETS) {
    for (const value of state.filters[facet]) params.append(facet, value);
  }
  if (state.page > 0) params.set('page', String(state.page));
  return params;
}

/** The page's address for a search: "/library" alone for the empty one. */
export function libraryUrl(state: SearchState): string {
  const query = searchParams(state).toString();
  return query ? `${LIBRARY_PATH}?${query}` : LIBRARY_PATH;
}

/** The query string for the server's search: page and size always spelled out. */
export function apiSearchParams(state: SearchState, size: number): string {
  const params = searchParams(state);
  params.set('page', String(state.page));
  params.set('size', String(size));
  return params.toString();
}

/** Selects a facet value or clears it again; any change of the filters starts again on the first page. */
export function toggleFilter(state: SearchState, facet: FacetName, value: string): SearchState {
  const current = state.filters[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, filters: { ...state.filters, [facet]: next }, page: 0 };
}

/** A new query text, from the first page. */
export function withQuery(state: SearchState, q: string): SearchState {
  return { ...state, q: q.trim(), page: 0 };
}

export function withPage(state: SearchState, page: number): SearchState {
  return { ...state, page: Math.max(0, page) };
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((f) => state.filters[f].length > 0);
}

/** How many pages a result has (at least one, so "page 1 of 1" reads right for an empty result). */
export function pageCount(total: number, size: number): number {
  return size > 0 ? Math.max(1, Math.ceil(total / size)) : 1;
}

/**
 * A facet's values as the page lists them: the server's, in its order, then any selected value the server no
 * longer counts (shown with 0), so that a filter can always be cleared where it was set.
 */
export function facetEntries(counts: { value: string; count: number }[] | undefined, selected: string[]): { value: string; count: number; selected: boolean }[] {
  const listed = (counts ?? []).map((c) => ({ ...c, selected: selected.includes(c.value) }));
  const missing = selected.filter((v) => !listed.some((c) => c.value === v)).map((value) => ({ value, count: 0, selected: true }));
  return [...listed, ...missing];
}

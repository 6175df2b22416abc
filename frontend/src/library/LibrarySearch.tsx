import { useEffect, useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { LIBRARY_FEED_PATH, practicePublicPath, searchLibrary, type LibraryReference, type LibrarySearchResult } from './libraryApi';
import { LibraryLink } from './LibraryLink';
import { practiceUrl } from './libraryRoute';
import { PracticeMeta } from './PracticeMeta';
import { facetValueLabel } from './reference';
import {
  emptySearch, facetEntries, FACETS, hasFilters, libraryUrl, pageCount, toggleFilter, withPage, withQuery, type SearchState,
} from './searchState';

/**
 * The public search: a query, facets to narrow it, the hits and paging. Everything is in the URL (searchState.ts):
 * every change navigates, and the results follow the address, so Back undoes a filter.
 */
export function LibrarySearch({ search, reference, signedIn, navigate }: {
  search: SearchState; reference: LibraryReference | null; signedIn: boolean; navigate: (p: string) => void;
}) {
  const { t, language } = useI18n();
  const address = libraryUrl(search);
  const [text, setText] = useState(search.q);
  const [result, setResult] = useState<LibrarySearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // Set by the paging links: the link just used may be gone from the next page, so focus goes to the results.
  const focusResults = useRef(false);
  const focusOnResults = () => { focusResults.current = true; };

  // Back and Forward change the search under the field.
  useEffect(() => setText(search.q), [search.q]);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    searchLibrary(search).then((r) => {
      if (!current) return;
      setResult(r);
      setLoading(false);
      if (focusResults.current) resultsHeading.current?.focus();
      focusResults.current = false;
    }, (e) => {
      if (!current) return;
      setError(e instanceof Error ? e.message : String(e));
      setLoading(false);
    });
    return () => { current = false; };
    // The address is the search, spelled as a string: a new state object with the same search fetches nothing.
  }, [address]);

  const page = result?.page ?? search.page;
  const size = result?.size || 1;
  const pages = result ? pageCount(result.total, size) : 1;
  const countText = !result ? ''
    : result.total === 0 ? t('library.results.none')
    : t(result.total === 1 ? 'library.results.one' : 'library.results.other', { count: result.total });

  return (
    <>
      <form className="library-search" role="search" onSubmit={(e) => {
        e.preventDefault();
        navigate(libraryUrl(withQuery(search, text)));
      }}>
        <label htmlFor="library-q">{t('library.searchLabel')}</label>
        <div className="row">
          <input id="library-q" type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="primary">{t('library.searchButton')}</button>
        </div>
      </form>

      <div className="library-layout">
        <div className="library-facets">
          <h2>{t('library.refine')}</h2>
          {hasFilters(search) && (
            <button type="button" className="link" onClick={() => navigate(libraryUrl({ ...emptySearch(), q: search.q }))}>
              {t('library.clearFilters')}</button>
          )}
          {FACETS.map((facet) => {
            const entries = facetEntries(result?.facets[facet], search.filters[facet]);
            if (entries.length === 0) return null;
            return (
              <div key={facet} className="library-facet" role="group" aria-labelledby={`facet-${facet}`}>
                <h3 id={`facet-${facet}`}>{t(`library.facet.${facet}` as MessageKey)}</h3>
                <ul>
                  {entries.map((e) => (
                    <li key={e.value}>
                      <button type="button" data-facet={facet} data-value={e.value} aria-pressed={e.selected}
                        onClick={() => navigate(libraryUrl(toggleFilter(search, facet, e.value)))}>
                        {facetValueLabel(reference, facet, e.value, language)} <span className="library-count">({e.count})</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>

        <div className="library-results">
          <div className="row library-results-head">
            <h2 id="library-results" ref={resultsHeading} tabIndex={-1}>{t('library.results')}</h2>
            <span className="grow" />
            <a className="library-feed" href={LIBRARY_FEED_PATH} type="application/atom+xml">{t('library.feed')}</a>
          </div>
          <p role="status" className="library-result-count">{loading ? t('library.searching') : countText}</p>
          {error && <p role="alert" className="error">{t('library.searchFailed', { message: error })}</p>}
          {result && result.hits.length > 0 && (
            <ul className="library-hits" aria-labelledby="library-results">
              {result.hits.map((hit) => (
                <li key={hit.id} className="library-hit">
                  <h3>
                    <a className="library-hit-title" href={practicePublicPath(hit.slug)}>{hit.title}</a>
                    {hit.demo && <> <span className="badge library-demo">{t('library.demo')}</span></>}
                  </h3>
                  {hit.summary && <p>{hit.summary}</p>}
                  <PracticeMeta practice={hit} reference={reference} />
                  {signedIn && (
                    <LibraryLink href={practiceUrl(hit.id)} navigate={navigate} className="library-hit-details">
                      {t('library.details')}<span className="sr-only">: {hit.title}</span>
                    </LibraryLink>
                  )}
                </li>
              ))}
            </ul>
          )}
          {result && pages > 1 && (
            <nav className="row library-paging" aria-label={t('library.pages')}>
              {page > 0 && (
                <LibraryLink href={libraryUrl(withPage(search, page - 1))} navigate={navigate} className="library-prev"
                  onFollow={focusOnResults}>{t('library.previous')}</LibraryLink>
              )}
              <span>{t('library.pageOf', { page: page + 1, pages })}</span>
              {page + 1 < pages && (
                <LibraryLink href={libraryUrl(withPage(search, page + 1))} navigate={navigate} className="library-next"
                  onFollow={focusOnResults}>{t('library.next')}</LibraryLink>
              )}
            </nav>
          )}
        </div>
      </div>
    </>
  );
}

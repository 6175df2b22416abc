import { useEffect, useState } from 'react';
import { errorMessage } from './useBusyAction';

/**
 * A search whose terms live in the page's address (the directory, the organisations): the form edits a draft, which
 * follows the address when Back or Forward change it; the result is fetched again whenever the query changes, and
 * an answer that comes after the query changed again is dropped.
 */
export function useAddressSearch<S, R>(search: S, query: string, fetch: (query: string) => Promise<R>) {
  const [draft, setDraft] = useState<S>(search);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  // Back and Forward change the search under the form.
  useEffect(() => setDraft(search), [query]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    fetch(query).then((r) => {
      if (!current) return;
      setResult(r);
      setLoading(false);
    }, (e) => {
      if (!current) return;
      setError(errorMessage(e));
      setLoading(false);
    });
    return () => { current = false; };
  }, [query]); // eslint-disable-line react-hooks/exhaustive-deps

  return { draft, setDraft, result, error, loading };
}

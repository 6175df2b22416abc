import { useState } from 'react';

/** What went wrong, as a person can read it: an Error's message (an HttpError's is the server's), else the value. */
export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A page's changes, one at a time: `busy` while one runs (its buttons are disabled), `error` why the last one
 * failed (cleared when the next starts). `run(call, done)` sets busy, calls the server, hands the answer to `done`
 * (show it, announce it) and says whether it went through; a failure becomes `error`, never a throw. `setBusy` and
 * `setError` are there for the changes that leave the page when they succeed (busy is kept until it is gone).
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async <T>(call: () => Promise<T>, done: (result: T) => void): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      done(await call());
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, setBusy, error, setError, run };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { HttpError, requestAccess, roomSummary, type RoomSummary } from '../app/api';
import { useI18n } from '../i18n/i18n';
import { CHECK_EVERY_MS } from './AccessRequests';


/**
 * A room link opened by someone not on its access list: which room it is and who runs it, and a way in (Request
 * access). The page checks every few seconds and opens the room once the person is on the list (let in after a
 * request, or added by a facilitator).
 */
export function NoAccess({ roomId, navigate, onGranted }: { roomId: string; navigate: (p: string) => void; onGranted: () => void }) {
  const { t } = useI18n();
  const [summary, setSummary] = useState<RoomSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  // The room re-renders often (connection state): a new onGranted each time must not fetch the summary again.
  const granted = useRef(onGranted);
  granted.current = onGranted;
  const load = useCallback(() => roomSummary(roomId).then((s) => {
    setSummary(s);
    setError(null);
    if (s.yourRole) granted.current();
  }, (e) => setError(e instanceof HttpError && e.status === 404 ? t('access.noSuchRoom') : String(e?.message ?? e))), [roomId, t]);

  useEffect(() => { void load(); }, [load]);
  // Checked again every few seconds, asked or not: a facilitator may also add the person from the Share dialog.
  // (No room socket is open on this page, so these checks cannot race a socket's token renewal: docs/gateway.md.)
  // Keyed on whether to check at all, not on each answer: a new summary every 5 s must not restart the interval.
  const checking = !!summary && !summary.archived;
  useEffect(() => {
    if (!checking) return undefined;
    const timer = setInterval(() => { void load(); }, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [checking, load]);

  const ask = async () => {
    setSending(true);
    try {
      await requestAccess(roomId);
      await load();
    } catch (e) {
      setError(String((e as Error)?.message ?? e));
    } finally {
      setSending(false);
    }
  };

  return (
    <main id="main" className="no-access">
      <h1>{summary ? t('access.heading', { title: summary.title }) : t('access.headingUnknown')}</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {summary && (
        <>
          <p>{t('access.notOnList')}</p>
          {summary.facilitators.length > 0 && <p>{t('access.runBy', { names: summary.facilitators.join(', ') })}</p>}
          {summary.request === 'pending' && <p role="status" className="notice">{t('access.pending')}</p>}
          {summary.request === 'denied' && <p role="status" className="notice">{t('access.denied')}</p>}
          {summary.archived ? <p className="muted">{t('access.archived')}</p> : summary.request !== 'pending' && (
            <button type="button" className="primary" disabled={sending} onClick={() => { void ask(); }}>
              {summary.request === 'denied' ? t('access.askAgain') : t('access.request')}
            </button>
          )}
        </>
      )}
      <p><button type="button" className="link" onClick={() => navigate('/')}>{t('room.back')}</button></p>
    </main>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { accessRequests, decideAccess, type AccessRequest } from '../app/api';
import { useI18n } from '../i18n/i18n';

/** How often an open access page or request list asks the server again. */
export const CHECK_EVERY_MS = 5_000;

/**
 * For the room's facilitators, in the People tab: people asking to enter, each let in as participant or observer, or
 * declined. Checked every 5 s while the tab is open only (docs/gateway.md: a REST poll racing a token renewal can
 * still end a sign-in).
 */
export function AccessRequests({ roomId, onError }: { roomId: string; onError: (message: string) => void }) {
  const { t } = useI18n();
  const [requests, setRequests] = useState<AccessRequest[]>([]);
  const load = useCallback(() => accessRequests(roomId).then(setRequests, () => { /* tried again shortly */ }), [roomId]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => { void load(); }, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [load]);
  const decide = async (r: AccessRequest, decision: 'participant' | 'observer' | 'deny') => {
    try {
      await decideAccess(roomId, r.userId, decision);
    } catch (e) {
      onError(String((e as Error)?.message ?? e));
    }
    await load();
  };
  if (requests.length === 0) return null;
  return (
    <section className="access-requests" aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('access.requestsHeading', { count: requests.length })}</h2>
      <ul>
        {requests.map((r) => (
          <li key={r.userId} data-request={r.username ?? r.userId}>
            <span className="name">{r.name || r.username || r.userId}</span>
            <span className="row">
              <button type="button" onClick={() => { void decide(r, 'participant'); }}>{t('access.letInParticipant')}</button>
              <button type="button" onClick={() => { void decide(r, 'observer'); }}>{t('access.letInObserver')}</button>
              <button type="button" className="link" onClick={() => { void decide(r, 'deny'); }}>{t('access.decline')}</button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

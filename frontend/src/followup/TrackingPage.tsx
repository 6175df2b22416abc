import { useEffect, useState } from 'react';
import { trackedProposal, type Proposal } from '../app/api';
import { useI18n, type MessageKey } from '../i18n/i18n';

type Tracked = Awaited<ReturnType<typeof trackedProposal>>;

/**
 * The public tracking page of a published proposal (docs/dialogue.md, "Follow-up"), readable without signing in:
 * the chain from the session's output to the proposal, the policymaker's answers and the result.
 */
export function TrackingPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const [p, setP] = useState<Tracked | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    trackedProposal(id).then(setP, (e) => setError(String(e?.message ?? e)));
  }, [id]);
  const date = (iso: string) => new Date(iso).toLocaleDateString(language, { dateStyle: 'long' });
  const status = (s: Proposal['status']) => t(`followup.status.${s}` as MessageKey);

  return (
    <main id="main" className="tracking">
      {error && <p role="alert" className="error">{error}</p>}
      {!p && !error && <p className="loading">{t('app.loading')}</p>}
      {p && (
        <article aria-labelledby="track-title">
          <p className="muted">{t('followup.publicHeading')}</p>
          <h1 id="track-title">{p.title}</h1>
          <p>{t('followup.chain', { room: p.roomTitle, date: date(p.createdAt), addressee: p.addresseeName })}</p>
          <p className="badge" data-status={p.status}>{status(p.status)}</p>
          {p.text && <p>{p.text}</p>}
          {p.evidence.length > 0 && (
            <section aria-labelledby="track-evidence">
              <h2 id="track-evidence">{t('followup.behind')}</h2>
              <ul>{p.evidence.map((e) => <li key={e.statement}>{e.text} ({t('followup.votes', { agree: e.agree, disagree: e.disagree, pass: e.pass })})</li>)}</ul>
            </section>
          )}
          <section aria-labelledby="track-answers">
            <h2 id="track-answers">{t('followup.answers')}</h2>
            {p.answers.length === 0 ? <p className="muted">{t('followup.noAnswer')}</p> : (
              <ol>{p.answers.map((a) => (
                <li key={a.at}><strong>{status(a.status)}</strong> — {a.byName}, {date(a.at)}: {a.text}
                  {a.actions && <> {t('followup.actions')}: {a.actions}</>}</li>
              ))}</ol>
            )}
          </section>
        </article>
      )}
    </main>
  );
}

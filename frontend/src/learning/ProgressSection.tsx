import { useEffect, useState } from 'react';
import { errorMessage } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import { PHASE } from './labels';
import { credits, progressCsvUrl, progressOf, type Programme, type Progress } from './learningApi';

/**
 * The facilitator's view of an edition: each enrolled learner's attendance, results, credits, evidence waiting and
 * peer reviews still to write, where each review round stands, how many have attained each outcome, and a CSV file.
 */
export function ProgressSection({ editionId, programme, refresh }: { editionId: string; programme: Programme; refresh: number }) {
  const { t, language } = useI18n();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    progressOf(editionId).then(setProgress, (e) => setError(errorMessage(e)));
  }, [editionId, refresh]);
  const title = (moduleId: string) => programme.modules.find((m) => m.id === moduleId)?.title ?? moduleId;

  return (
    <section className="library-panel progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('progress.heading')}</h2>
      <p><a href={progressCsvUrl(editionId)} download="edition-progress.csv" className="progress-csv">{t('progress.csv')}</a></p>
      {error && <p role="alert" className="error">{t('library.loadFailed', { message: error })}</p>}
      {progress && progress.learners.length > 0 && (
        <table className="learning-roster progress-learners">
          <caption>{t('progress.learners')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('learning.learner')}</th><th scope="col">{t('learning.minutes')}</th>
              {programme.modules.map((m) => <th scope="col" key={m.id}>{m.title}</th>)}
              <th scope="col">{t('learning.ects')}</th><th scope="col">{t('progress.waiting')}</th><th scope="col">{t('progress.reviewsOutstanding')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.learners.map((l) => (
              <tr key={l.learnerId} data-learner={l.username}>
                <th scope="row">{l.name}</th><td>{l.attendanceMinutes}</td>
                {programme.modules.map((m) => <td key={m.id}>{l.modules[m.id] ?? ''}</td>)}
                <td>{credits(l.ectsEarned, language)}</td><td>{l.evidenceWaiting}</td><td className="reviews-outstanding">{l.reviewsOutstanding}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {progress && progress.reviews.length > 0 && (
        <table className="learning-roster progress-reviews">
          <caption>{t('progress.reviews')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progress.round')}</th><th scope="col">{t('progress.phase')}</th><th scope="col">{t('progress.submissions')}</th>
              <th scope="col">{t('progress.assessed')}</th><th scope="col">{t('progress.reviewsOutstanding')}</th><th scope="col">{t('progress.graded')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.reviews.map((r) => (
              <tr key={r.roundId} data-round={r.roundId}>
                <th scope="row">{r.title}</th><td>{t(PHASE[r.phase])}</td><td>{r.submissions}</td><td>{r.assessed}</td>
                <td className="reviews-outstanding">{r.outstanding}</td><td>{r.graded}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {progress && progress.outcomes.length > 0 && (
        <table className="learning-roster progress-outcomes">
          <caption>{t('progress.outcomes')}</caption>
          <thead><tr><th scope="col">{t('learning.module')}</th><th scope="col">{t('progress.outcome')}</th><th scope="col">{t('progress.attained')}</th></tr></thead>
          <tbody>
            {progress.outcomes.map((o) => (
              <tr key={`${o.moduleId}-${o.outcome}`}>
                <td>{title(o.moduleId)}</td><th scope="row">{o.outcome}</th>
                <td>{t('progress.ofCount', { attained: o.attained, of: o.of })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { errorMessage } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import { LibraryLink } from '../library/LibraryLink';
import { credentialContent } from './credentialText';
import { credits, myCredentials, myEditions, myTranscript, type EditionView, type IssuedCredential, type Transcript } from './learningApi';
import { editionUrl, VERIFY_PATH } from './learningRoute';
import { STATUS } from './labels';

/** The signed-in person's editions, their record (in the spirit of a Diploma Supplement) and the credentials they hold. */
export function MyLearning({ navigate }: { navigate: (p: string) => void }) {
  const { t, language } = useI18n();
  const [editions, setEditions] = useState<EditionView[] | null>(null);
  const [transcript, setTranscript] = useState<Transcript | null>(null);
  const [held, setHeld] = useState<IssuedCredential[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([myEditions(), myTranscript(), myCredentials()]).then(([e, tr, c]) => {
      setEditions(e);
      setTranscript(tr);
      setHeld(c);
    }, (e) => setError(errorMessage(e)));
  }, []);

  const date = (iso: string) => new Date(iso).toLocaleDateString(language, { dateStyle: 'medium' });
  return (
    <section className="library-panel my-learning" aria-labelledby="my-learning">
      <h2 id="my-learning">{t('learning.mine')}</h2>
      {error && <p role="alert" className="error">{t('library.loadFailed', { message: error })}</p>}
      {editions && editions.length === 0 && <p className="muted">{t('learning.noEditions')}</p>}
      {editions && editions.some((v) => v.mine?.status === 'ENROLLED') && (
        <p><a href="/api/learning/me/calendar.ics" download="vetnet-learning.ics" className="calendar-download">{t('learning.calendarFile')}</a>
          {' '}<span className="muted small">{t('learning.calendarFileHint')}</span></p>
      )}
      {editions && editions.length > 0 && (
        <ul className="learning-list my-editions">
          {editions.map((v) => (
            <li key={v.edition.id}>
              <LibraryLink href={editionUrl(v.edition.id)} navigate={navigate}>{v.programmeTitle}: {v.edition.title}</LibraryLink>
              {v.mine && <span className="badge" data-status={v.mine.status}>{t(STATUS[v.mine.status])}</span>}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('learning.record')}</h3>
      {transcript && transcript.programmes.length === 0 && <p className="muted">{t('learning.noRecord')}</p>}
      {transcript && transcript.programmes.length > 0 && (
        <p><a href="/api/learning/me/transcript.pdf" download="vetnet-record.pdf" className="record-download">{t('learning.recordPdf')}</a></p>
      )}
      {transcript?.programmes.map((p) => (
        <table key={p.programmeId} className="learning-record" data-programme={p.programmeId}>
          <caption>
            {p.title}{p.organisation ? ` (${p.organisation})` : ''}:{' '}
            {t('learning.earned', { earned: credits(p.ectsEarned, language), available: credits(p.ectsAvailable, language) })}
            {p.ectsRecognised > 0 && <> · {t('learning.recognisedCredits', { ects: credits(p.ectsRecognised, language) })}</>}
            {p.complete && <> · <strong>{t('learning.complete')}</strong></>}
          </caption>
          <thead>
            <tr><th scope="col">{t('learning.module')}</th><th scope="col">{t('learning.eqf')}</th><th scope="col">{t('learning.grade')}</th>
              <th scope="col">{t('learning.ects')}</th><th scope="col">{t('learning.kind')}</th></tr>
          </thead>
          <tbody>
            {p.modules.map((m) => (
              <tr key={m.moduleId}>
                <th scope="row">{m.title}</th><td>{m.eqfLevel}</td>
                <td>{m.passed ? m.grade || t('learning.passed') : t('learning.notPassed')}</td>
                <td>{credits(m.ectsCredits, language)}</td><td>{t(m.kind === 'RECOGNISED' ? 'learning.recognised' : 'learning.formal')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}

      <h3>{t('learning.credentials')}</h3>
      {held && held.length === 0 && <p className="muted">{t('learning.noCredentials')}</p>}
      <ul className="learning-list my-credentials">
        {held?.map((c) => {
          const content = credentialContent(c.jws);
          const label = content?.name ?? c.id;
          return (
            <li key={c.id} data-credential={c.id}>
              <strong>{label}</strong> <span className="muted small">{t('learning.issuedOn', { date: date(c.issuedAt) })}</span>
              {c.revokedAt && <span className="badge revoked">{t('learning.revoked', { reason: c.revokedReason ?? '' })}</span>}
              <div className="row">
                <a href={`data:application/vc+jwt;charset=utf-8,${encodeURIComponent(c.jws)}`} download={`vetnet-credential-${c.id}.jwt`}>
                  {t('learning.download', { name: label })}
                </a>
                <LibraryLink href={VERIFY_PATH} navigate={navigate}>{t('learning.checkIt')}</LibraryLink>
              </div>
              <label className="library-field">
                <span>{t('learning.credentialText', { name: label })}</span>
                <textarea readOnly rows={3} value={c.jws} className="credential-text" />
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

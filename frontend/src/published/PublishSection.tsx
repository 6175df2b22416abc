import { useEffect, useState } from 'react';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import { dossiersOf, type Dossier } from '../history/historyApi';
import { licences, publicationsOf, publish, publishedUrl, withdraw, type Licence, type Publication } from './publicationsApi';

/**
 * On a room's history page (docs/rooms.md, "Publishing"): what the room published, for everyone on its list; for
 * facilitators, publishing the board as of the moment shown or a session dossier, anonymised, under a licence they
 * choose, and withdrawing it.
 */
export function PublishSection({ roomId, at, facilitating, announce, dossiersSeen }: {
  roomId: string; at: string | null; facilitating: boolean; announce: (text: string) => void;
  /** Counts the times the page read the dossiers again (one assembled, one sent): the choice of what to publish follows. */
  dossiersSeen: number;
}) {
  const { t, language } = useI18n();
  const [published, setPublished] = useState<Publication[] | null>(null);
  const [dossiers, setDossiers] = useState<Dossier[]>([]);
  const [options, setOptions] = useState<Licence[]>([]);
  const [what, setWhat] = useState<string>('board');
  const [licence, setLicence] = useState('CC-BY-4.0');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useBusyAction();
  const load = () => publicationsOf(roomId).then(setPublished, (e) => setLoadError(errorMessage(e)));
  useEffect(() => {
    load();
    if (facilitating) licences().then(setOptions, (e) => setLoadError(errorMessage(e)));
  }, [roomId, facilitating]);
  // What is typed in the form stays while the dossiers are read again.
  useEffect(() => {
    if (facilitating) dossiersOf(roomId).then(setDossiers, () => setDossiers([]));
  }, [roomId, facilitating, dossiersSeen]);
  const when = (iso: string) => new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });

  const submit = () => run(() => publish(roomId, {
    ...(what === 'board' ? { what: 'board' as const, ...(at ? { at } : {}) } : { what: 'dossier' as const, version: Number(what) }),
    licence, ...(title.trim() ? { title: title.trim() } : {}), ...(summary.trim() ? { summary: summary.trim() } : {}),
  }), (p) => { load(); announce(t('publish.done', { title: p.title })); });

  return (
    <section className="library-panel publications" aria-labelledby="publications-heading">
      <h2 id="publications-heading">{t('publish.heading')}</h2>
      {loadError && <p role="alert" className="error">{t('library.loadFailed', { message: loadError })}</p>}
      {facilitating && (
        <form className="stack publish-form" aria-describedby="publish-explained" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <p id="publish-explained" className="muted">{t('publish.explained')}</p>
          <label htmlFor="publish-what">{t('publish.what')}</label>
          <select id="publish-what" value={what} onChange={(e) => setWhat(e.target.value)}>
            <option value="board">{at ? t('publish.boardAt', { time: when(at) }) : t('publish.boardNow')}</option>
            {dossiers.map((d) => <option key={d.version} value={String(d.version)}>{t('publish.dossier', { version: d.version })}</option>)}
          </select>
          <label htmlFor="publish-licence">{t('publish.licence')}</label>
          <select id="publish-licence" value={licence} onChange={(e) => setLicence(e.target.value)}>
            {options.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
          <label htmlFor="publish-title">{t('publish.title')}</label>
          <input id="publish-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          <label htmlFor="publish-summary">{t('publish.summary')}</label>
          <textarea id="publish-summary" value={summary} maxLength={2000} rows={3} onChange={(e) => setSummary(e.target.value)} />
          <p><button type="submit" className="primary publish-submit" disabled={busy || options.length === 0}>{t('publish.submit')}</button></p>
          {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
        </form>
      )}
      {published && published.length === 0 && <p className="muted">{t('publish.none')}</p>}
      {published && published.length > 0 && (
        <ul className="publication-list">
          {published.map((p) => (
            <li key={p.id} data-id={p.id} data-withdrawn={p.withdrawnAt ? 'true' : 'false'}>
              {p.withdrawnAt ? <span>{p.title}</span> : <a href={publishedUrl(p.id)}>{p.title}</a>}{' '}
              <span className="muted">{t('publish.item', { date: when(p.publishedAt), licence: p.licence.shortName })}</span>{' '}
              {p.withdrawnAt ? <span className="badge">{t('publish.withdrawn')}</span> : facilitating && (
                <button type="button" className="link publish-withdraw" disabled={busy}
                  onClick={() => run(() => withdraw(roomId, p.id), () => { load(); announce(t('publish.withdrawnNow', { title: p.title })); })}>
                  {t('publish.withdraw', { title: p.title })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

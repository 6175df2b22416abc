import { useEffect, useState } from 'react';
import { errorMessage } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import { latestPublications, publication, publicationFileUrl, publishedUrl, type PublicationView } from './publicationsApi';

/**
 * What rooms published (docs/rooms.md, "Publishing"), for anyone, without signing in: `/published` lists the newest,
 * `/published/{id}` shows one: the board, the document (a dossier's), its decisions, the licence and the files.
 */
export function PublicationPage({ id, navigate }: { id: string | null; navigate: (path: string) => void }) {
  return id ? <OnePublication id={id} /> : <LatestPublications navigate={navigate} />;
}

function OnePublication({ id }: { id: string }) {
  const { t, language } = useI18n();
  const [p, setP] = useState<PublicationView | null>(null);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    publication(id).then((found) => {
      setP(found);
      if (found.files.some((f) => f.name === 'notes.html')) {
        fetch(publicationFileUrl(id, 'notes.html')).then((r) => (r.ok ? r.text() : '')).then(setNotes, () => setNotes(''));
      }
    }, (e) => setError(errorMessage(e)));
  }, [id]);
  const date = (iso: string) => new Date(iso).toLocaleString(language, { dateStyle: 'long', timeStyle: 'short' });

  if (error) return <main id="main" className="publication-page"><p role="alert" className="error">{t('published.failed', { message: error })}</p></main>;
  if (!p) return <main id="main" className="publication-page"><p role="status">{t('app.loading')}</p></main>;
  return (
    <main id="main" className="publication-page">
      <article aria-labelledby="publication-title" data-id={p.id}>
        <p className="muted">{t(p.kind === 'BOARD' ? 'published.kindBoard' : 'published.kindDossier')}</p>
        <h1 id="publication-title">{p.title}</h1>
        {p.summary && <p className="publication-summary">{p.summary}</p>}
        <p className="publication-licence">
          {t('published.licence', { date: date(p.publishedAt), from: date(p.contentAt) })}{' '}
          <a rel="license" href={p.licence.url}>{p.licence.name}</a>
        </p>
        <p className="muted">{t('published.anonymised')}</p>
        <figure className="publication-board">
          <img src={publicationFileUrl(p.id, 'board.svg')} alt={t('published.board', { title: p.title })} />
          <figcaption>{t('published.board', { title: p.title })}</figcaption>
        </figure>
        {p.kind === 'DOSSIER' && <>
          <h2>{t('published.decisions')}</h2>
          {p.decisions.length === 0 ? <p className="muted">{t('published.noDecisions')}</p> : (
            <ul className="publication-decisions">
              {p.decisions.map((d, i) => <li key={i}>{d.text}{d.owner ? ` (${d.owner}${d.due ? `, ${d.due}` : ''})` : ''}</li>)}
            </ul>
          )}
          <h2>{t('published.document')}</h2>
          <iframe className="publication-notes" title={t('published.document')} sandbox="" srcDoc={notes} />
        </>}
        <h2>{t('published.files')}</h2>
        <ul className="publication-files">
          {p.files.map((f) => <li key={f.name}><a href={publicationFileUrl(p.id, f.name)} download>{f.name}</a></li>)}
        </ul>
      </article>
    </main>
  );
}

function LatestPublications({ navigate }: { navigate: (path: string) => void }) {
  const { t, language } = useI18n();
  const [all, setAll] = useState<PublicationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { latestPublications().then(setAll, (e) => setError(errorMessage(e))); }, []);
  const date = (iso: string) => new Date(iso).toLocaleDateString(language, { dateStyle: 'long' });
  return (
    <main id="main" className="publication-page">
      <h1>{t('published.heading')}</h1>
      <p className="muted">{t('published.intro')}</p>
      {error && <p role="alert" className="error">{t('published.failed', { message: error })}</p>}
      {all && all.length === 0 && <p>{t('published.empty')}</p>}
      {all && all.length > 0 && (
        <ul className="publication-index">
          {all.map((p) => (
            <li key={p.id}>
              <a href={publishedUrl(p.id)} onClick={(e) => { e.preventDefault(); navigate(publishedUrl(p.id)); }}>{p.title}</a>{' '}
              <span className="muted">{t('published.item', { kind: t(p.kind === 'BOARD' ? 'published.kindBoard' : 'published.kindDossier'),
                date: date(p.publishedAt), licence: p.licence.shortName })}</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

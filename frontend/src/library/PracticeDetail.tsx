import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Me } from '../app/api';
import { LoadingPanel } from '../forms/LoadingPanel';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { PracticeComments } from './PracticeComments';
import { getPractice, practicePublicPath, publishPractice, setEndorsement, type LibraryReference, type Practice } from './libraryApi';
import type { Announce } from './LibraryPage';
import { LibraryLink } from './LibraryLink';
import { editPracticeUrl } from './libraryRoute';
import { isWebAddress, TEXT_FIELDS } from './practiceForm';
import { PracticeMeta } from './PracticeMeta';

/**
 * One practice as the signed-in app sees it: its author edits it and publishes a draft under a licence of their
 * choice; anyone else endorses a published one (or withdraws the endorsement). Readers who are not signed in use
 * the public page, which the server renders.
 */
export function PracticeDetail({ id, me, reference, navigate, announce }: {
  id: string; me: Me; reference: LibraryReference | null; navigate: (p: string) => void; announce: Announce;
}) {
  const { t, language } = useI18n();
  const [practice, setPractice] = useState<Practice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const publicLink = useRef<HTMLAnchorElement>(null);
  // Publishing removes the form that had focus; the new public link takes it.
  const focusPublicLink = useRef(false);

  useEffect(() => {
    getPractice(id).then(setPractice, (e) => setError(e instanceof Error ? e.message : String(e)));
  }, [id]);
  useEffect(() => {
    if (focusPublicLink.current && publicLink.current) publicLink.current.focus();
    focusPublicLink.current = false;
  }, [practice?.status]);

  if (!practice) {
    return <LoadingPanel error={error} />;
  }

  const p = practice;
  const mine = p.mine;
  const published = p.status === 'PUBLISHED';
  const date = (iso: string) => new Date(iso).toLocaleDateString(language, { dateStyle: 'long' });
  const act = async (what: () => Promise<Practice>, done: (p: Practice) => string) => {
    setBusy(true);
    setError(null);
    try {
      const changed = await what();
      setPractice(changed);
      announce(done(changed));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="library-panel library-practice" aria-labelledby="practice-title">
      <h2 id="practice-title">
        {p.title || t('library.untitled')}{' '}
        <span className={`badge library-state library-state-${p.status.toLowerCase()}`}>{t(`library.status.${p.status}` as MessageKey)}</span>
        {p.demo && <> <span className="badge library-demo">{t('library.demo')}</span></>}
      </h2>
      <p className="muted small">
        {t('library.byline', { names: p.authors.map((a) => a.name).join(', ') || '—', version: p.version, date: date(p.updatedAt) })}
        {p.publishedAt && <> · {t('library.publishedOn', { date: date(p.publishedAt) })}</>}
      </p>
      {p.summary && <p className="library-summary">{p.summary}</p>}
      <PracticeMeta practice={p} reference={reference} />

      {error && <p role="alert" className="error">{t('library.actionFailed', { message: error })}</p>}
      <div className="row library-actions">
        {mine && <LibraryLink href={editPracticeUrl(p.id)} navigate={navigate} className="practice-edit">{t('library.edit')}</LibraryLink>}
        {!mine && published && (
          <button type="button" name="endorse" disabled={busy}
            onClick={() => act(() => setEndorsement(p.id, !p.endorsedByMe),
              (c) => t(c.endorsedByMe ? 'library.endorsed' : 'library.endorsementWithdrawn', { count: c.endorsements }))}>
            {p.endorsedByMe ? t('library.withdrawEndorsement') : t('library.endorse')}
          </button>
        )}
      </div>

      {published && (
        <p className="library-public">
          {t('library.publicPage')}:{' '}
          <a ref={publicLink} className="practice-public-link" href={practicePublicPath(p.slug)}>
            {location.origin}{practicePublicPath(p.slug)}</a>
        </p>
      )}
      {mine && !published && (
        <PublishForm reference={reference} busy={busy} onPublish={(licence) => {
          focusPublicLink.current = true;
          return act(() => publishPractice(p.id, licence), () => t('library.publishedNow'));
        }} />
      )}

      {TEXT_FIELDS.filter((f) => p[f]?.trim()).map((f) => (
        <section key={f} aria-labelledby={`practice-${f}`}>
          <h3 id={`practice-${f}`}>{t(`library.field.${f}` as MessageKey)}</h3>
          <p className="library-text">{p[f]}</p>
        </section>
      ))}
      {p.links.length > 0 && (
        <section aria-labelledby="practice-links">
          <h3 id="practice-links">{t('library.form.links')}</h3>
          <ul>
            {p.links.map((l, i) => (
              <li key={i}>{isWebAddress(l.url)
                ? <a href={l.url} rel="noopener noreferrer nofollow">{l.label || l.url}</a>
                : <>{l.label} ({l.url})</>}</li>
            ))}
          </ul>
        </section>
      )}
      {published && <PracticeComments practiceId={p.id} announce={announce} />}
    </article>
  );
}

/** The author picks the licence when publishing; there is no default, so nobody publishes under one by accident. */
function PublishForm({ reference, busy, onPublish }: {
  reference: LibraryReference | null; busy: boolean; onPublish: (licence: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [licence, setLicence] = useState('');
  const chosen = reference?.licences.find((l) => l.id === licence);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (licence) void onPublish(licence);
  };
  return (
    <form className="practice-publish stack" aria-labelledby="practice-publish" onSubmit={submit}>
      <h3 id="practice-publish">{t('library.publishHeading')}</h3>
      <p id="practice-licence-hint">{t('library.licenceExplained')}</p>
      <div className="library-field">
        <label htmlFor="practice-licence">{t('library.field.licence')}</label>
        <select id="practice-licence" name="licence" required value={licence} aria-describedby="practice-licence-hint"
          onChange={(e) => setLicence(e.target.value)}>
          <option value="">{t('library.chooseLicence')}</option>
          {(reference?.licences ?? []).map((l) => <option key={l.id} value={l.id}>{l.short} — {l.name}</option>)}
        </select>
        {chosen?.url && isWebAddress(chosen.url) && (
          <a href={chosen.url} rel="noopener noreferrer">{t('library.readLicence', { licence: chosen.short })}</a>
        )}
      </div>
      <div className="row">
        <button type="submit" name="publish" className="primary" disabled={busy}>{t('library.publish')}</button>
      </div>
    </form>
  );
}

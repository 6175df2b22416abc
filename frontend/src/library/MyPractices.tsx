import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { myPractices, practicePublicPath, type LibraryReference, type Practice } from './libraryApi';
import { LibraryLink } from './LibraryLink';
import { newPracticeUrl, practiceUrl } from './libraryRoute';
import { sectorName } from './reference';

/** The signed-in author's practices, drafts and published, newest change first. */
export function MyPractices({ reference, navigate }: { reference: LibraryReference | null; navigate: (p: string) => void }) {
  const { t, language } = useI18n();
  const [practices, setPractices] = useState<Practice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    myPractices().then(
      (list) => setPractices([...list].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))),
      (e) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  const date = (iso: string) => new Date(iso).toLocaleDateString(language, { dateStyle: 'medium' });

  return (
    <section className="library-panel" aria-labelledby="library-mine">
      <h2 id="library-mine">{t('library.nav.mine')}</h2>
      {error && <p role="alert" className="error">{t('library.loadFailed', { message: error })}</p>}
      {!practices && !error && <p className="muted">{t('app.loading')}</p>}
      {practices?.length === 0 && (
        <p>{t('library.noneYet')}{' '}
          <LibraryLink href={newPracticeUrl()} navigate={navigate}>{t('library.nav.new')}</LibraryLink></p>
      )}
      {practices && practices.length > 0 && (
        <ul className="library-mine">
          {practices.map((p) => (
            <li key={p.id} className="library-my-practice">
              <LibraryLink href={practiceUrl(p.id)} navigate={navigate}>{p.title || t('library.untitled')}</LibraryLink>
              <span className={`badge library-state library-state-${p.status.toLowerCase()}`}>{t(`library.status.${p.status}` as MessageKey)}</span>
              <span className="muted small">
                {[p.sector && sectorName(reference, p.sector, language), t('library.versionOn', { version: p.version, date: date(p.updatedAt) })]
                  .filter(Boolean).join(' · ')}
              </span>
              {p.status === 'PUBLISHED' && (
                <a href={practicePublicPath(p.slug)}>{t('library.publicPage')}<span className="sr-only">: {p.title}</span></a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

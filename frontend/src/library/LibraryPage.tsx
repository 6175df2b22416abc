import { PUBLISHED_PATH } from '../published/publicationsApi';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { signIn, type Me } from '../app/api';
import { useI18n } from '../i18n/i18n';
import { LIBRARY_FEED_PATH, libraryReference, type LibraryReference } from './libraryApi';
import { LibraryLink } from './LibraryLink';
import { libraryRoute, mineUrl, newPracticeUrl } from './libraryRoute';
import { LibrarySearch } from './LibrarySearch';
import { MyPractices } from './MyPractices';
import { PracticeDetail } from './PracticeDetail';
import { PracticeEditor } from './PracticeEditor';
import { LIBRARY_PATH } from './searchState';

/** Shows a message in the page's status region (save and publish outcomes), on the page named, else this one. */
export type Announce = (message: string, onPath?: string) => void;

/**
 * The best-practice library (/library and the views under it). The search is public: App shows this page signed
 * out, and `me` is then null (undefined while /api/me has not answered). Writing, publishing, endorsing and "my
 * practices" need the sign-in; their views offer it instead of sending the visitor away.
 */
export function LibraryPage({ me, path, navigate }: { me: Me | null | undefined; path: string; navigate: (p: string) => void }) {
  const { t } = useI18n();
  const [reference, setReference] = useState<LibraryReference | null>(null);
  const [referenceError, setReferenceError] = useState<string | null>(null);
  // Tied to the path it is meant for, so that a message set just before navigating shows on the page it was
  // set for and disappears once the person goes elsewhere.
  const [status, setStatus] = useState<{ message: string; path: string } | null>(null);
  const route = libraryRoute(path);

  useEffect(() => {
    libraryReference().then(setReference, (e) => setReferenceError(e instanceof Error ? e.message : String(e)));
  }, []);

  // Feed readers and browsers discover the feed from the document's head; the page also links it visibly.
  useEffect(() => {
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    link.href = LIBRARY_FEED_PATH;
    link.title = t('library.feed');
    document.head.appendChild(link);
    return () => link.remove();
  }, [t]);

  const announce = useCallback<Announce>((message, onPath) => {
    setStatus({ message, path: onPath ?? location.pathname + location.search });
  }, []);

  const signedIn = !!me;
  const view = route.view;
  let content: ReactNode;
  if (route.view === 'search') {
    content = <LibrarySearch search={route.search} reference={reference} signedIn={signedIn} navigate={navigate} />;
  } else if (!me) {
    content = me === undefined ? <p className="loading">{t('app.loading')}</p> : <SignInPrompt />;
  } else if (route.view === 'mine') {
    content = <MyPractices reference={reference} navigate={navigate} />;
  } else if (route.view === 'new') {
    content = <PracticeEditor key="new" reference={reference} navigate={navigate} announce={announce} />;
  } else if (route.view === 'edit') {
    content = <PracticeEditor key={`edit-${route.id}`} id={route.id} reference={reference} navigate={navigate} announce={announce} />;
  } else {
    content = <PracticeDetail key={route.id} id={route.id} me={me} reference={reference} navigate={navigate} announce={announce} />;
  }

  return (
    <main id="main" className="library">
      <h1>{t('library.heading')}</h1>
      <p className="muted">{t('library.intro')}</p>
      {signedIn ? (
        <nav className="library-nav" aria-label={t('library.navigation')}>
          <LibraryLink href={LIBRARY_PATH} navigate={navigate} current={view === 'search'}>{t('library.nav.search')}</LibraryLink>
          <LibraryLink href={mineUrl()} navigate={navigate} current={view === 'mine'}>{t('library.nav.mine')}</LibraryLink>
          <LibraryLink href={newPracticeUrl()} navigate={navigate} current={view === 'new'}>{t('library.nav.new')}</LibraryLink>
        </nav>
      ) : me === null && view === 'search' && (
        <p className="row">{t('library.signInToShare')}
          <button type="button" className="link" onClick={() => signIn()}>{t('library.signIn')}</button></p>
      )}
      {view === 'search' && <p><LibraryLink href={PUBLISHED_PATH} navigate={navigate} current={false}>{t('published.heading')}</LibraryLink></p>}
      {referenceError && <p role="alert" className="error">{t('library.referenceFailed', { message: referenceError })}</p>}
      <p role="status" className="library-status">{status && status.path === path ? status.message : ''}</p>
      {content}
    </main>
  );
}

function SignInPrompt() {
  const { t } = useI18n();
  return (
    <section className="library-panel" aria-labelledby="library-sign-in">
      <h2 id="library-sign-in">{t('library.signInHeading')}</h2>
      <p>{t('library.signInToShare')}</p>
      <button type="button" className="primary" onClick={() => signIn()}>{t('library.signIn')}</button>
    </section>
  );
}


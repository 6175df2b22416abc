import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { signIn, type Me } from '../app/api';
import type { CommunityReference } from '../community/communityApi';
import { useI18n } from '../i18n/i18n';
import { libraryReference } from '../library/libraryApi';
import type { Announce } from '../library/LibraryPage';
import { LibraryLink } from '../library/LibraryLink';
import { CommunityHomePage } from './CommunityHome';
import { CommunityList } from './CommunityList';
import { COMMUNITIES_PATH, communitiesRoute } from './communitiesRoute';
import { ThreadPage } from './ThreadPage';

/** Puts the page's own title (a community's name, a discussion's title) into the one h1 of the page. */
export type SetHeading = (text: string) => void;

/**
 * Communities of practice (/communities and the pages under it). The list and each community's home are public:
 * App shows them signed out, and `me` is then null (undefined while /api/me has not answered); joining and the
 * discussions need the sign-in, which those parts offer in place. One <main>, one h1, one status region for what
 * an action did, as in the library and the members' pages.
 */
export function CommunitiesPage({ me, path, navigate }: { me: Me | null | undefined; path: string; navigate: (p: string) => void }) {
  const { t } = useI18n();
  const [reference, setReference] = useState<CommunityReference | null>(null);
  const [referenceError, setReferenceError] = useState<string | null>(null);
  // Tied to the page it is meant for, as in the library: a message set just before navigating shows there.
  const [status, setStatus] = useState<{ message: string; path: string } | null>(null);
  // Tied to the address without its query: filtering a community's discussions keeps its name as the heading.
  const [heading, setHeadingState] = useState<{ text: string; pathname: string } | null>(null);
  const route = communitiesRoute(path);
  const pathname = path.split(/[?#]/)[0];

  useEffect(() => {
    libraryReference().then((r) => setReference(r as CommunityReference), (e) => setReferenceError(e instanceof Error ? e.message : String(e)));
  }, []);

  const announce = useCallback<Announce>((message, onPath) => {
    setStatus({ message, path: onPath ?? location.pathname + location.search });
  }, []);
  const setHeading = useCallback<SetHeading>((text) => setHeadingState({ text, pathname: location.pathname }), []);

  let content: ReactNode;
  if (!route) {
    content = (
      <>
        <p role="alert" className="error">{t('community.notFound')}</p>
        <p><LibraryLink href={COMMUNITIES_PATH} navigate={navigate}>{t('communities.all')}</LibraryLink></p>
      </>
    );
  } else if (me === undefined) {
    content = <p className="loading">{t('app.loading')}</p>;
  } else if (route.view === 'list') {
    content = <CommunityList me={me} reference={reference} navigate={navigate} announce={announce} />;
  } else if (route.view === 'home') {
    content = (
      <CommunityHomePage key={route.slug} slug={route.slug} language={route.language} me={me} reference={reference}
        navigate={navigate} announce={announce} setHeading={setHeading} />
    );
  } else if (!me) {
    content = <SignInPrompt />;
  } else {
    content = <ThreadPage key={route.id} slug={route.slug} id={route.id} navigate={navigate} announce={announce} setHeading={setHeading} />;
  }

  const fallback = route?.view === 'thread' ? t('discussion.heading') : t('communities.heading');
  return (
    <main id="main" className="library community communities">
      <h1>{heading && heading.pathname === pathname ? heading.text : fallback}</h1>
      {referenceError && <p role="alert" className="error">{t('library.referenceFailed', { message: referenceError })}</p>}
      <p role="status" className="library-status">{status && status.path === path ? status.message : ''}</p>
      {content}
    </main>
  );
}

export function SignInPrompt({ text }: { text?: string }) {
  const { t } = useI18n();
  return (
    <section className="library-panel" aria-labelledby="communities-sign-in">
      <h2 id="communities-sign-in">{t('library.signInHeading')}</h2>
      <p>{text ?? t('discussion.signInToRead')}</p>
      <button type="button" className="primary" onClick={() => signIn()}>{t('library.signIn')}</button>
    </section>
  );
}

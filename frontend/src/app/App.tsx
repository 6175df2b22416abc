import { useCallback, useEffect, useMemo, useState } from 'react';
import { AdminArea } from '../admin/AdminArea';
import { TrackingPage } from '../followup/TrackingPage';
import { PublicationPage } from '../published/PublicationPage';
import { isPublishedPath, publishedIdOf } from '../published/publicationsApi';
import { Lobby } from '../lobby/Lobby';
import { CommunitiesPage } from '../communities/CommunitiesPage';
import { COMMUNITIES_PATH, isCommunitiesPath } from '../communities/communitiesRoute';
import { CommunityPage } from '../community/CommunityPage';
import {
  COUNSELLING_PATH, inSection, isCommunityPath, NOTIFICATIONS_PATH, ORGANISATIONS_PATH, PEOPLE_PATH, PROFILE_PATH,
} from '../community/communityRoute';
import { notificationSentence } from '../community/notifications';
import { useUnreadNotifications } from '../community/useUnreadNotifications';
import { LearningPage } from '../learning/LearningPage';
import { HistoryPage } from '../history/HistoryPage';
import { isLearningPath, isVerifyPath, LEARNING_PATH } from '../learning/learningRoute';
import { isLibraryPath } from '../library/libraryRoute';
import { LibraryPage } from '../library/LibraryPage';
import { Room } from '../room/Room';
import { I18nContext, LANGUAGE_NAMES, LANGUAGES, pickLanguage, translator, type Language } from '../i18n/i18n';
import { fetchMe, signIn, signOut, type Me } from './api';

/**
 * The members' pages in the top bar (signed in): learning (programmes), peer counselling, the people directory, the organisations, my
 * notifications, my profile.
 */
const MEMBER_LINKS = [
  [LEARNING_PATH, 'learning.nav'],
  [COUNSELLING_PATH, 'community.nav.counselling'],
  [PEOPLE_PATH, 'community.nav.people'],
  [ORGANISATIONS_PATH, 'organisations.nav'],
  [NOTIFICATIONS_PATH, 'notifications.link'],
  [PROFILE_PATH, 'community.nav.profile'],
] as const;

function usePath(): [string, (p: string) => void] {
  const [path, setPath] = useState(location.pathname + location.search);
  useEffect(() => {
    const h = () => setPath(location.pathname + location.search);
    window.addEventListener('popstate', h);
    return () => window.removeEventListener('popstate', h);
  }, []);
  const navigate = useCallback((p: string) => {
    history.pushState(null, '', p);
    setPath(p);
  }, []);
  return [path, navigate];
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  /** A room found the sign-in ended and /api/me confirmed it: the header says so instead of naming the user. */
  const [signedOut, setSignedOut] = useState(false);
  const [language, setLanguageState] = useState<Language>(() => pickLanguage(localStorage.getItem('vetnet.language'), navigator.language));
  const [path, navigate] = usePath();

  // A published proposal's page is public: nobody is sent to sign in for it (docs/dialogue.md, "Follow-up").
  // So is the best-practice library's search; its views for authors offer the sign-in themselves. So are the
  // communities' list and homes; joining and the discussions offer the sign-in in place.
  const trackingPage = /^\/track\/[^/?#]+/.test(path);
  const libraryPage = isLibraryPath(path);
  const communitiesPage = isCommunitiesPath(path);
  // Checking a credential is for anyone who holds one (docs/learning.md, "Verifying").
  const verifyPage = isVerifyPath(path);
  // What rooms published is public too (docs/rooms.md, "Publishing").
  const publishedPage = isPublishedPath(path);
  const publicPage = trackingPage || libraryPage || communitiesPage || verifyPage || publishedPage;
  useEffect(() => {
    fetchMe().then((m) => {
      if (!m) {
        if (publicPage) setMe(null);
        else signIn();
        return;
      }
      setMe(m);
      if (!localStorage.getItem('vetnet.language')) setLanguageState(pickLanguage(m.preferredLanguage, m.language, navigator.language));
      // Read once: left behind (signed in on the page it named), it would send a later visit of a room's link
      // back to that page.
      const back = sessionStorage.getItem('vetnet.returnTo');
      sessionStorage.removeItem('vetnet.returnTo');
      if (back && back !== location.pathname + location.search) navigate(back);
    }, (e) => setError(e instanceof Error ? e.message : String(e)));
  }, [navigate]);

  // Signed out on a public page, then on to one that needs the sign-in (the brand link from the library): the
  // answer of /api/me is already known, so the sign-in starts here instead of "Signing you in…" staying forever.
  useEffect(() => {
    if (me === null && !publicPage) signIn();
  }, [me, publicPage]);

  // The room's own question to /api/me answered 401; ask again for the header (the user may have signed in again
  // in another tab meanwhile). The room stays on screen either way, with its "sign in again" button.
  const sessionEnded = useCallback(() => {
    fetchMe().then((m) => {
      if (m) setMe(m);
      setSignedOut(!m);
    }, () => setSignedOut(true));
  }, []);

  const i18n = useMemo(() => ({
    language,
    t: translator(language),
    setLanguage: (l: Language) => {
      localStorage.setItem('vetnet.language', l);
      setLanguageState(l);
    },
  }), [language]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const { t } = i18n;
  const roomMatch = path.match(/^\/rooms\/([^/?#]+)/);
  const historyMatch = path.match(/^\/rooms\/([^/?#]+)\/history\/?(?:[?#]|$)/);
  const { unread, latest } = useUnreadNotifications(!!me && !signedOut, inSection(path, NOTIFICATIONS_PATH));
  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#main">{t('app.skipToContent')}</a>
      <nav className="topbar" aria-label={t('app.title')}>
        <a href="/" className="brand" onClick={(e) => { e.preventDefault(); navigate('/'); }}>VET-NET</a>
        <span className="grow" />
        <span className="topbar-links">
          <a href="/library" aria-current={libraryPage ? 'page' : undefined}
            onClick={(e) => { e.preventDefault(); navigate('/library'); }}>{t('library.link')}</a>
          <a href={COMMUNITIES_PATH} aria-current={communitiesPage ? 'page' : undefined}
            onClick={(e) => { e.preventDefault(); navigate(COMMUNITIES_PATH); }}>{t('communities.link')}</a>
          {me && MEMBER_LINKS.map(([href, key]) => {
            const count = href === NOTIFICATIONS_PATH ? unread : 0;
            return (
              <a key={href} href={href} aria-current={inSection(path, href) ? 'page' : undefined} data-unread={href === NOTIFICATIONS_PATH ? count : undefined}
                onClick={(e) => { e.preventDefault(); navigate(href); }}>
                {t(key)}
                {count > 0 && <><span className="badge unread-count" aria-hidden="true">{count}</span>
                  <span className="sr-only">{t('notifications.newCount', { count })}</span></>}
              </a>
            );
          })}
        </span>
        {/* Each notification heard live, said once to screen readers (the list holds them all). */}
        {me && <span className="sr-only live-announcement" role="status">{latest ? t('notifications.announce', { text: notificationSentence(latest, t).text }) : ''}</span>}
        {me?.roles.includes('admin') && (
          <a href="/admin" aria-current={path.startsWith('/admin') ? 'page' : undefined}
            onClick={(e) => { e.preventDefault(); navigate('/admin'); }}>{t('app.admin')}</a>
        )}
        <label className="lang">
          <span className="sr-only">{t('app.language')}</span>
          <select value={language} aria-label={t('app.language')} onChange={(e) => i18n.setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => <option key={l} value={l}>{LANGUAGE_NAMES[l]}</option>)}
          </select>
        </label>
        {me && signedOut && <span className="who signed-out">{t('app.signedOut')}</span>}
        {me && signedOut && <button type="button" className="link" onClick={() => signIn()}>{t('session.signInAgain')}</button>}
        {me && !signedOut && <span className="who">{me.displayName || me.username}</span>}
        {me && !signedOut && <button type="button" className="link" onClick={() => signOut()}>{t('app.signOut')}</button>}
      </nav>
      {trackingPage ? <TrackingPage id={decodeURIComponent(path.split('/')[2].split('?')[0])} />
        : libraryPage ? <LibraryPage me={error ? null : me} path={path} navigate={navigate} />
        : communitiesPage ? <CommunitiesPage me={error ? null : me} path={path} navigate={navigate} />
        : verifyPage ? <LearningPage me={error ? null : me ?? null} path={path} navigate={navigate} />
        : publishedPage ? <PublicationPage key={path} id={publishedIdOf(path)} navigate={navigate} />
        : error ? <p role="alert" className="error">{t('app.error', { message: error })}</p>
        : me === undefined ? <p className="loading">{t('app.signingIn')}</p>
        : me === null ? <p className="loading">{t('app.signingIn')}</p>
        : historyMatch ? <HistoryPage key={`h${historyMatch[1]}`} roomId={decodeURIComponent(historyMatch[1])} navigate={navigate} />
        : roomMatch ? <Room key={roomMatch[1]} me={me} roomId={decodeURIComponent(roomMatch[1])} navigate={navigate} onSessionEnded={sessionEnded} />
        : /^\/admin\/?$/.test(path.split('?')[0]) ? <AdminArea me={me} navigate={navigate} />
        : isCommunityPath(path) ? <CommunityPage me={me} path={path} navigate={navigate} />
        : isLearningPath(path) ? <LearningPage me={me} path={path} navigate={navigate} />
        : <Lobby me={me} navigate={navigate} />}
    </I18nContext.Provider>
  );
}

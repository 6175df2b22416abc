import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Me } from '../app/api';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { libraryReference } from '../library/libraryApi';
import type { Announce } from '../library/LibraryPage';
import { CaseDetail } from './CaseDetail';
import type { CommunityReference } from './communityApi';
import { communityRoute } from './communityRoute';
import { CounsellingHome } from './CounsellingHome';
import { NotificationsPage } from './NotificationsPage';
import { OrganisationPage } from './OrganisationPage';
import { OrganisationsPage } from './OrganisationsPage';
import { PeoplePage } from './PeoplePage';
import { ProfilePage } from './ProfilePage';

const HEADINGS: Record<string, MessageKey> = {
  profile: 'profile.heading',
  people: 'community.peopleHeading',
  organisations: 'organisations.heading',
  organisation: 'organisations.oneHeading',
  counselling: 'counselling.heading',
  case: 'counselling.heading',
  notifications: 'notifications.heading',
};

/**
 * The members' pages (signed in only; App shows them once /api/me named someone): my profile, the people
 * directory, the organisations and one organisation, peer counselling, one case and my notifications. They share
 * the reference data (sectors, countries, regions) with the library, and a status region for what a save or an
 * answer did. A page may name itself in the heading (an organisation's name), for its own address only.
 */
export function CommunityPage({ me, path, navigate }: { me: Me; path: string; navigate: (p: string) => void }) {
  const { t } = useI18n();
  const [reference, setReference] = useState<CommunityReference | null>(null);
  const [referenceError, setReferenceError] = useState<string | null>(null);
  // Tied to the page it is meant for, as in the library: a message set just before navigating shows there.
  const [status, setStatus] = useState<{ message: string; path: string } | null>(null);
  const [heading, setHeadingState] = useState<{ text: string; pathname: string } | null>(null);
  const route = communityRoute(path);
  const pathname = path.split(/[?#]/)[0];

  useEffect(() => {
    libraryReference().then((r) => setReference(r as CommunityReference), (e) => setReferenceError(e instanceof Error ? e.message : String(e)));
  }, []);

  const announce = useCallback<Announce>((message, onPath) => {
    setStatus({ message, path: onPath ?? location.pathname + location.search });
  }, []);
  const setHeading = useCallback((text: string) => setHeadingState({ text, pathname: location.pathname }), []);

  let content: ReactNode;
  if (!route) content = <p role="alert" className="error">{t('community.notFound')}</p>;
  else if (route.view === 'profile') content = <ProfilePage reference={reference} announce={announce} />;
  else if (route.view === 'people') content = <PeoplePage search={route.search} reference={reference} navigate={navigate} />;
  else if (route.view === 'organisations') content = <OrganisationsPage search={route.search} reference={reference} navigate={navigate} />;
  else if (route.view === 'organisation') {
    content = <OrganisationPage key={route.id} id={route.id} me={me} reference={reference} navigate={navigate} announce={announce} setHeading={setHeading} />;
  } else if (route.view === 'notifications') content = <NotificationsPage navigate={navigate} />;
  else if (route.view === 'counselling') content = <CounsellingHome reference={reference} navigate={navigate} announce={announce} />;
  else content = <CaseDetail key={route.id} id={route.id} me={me} reference={reference} navigate={navigate} announce={announce} />;

  return (
    <main id="main" className="library community">
      <h1>{heading && heading.pathname === pathname ? heading.text : t(route ? HEADINGS[route.view] : 'community.heading')}</h1>
      {referenceError && <p role="alert" className="error">{t('library.referenceFailed', { message: referenceError })}</p>}
      <p role="status" className="library-status">{status && status.path === path ? status.message : ''}</p>
      {content}
    </main>
  );
}

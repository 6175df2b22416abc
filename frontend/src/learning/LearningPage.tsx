import { useCallback, useState, type ReactNode } from 'react';
import type { Me } from '../app/api';
import { useI18n, type MessageKey } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { EditionPage } from './EditionPage';
import { LearningHome } from './LearningHome';
import { learningRoute } from './learningRoute';
import { ProgrammePage } from './ProgrammePage';
import { VerifyPage } from './VerifyPage';

const HEADINGS: Record<string, MessageKey> = {
  home: 'learning.heading',
  programme: 'learning.programme.heading',
  edition: 'learning.edition.heading',
  verify: 'verify.heading',
};

/**
 * The learning pages (docs/learning.md): programmes and my learning, one programme, one edition (signed in), and the
 * public page where anyone checks a credential. A status region says what a change did; a page may name itself in
 * the heading (a programme's title), for its own address only.
 */
export function LearningPage({ me, path, navigate }: { me: Me | null; path: string; navigate: (p: string) => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<{ message: string; path: string } | null>(null);
  const [heading, setHeadingState] = useState<{ text: string; pathname: string } | null>(null);
  const route = learningRoute(path);
  const pathname = path.split(/[?#]/)[0];

  const announce = useCallback<Announce>((message, onPath) => {
    setStatus({ message, path: onPath ?? location.pathname + location.search });
  }, []);
  const setHeading = useCallback((text: string) => setHeadingState({ text, pathname: location.pathname }), []);

  let content: ReactNode;
  if (!route) content = <p role="alert" className="error">{t('learning.notFound')}</p>;
  else if (route.view === 'verify') content = <VerifyPage />;
  else if (!me) content = <p className="loading">{t('app.signingIn')}</p>;
  else if (route.view === 'home') content = <LearningHome me={me} navigate={navigate} announce={announce} />;
  else if (route.view === 'programme') {
    content = <ProgrammePage key={route.id} id={route.id} me={me} navigate={navigate} announce={announce} setHeading={setHeading} />;
  } else content = <EditionPage key={route.id} id={route.id} navigate={navigate} announce={announce} setHeading={setHeading} />;

  return (
    <main id="main" className="library community learning">
      <h1>{heading && heading.pathname === pathname ? heading.text : t(route ? HEADINGS[route.view] : 'learning.heading')}</h1>
      <p role="status" className="library-status">{status && status.path === path ? status.message : ''}</p>
      {content}
    </main>
  );
}

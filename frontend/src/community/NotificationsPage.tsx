import { useEffect, useState } from 'react';
import { live } from '../app/live';
import { useI18n } from '../i18n/i18n';
import { LibraryLink } from '../library/LibraryLink';
import { myNotifications, type Notification } from './communityApi';
import { PROFILE_PATH } from './communityRoute';
import { liveNotification, newestFirst, notificationHref, notificationKindKey, notificationSentence, withNotification } from './notifications';

/**
 * My notifications, newest first: invitations to counsel, answers to mine, replies to my discussions, requests to
 * join a community I moderate. Read when the page opens; what arrives while it is open comes in over the live channel
 * (app/live.ts) at the top. Each sentence is said in the viewer's language from what the server sent (who, what);
 * one the app cannot say (an older notification) is shown in the server's English, marked so for screen readers.
 */
export function NotificationsPage({ navigate }: { navigate: (p: string) => void }) {
  const { t, language } = useI18n();
  const [list, setList] = useState<Notification[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    myNotifications().then((l) => { if (current) setList(newestFirst(l)); },
      (e) => { if (current) setError(e instanceof Error ? e.message : String(e)); });
    const off = live.on('notification', (data) => {
      const n = liveNotification(data);
      if (n && current) setList((l) => (l ? withNotification(l, n) : l));
    });
    return () => { current = false; off(); };
  }, []);

  const intro = (
    <p className="muted">
      {t('notifications.intro')}{' '}
      <LibraryLink href={PROFILE_PATH} navigate={navigate}>{t('notifications.emailSettings')}</LibraryLink>
    </p>
  );
  if (error) return <>{intro}<p role="alert" className="error">{t('notifications.loadFailed', { message: error })}</p></>;
  if (!list) return <>{intro}<p className="muted">{t('app.loading')}</p></>;
  if (list.length === 0) return <>{intro}<p className="notifications-empty library-panel">{t('notifications.none')}</p></>;

  return (
    <>
      {intro}
      <ul className="notifications library-panel" aria-label={t('notifications.heading')}>
        {list.map((n) => {
          const href = notificationHref(n.link);
          const when = new Date(n.at);
          const sentence = notificationSentence(n, t);
          const text = sentence.english ? <span lang="en">{sentence.text}</span> : <span>{sentence.text}</span>;
          return (
            <li key={n.id} className="notification" data-kind={n.kind}>
              <span className={`badge notification-kind notification-kind-${String(n.kind).toLowerCase()}`}>{t(notificationKindKey(n.kind))}</span>
              <span className="notification-text">
                {href ? <LibraryLink href={href} navigate={navigate} className="notification-link">{text}</LibraryLink> : text}
              </span>
              {!Number.isNaN(when.getTime()) && (
                <time className="muted small" dateTime={n.at}>
                  {when.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' })}</time>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

import { useEffect, useState } from 'react';
import { myNotifications, myProposals, type AppNotification, type Proposal } from '../app/api';
import { useI18n, type MessageKey } from '../i18n/i18n';

/**
 * On the lobby: what I was told (a proposal made, an answer given, by the follow-up: docs/dialogue.md) and the
 * proposals addressed to me, each leading to its room, where it is answered.
 */
export function FollowUpInbox({ navigate }: { navigate: (path: string) => void }) {
  const { t, language } = useI18n();
  const [notes, setNotes] = useState<AppNotification[]>([]);
  const [toMe, setToMe] = useState<Proposal[]>([]);
  useEffect(() => {
    myNotifications().then(setNotes, () => {});
    myProposals().then(setToMe, () => {});
  }, []);
  if (notes.length === 0 && toMe.length === 0) return null;
  const go = (link: string) => (e: React.MouseEvent) => { e.preventDefault(); navigate(link); };

  return (
    <section aria-labelledby="inbox-heading" className="inbox">
      <h2 id="inbox-heading">{t('followup.inbox')}</h2>
      {toMe.length > 0 && (
        <>
          <h3>{t('followup.toMe')}</h3>
          <ul>{toMe.map((p) => (
            <li key={p.id}><a href={`/rooms/${p.room}`} onClick={go(`/rooms/${p.room}`)}>{p.title}</a>{' '}
              <span className="badge">{t(`followup.status.${p.status}` as MessageKey)}</span> <span className="muted">{p.roomTitle}</span></li>
          ))}</ul>
        </>
      )}
      {notes.length > 0 && (
        <ul className="notifications">{notes.map((n) => (
          <li key={n.id}><a href={n.link} onClick={go(n.link)}>{n.text}</a>{' '}
            <span className="muted">{new Date(n.at).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' })}</span></li>
        ))}</ul>
      )}
    </section>
  );
}

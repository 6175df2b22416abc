import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import type { Peer } from '../sync/peers';

const ACTIVE_MS = 60_000;

/** Everyone connected to the room (one entry per person, even with several tabs), their role, and who is active. */
export function PeoplePanel({ peers }: { peers: Peer[] }) {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(h);
  }, []);
  const byUser = new Map<string, Peer>();
  for (const p of peers) {
    const seen = byUser.get(p.userId);
    if (!seen || p.activeAt > seen.activeAt || p.local) byUser.set(p.userId, { ...p, activeAt: Math.max(p.activeAt, seen?.activeAt ?? 0) });
  }
  const people = [...byUser.values()].sort((a, b) => Number(b.local) - Number(a.local) || a.name.localeCompare(b.name));
  return (
    <section className="people" aria-labelledby="people-heading">
      <h2 id="people-heading">{t('people.heading')}</h2>
      {people.length <= 1 && <p className="muted">{t('people.none')}</p>}
      <ul>
        {people.map((p) => {
          const active = p.local || now - p.activeAt < ACTIVE_MS;
          return (
            <li key={p.userId} className="person">
              <span className="avatar" style={{ background: p.color }} aria-hidden="true">{p.name.slice(0, 1).toUpperCase()}</span>
              <span className="name">{p.name} {p.local && <span className="muted">{t('people.you')}</span>}</span>
              <span className="role">{p.role ? t(`role.${p.role}` as MessageKey) : ''}</span>
              <span className={`activity ${active ? 'on' : 'off'}`}>{t(active ? 'people.active' : 'people.idle')}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { roleKey } from '../access/accessList';
import { createRoom, listRooms, roleIn, type Me, type RoomKind, type RoomRecord } from '../app/api';
import { usePresence } from '../app/presence';
import { FollowUpInbox } from '../followup/FollowUpInbox';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { arrangeRooms, retryDelayMs, ROOM_SORTS, type RoomSort } from './roomList';
import { TEMPLATES, type TemplateId } from './templates';

const KINDS: RoomKind[] = ['WORKSHOP', 'COURSE_SESSION', 'DIALOGUE_SESSION', 'PEER_COUNSELLING'];
/** What any member may open: a peer counselling room, which they then facilitate. */
const MEMBER_KINDS: RoomKind[] = ['PEER_COUNSELLING'];
const names = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** Accepts a full room link (…/rooms/{id}) or a bare id. */
export function roomIdFromLink(input: string): string | null {
  const s = input.trim();
  const m = s.match(/\/rooms\/([^/?#\s]+)/);
  if (m) return decodeURIComponent(m[1]);
  return /^[A-Za-z0-9._-]+$/.test(s) ? s : null;
}

export function Lobby({ me, navigate }: { me: Me; navigate: (path: string) => void }) {
  const { t, language } = useI18n();
  const [rooms, setRooms] = useState<RoomRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<{ message: string; retryIn: number } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<RoomSort>('newest');
  const [linkError, setLinkError] = useState(false);
  const presence = usePresence();
  const [title, setTitle] = useState('');
  const canCreate = me.roles.includes('facilitator') || me.roles.includes('admin');
  const kinds = canCreate ? KINDS : MEMBER_KINDS;
  const [kind, setKind] = useState<RoomKind>(kinds[0]);
  const [template, setTemplate] = useState<TemplateId>(canCreate ? TEMPLATES[0] : 'peerCounselling');
  const [participants, setParticipants] = useState('');
  const [observers, setObservers] = useState('');
  const [link, setLink] = useState('');

  // A failed load says why, offers Retry, and retries by itself (2, 4, 8, 16, then every 30 s).
  const load = useCallback(() => {
    listRooms().then((list) => { setRooms(list); setLoadError(null); setAttempt(0); },
      (e) => setLoadError({ message: String(e?.message ?? e), retryIn: retryDelayMs(attempt) }));
  }, [attempt]);
  useEffect(() => { load(); }, [load]);
  useEffect(() => {
    if (!loadError) return undefined;
    const timer = setTimeout(() => setAttempt((a) => a + 1), loadError.retryIn);
    return () => clearTimeout(timer);
  }, [loadError]);

  const shown = arrangeRooms(rooms ?? [], query, sort);
  // "My rooms": every room I have a role in (invited as participant or observer too), not only the ones I run.
  const mine = shown.filter((r) => roleIn(r) !== null);
  const others = shown.filter((r) => roleIn(r) === null);
  const date = (iso?: string) => (iso ? new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' }) : '');

  const roomList = (list: RoomRecord[]) => list.length === 0
    ? <p className="muted">{query.trim() ? t('lobby.noMatch', { query: query.trim() }) : t('lobby.noRooms')}</p> : (
    <ul className="rooms">
      {list.map((r) => {
        const role = roleIn(r);
        return (
          <li key={r.id} className="room-card">
            <a href={`/rooms/${r.id}`} onClick={(e) => { e.preventDefault(); navigate(`/rooms/${r.id}`); }}>
              <strong>{r.title}</strong>
            </a>
            <span className="muted"> · {t(`kind.${r.kind}` as MessageKey)}{role ? ` · ${t('lobby.role', { role: t(roleKey(role, r)) })}` : ''}
              {r.createdAt ? <> · <time dateTime={r.createdAt}>{date(r.createdAt)}</time></> : null}
              {r.ownerName ? ` · ${t('lobby.by', { name: r.ownerName })}` : ''}
              {r.template && r.template !== 'blank' && (TEMPLATES as readonly string[]).includes(r.template)
                ? ` · ${t('lobby.fromTemplate', { template: t(`template.${r.template}` as MessageKey) })}` : ''}</span>
            <span className="presence" aria-live="polite">
              {presence ? t('lobby.present', { count: presence[r.id] ?? 0 }) : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );

  return (
    <main id="main" className="lobby">
      <h1>{t('lobby.heading')}</h1>
      <p>{t('lobby.welcome', { name: me.displayName || me.username, organisation: me.organisation ?? '—' })}</p>
      {error && <p role="alert" className="error">{t('app.error', { message: error })}</p>}
      <FollowUpInbox navigate={navigate} />
      {loadError && (
        <div role="alert" className="error load-error">
          <p>{t('lobby.loadFailed', { message: loadError.message, seconds: Math.round(loadError.retryIn / 1000) })}</p>
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>{t('lobby.retry')}</button>
        </div>
      )}
      {!presence && rooms && <p className="muted small">{t('lobby.presenceUnavailable')}</p>}
      <div className="lobby-grid">
        <section aria-labelledby="my-rooms">
          <div className="row lobby-filter" role="search">
            <label className="grow">{t('lobby.search')}
              <input type="search" name="search" value={query} onChange={(e) => setQuery(e.target.value)} /></label>
            <label>{t('lobby.sort')}
              <select name="sort" value={sort} onChange={(e) => setSort(e.target.value as RoomSort)}>
                {ROOM_SORTS.map((k) => <option key={k} value={k}>{t(`lobby.sort.${k}` as MessageKey)}</option>)}
              </select>
            </label>
          </div>
          <h2 id="my-rooms">{t('lobby.myRooms')}</h2>
          {rooms ? roomList(mine) : !loadError && <p>{t('app.loading')}</p>}
          <h2>{t('lobby.otherRooms')}</h2>
          {rooms ? roomList(others) : !loadError && <p>{t('app.loading')}</p>}
        </section>
        <div>
          <section aria-labelledby="join">
            <h2 id="join">{t('lobby.joinByLink')}</h2>
            <form className="row" onSubmit={(e) => {
              e.preventDefault();
              const id = roomIdFromLink(link);
              setLinkError(!id);
              if (id) navigate(`/rooms/${id}`);
            }}>
              <label className="grow"><span className="sr-only">{t('lobby.joinPlaceholder')}</span>
                <input name="link" value={link} placeholder={t('lobby.joinPlaceholder')} aria-invalid={linkError}
                  aria-describedby={linkError ? 'link-error' : undefined}
                  onChange={(e) => { setLink(e.target.value); setLinkError(false); }} /></label>
              <button type="submit">{t('lobby.join')}</button>
            </form>
            {linkError && <p id="link-error" role="alert" className="error">{t('lobby.notALink')}</p>}
          </section>
          <section aria-labelledby="create">
            <h2 id="create">{t('lobby.create')}</h2>
            {!canCreate && <p className="muted">{t('counselling.lobbyMembers')}</p>}
            <form className="stack" onSubmit={async (e) => {
              e.preventDefault();
              if (!title.trim()) return;
              try {
                const room = await createRoom({ title: title.trim(), kind, template, access: { participants: names(participants), observers: names(observers), facilitators: [] } });
                navigate(`/rooms/${room.id}?template=${template}`);
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err));
              }
            }}>
              <label>{t('lobby.title')}<input name="title" required value={title} onChange={(e) => setTitle(e.target.value)} /></label>
              <label>{t('lobby.kind')}
                <select name="kind" aria-describedby="kind-help" value={kind} onChange={(e) => {
                  const next = e.target.value as RoomKind;
                  setKind(next);
                  if (next === 'PEER_COUNSELLING') setTemplate('peerCounselling');
                }}>
                  {kinds.map((k) => <option key={k} value={k}>{t(`kind.${k}` as MessageKey)}</option>)}
                </select>
              </label>
              <p className="muted small" id="kind-help">{t(`kind.${kind}.help` as MessageKey)}</p>
              <label>{t('lobby.template')}
                <select name="template" value={template} onChange={(e) => setTemplate(e.target.value as TemplateId)}>
                  {TEMPLATES.map((k) => <option key={k} value={k}>{t(`template.${k}` as MessageKey)}</option>)}
                </select>
              </label>
              <label>{t('lobby.participants')}<input name="participants" value={participants} onChange={(e) => setParticipants(e.target.value)} /></label>
              <label>{t('lobby.observers')}<input name="observers" value={observers} onChange={(e) => setObservers(e.target.value)} /></label>
              <button type="submit" className="primary">{t('lobby.createButton')}</button>
            </form>
          </section>
        </div>
      </div>
    </main>
  );
}

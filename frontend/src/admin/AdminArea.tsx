import { useCallback, useEffect, useState } from 'react';
import {
  adminCreateUser, adminDirectory, adminSetOrganisation, adminSetRole, adminUsers, archiveRoom, listRooms,
  PLATFORM_ROLES, type ManagedUser, type Me, type PlatformRole, type RoomRecord,
} from '../app/api';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { filterRooms, filterUsers, organisations } from './adminLists';

/**
 * The admin area (`/admin`, role admin; docs/frontend.md, "Admin area"): users with their roles and organisation,
 * the organisations, and every room (search, archive). Everything goes through the existing admin and rooms APIs,
 * whose servers check the role again; with the built-in issuer the users can be read, not changed, and the page
 * says why.
 */
export function AdminArea({ me, navigate }: { me: Me; navigate: (p: string) => void }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<'users' | 'rooms'>('users');
  if (!me.roles.includes('admin')) {
    return (
      <main id="main" className="admin">
        <h1>{t('admin.heading')}</h1>
        <p role="alert" className="error">{t('admin.notAdmin')}</p>
        <button type="button" onClick={() => navigate('/')}>{t('room.back')}</button>
      </main>
    );
  }
  return (
    <main id="main" className="admin">
      <h1>{t('admin.heading')}</h1>
      <div className="tabs" role="tablist" aria-label={t('admin.heading')}>
        {(['users', 'rooms'] as const).map((k) => (
          <button key={k} id={`admin-tab-${k}`} role="tab" type="button" aria-selected={tab === k} aria-controls={`admin-panel-${k}`}
            onClick={() => setTab(k)}>{t(`admin.tab.${k}` as MessageKey)}</button>
        ))}
      </div>
      <section id={`admin-panel-${tab}`} role="tabpanel" aria-labelledby={`admin-tab-${tab}`}>
        {tab === 'users' ? <UsersPanel /> : <RoomsPanel navigate={navigate} />}
      </section>
    </main>
  );
}

function UsersPanel() {
  const { t } = useI18n();
  const [users, setUsers] = useState<ManagedUser[] | null>(null);
  const [readOnly, setReadOnly] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    adminUsers().then(setUsers, (e) => setMessage(String((e as Error).message ?? e)));
    adminDirectory().then((d) => setReadOnly(d.editable ? null : d.reason ?? ''), () => { /* shown by the list's own error */ });
  }, []);
  useEffect(load, [load]);

  const change = async (what: () => Promise<ManagedUser>) => {
    setBusy(true);
    setMessage(null);
    try {
      const changed = await what();
      setUsers((list) => list?.map((u) => (u.id === changed.id ? changed : u)) ?? null);
    } catch (e) {
      setMessage(String((e as Error).message ?? e));
    } finally {
      setBusy(false);
    }
  };

  if (!users) return message ? <p role="alert" className="error">{message}</p> : <p className="muted">{t('app.loading')}</p>;
  const shown = filterUsers(users, query);
  const orgs = organisations(users);
  const names = orgs.organisations.map((o) => o.name);
  return (
    <>
      {readOnly !== null && <p className="notice" role="status">{t('admin.readOnly')} <span className="muted">{readOnly}</span></p>}
      {message && <p role="alert" className="error">{message}</p>}
      <label className="admin-search">{t('admin.searchUsers')}
        <input type="search" name="user-search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <table className="admin-table">
        <caption className="sr-only">{t('admin.tab.users')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.user')}</th>
            <th scope="col">{t('admin.organisation')}</th>
            {PLATFORM_ROLES.map((r) => <th key={r} scope="col">{t(`admin.role.${r}` as MessageKey)}</th>)}
          </tr>
        </thead>
        <tbody>
          {shown.map((u) => {
            const name = [u.firstName, u.lastName].filter(Boolean).join(' ') || u.username;
            return (
              <tr key={u.id} data-user={u.username}>
                <th scope="row">{name} <span className="muted">({u.username}){u.email ? ` · ${u.email}` : ''}</span></th>
                <td>
                  <input list="admin-organisations" aria-label={t('admin.organisationOf', { name })} defaultValue={u.organisation ?? ''}
                    disabled={busy || readOnly !== null}
                    onBlur={(e) => {
                      const next = e.target.value.trim() || null;
                      if (next !== (u.organisation ?? null)) void change(() => adminSetOrganisation(u.id, next));
                    }} />
                </td>
                {PLATFORM_ROLES.map((r) => {
                  const has = u.roles.map((x) => x.toLowerCase()).includes(r);
                  return (
                    <td key={r}>
                      <input type="checkbox" checked={has} disabled={busy || readOnly !== null}
                        aria-label={t('admin.roleOf', { role: t(`admin.role.${r}` as MessageKey), name })}
                        onChange={(e) => { void change(() => adminSetRole(u.id, r, e.target.checked)); }} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <datalist id="admin-organisations">{names.map((n) => <option key={n} value={n} />)}</datalist>
      <h2>{t('admin.organisations')}</h2>
      <ul className="admin-organisations">
        {orgs.organisations.map((o) => <li key={o.name}>{o.name} <span className="muted">{t('admin.members', { count: o.members })}</span></li>)}
        {orgs.without > 0 && <li className="muted">{t('admin.withoutOrganisation', { count: orgs.without })}</li>}
      </ul>
      {readOnly === null && <NewUserForm organisations={names} onCreated={(u) => setUsers((list) => [...(list ?? []), u])} />}
    </>
  );
}

function NewUserForm({ organisations: names, onCreated }: { organisations: string[]; onCreated: (u: ManagedUser) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <form className="stack admin-new-user" onSubmit={async (e) => {
      e.preventDefault();
      const form = new FormData(e.currentTarget);
      const value = (k: string) => String(form.get(k) ?? '').trim() || undefined;
      const role = (value('role') ?? 'participant') as PlatformRole;
      try {
        onCreated(await adminCreateUser({ username: value('username') ?? '', firstName: value('firstName'), lastName: value('lastName'),
          email: value('email'), password: value('password'), organisation: value('organisation'), roles: [role.toUpperCase()] }));
        e.currentTarget.reset();
        setError(null);
      } catch (err) {
        setError(String((err as Error).message ?? err));
      }
    }}>
      <h2>{t('admin.newUser')}</h2>
      <label>{t('admin.username')}<input name="username" required autoComplete="off" /></label>
      <label>{t('admin.firstName')}<input name="firstName" autoComplete="off" /></label>
      <label>{t('admin.lastName')}<input name="lastName" autoComplete="off" /></label>
      <label>{t('admin.email')}<input name="email" type="email" autoComplete="off" /></label>
      <label>{t('admin.password')}<input name="password" type="password" autoComplete="new-password" /></label>
      <label>{t('admin.organisation')}<input name="organisation" list="admin-organisations" autoComplete="off" /></label>
      <label>{t('admin.firstRole')}
        <select name="role" defaultValue="participant">
          {PLATFORM_ROLES.map((r) => <option key={r} value={r}>{t(`admin.role.${r}` as MessageKey)}</option>)}
        </select>
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" className="primary">{t('admin.create')}</button>
    </form>
  );
}

function RoomsPanel({ navigate }: { navigate: (p: string) => void }) {
  const { t } = useI18n();
  const [rooms, setRooms] = useState<RoomRecord[] | null>(null);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    listRooms().then(setRooms, (e) => setMessage(String((e as Error).message ?? e)));
  }, []);
  if (!rooms) return message ? <p role="alert" className="error">{message}</p> : <p className="muted">{t('app.loading')}</p>;
  const archive = async (r: RoomRecord) => {
    if (!window.confirm(t('admin.archiveConfirm', { title: r.title }))) return;
    try {
      const done = await archiveRoom(r.id);
      setRooms((list) => list?.map((x) => (x.id === done.id ? done : x)) ?? null);
      setMessage(t('admin.archived', { title: r.title }));
    } catch (e) {
      setMessage(String((e as Error).message ?? e));
    }
  };
  const shown = filterRooms(rooms, query);
  return (
    <>
      {message && <p role="status" className="notice">{message}</p>}
      <label className="admin-search">{t('admin.searchRooms')}
        <input type="search" name="room-search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <p className="muted">{t('admin.roomCount', { shown: shown.length, all: rooms.length })}</p>
      <table className="admin-table">
        <caption className="sr-only">{t('admin.tab.rooms')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.room')}</th>
            <th scope="col">{t('admin.created')}</th>
            <th scope="col">{t('admin.state')}</th>
            <th scope="col"><span className="sr-only">{t('admin.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id} data-room-id={r.id}>
              <th scope="row">
                <a href={`/rooms/${r.id}`} onClick={(e) => { e.preventDefault(); navigate(`/rooms/${r.id}`); }}>{r.title}</a>
                <span className="muted"> · {t(`kind.${r.kind}` as MessageKey)}{r.ownerName ? ` · ${t('lobby.by', { name: r.ownerName })}` : ''}</span>
              </th>
              <td>{r.createdAt ? new Date(r.createdAt).toLocaleDateString() : ''}</td>
              <td>{t(r.archived ? 'admin.stateArchived' : 'admin.stateOpen')}</td>
              <td>{!r.archived && (
                <button type="button" aria-label={t('admin.archiveRoom', { title: r.title })} onClick={() => { void archive(r); }}>{t('admin.archive')}</button>
              )}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { lookupPeople, searchPeople, updateAccess, type DirectoryPerson, type RoomRecord } from '../app/api';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { exactMatch, isMember, MEMBER_ROLES, members, roleKey, without, withRole, type MemberRole } from './accessList';

/** Wait after the last keystroke before asking the directory: one request per pause, not per letter. */
const SEARCH_DELAY_MS = 250;
const MIN_SEARCH = 2;

interface ShareDialogProps {
  room: RoomRecord;
  onChanged: (room: RoomRecord) => void;
  onClose: () => void;
}

/**
 * The facilitator's Share dialog (docs/frontend.md, "Share"): the room's link, a people picker over the identity
 * server's directory (a name nobody has is refused, not added), and everyone on the access list with a role that
 * can be changed or removed. Each change is saved at once; the room server re-judges open sockets, so the person
 * sees their new role within a second.
 */
export function ShareDialog({ room, onChanged, onClose }: ShareDialogProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<DirectoryPerson[]>([]);
  const [role, setRole] = useState<MemberRole>('participant');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [names, setNames] = useState<Map<string, DirectoryPerson>>(new Map());

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  // Names for the entries of the list (usernames or ids), from the directory.
  const entries = members(room.access).map((m) => m.entry);
  const entriesKey = entries.join('\n');
  useEffect(() => {
    lookupPeople(entries).then((people) => {
      const byEntry = new Map<string, DirectoryPerson>();
      for (const p of people) {
        byEntry.set(p.username, p);
        byEntry.set(p.id, p);
      }
      setNames(byEntry);
    }, () => { /* entries show as they are stored */ });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entriesKey]);

  useEffect(() => {
    const q = text.trim();
    if (q.length < MIN_SEARCH) {
      setFound([]);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      searchPeople(q).then((people) => { if (!stale) setFound(people); }, (e) => { if (!stale) setError(String((e as Error).message ?? e)); });
    }, SEARCH_DELAY_MS);
    return () => { stale = true; clearTimeout(timer); };
  }, [text]);

  const save = async (access: RoomRecord['access']) => {
    setSaving(true);
    setError(null);
    try {
      onChanged(await updateAccess(room.id, access));
    } catch (e) {
      setError(String((e as Error).message ?? e));
    } finally {
      setSaving(false);
    }
  };

  const add = async (person?: DirectoryPerson) => {
    let chosen = person;
    if (!chosen) {
      const q = text.trim();
      if (!q) return;
      // The typed text, checked against the directory now (the list on screen may be a keystroke old).
      const answer = q.length >= MIN_SEARCH ? await searchPeople(q).catch(() => [] as DirectoryPerson[]) : [];
      chosen = exactMatch(q, answer);
      if (!chosen) {
        setError(t('share.nobody', { name: q }));
        return;
      }
    }
    if (isMember(room.access, chosen)) {
      setError(t('share.already', { name: chosen.name }));
      return;
    }
    setNames((n) => new Map(n).set(chosen.username, chosen));
    await save(withRole(room.access, chosen.username, role));
    setText('');
    setFound([]);
  };

  const label = (entry: string) => {
    const p = names.get(entry);
    return p ? `${p.name} (${p.username})` : entry;
  };

  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>{t('share.heading', { title: room.title })}</h2>
      <form className="share-add" onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <label htmlFor="share-person">{t('share.find')}</label>
        <div className="row">
          <input id="share-person" type="search" autoComplete="off" value={text} placeholder={t('share.placeholder')}
            aria-describedby="share-hint" onChange={(e) => { setText(e.target.value); setError(null); }} />
          <label className="sr-only" htmlFor="share-role">{t('share.role')}</label>
          <select id="share-role" value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            {MEMBER_ROLES.map((r) => <option key={r} value={r}>{t(roleKey(r, room))}</option>)}
          </select>
          <button type="submit" className="primary" disabled={saving}>{t('share.add')}</button>
        </div>
        <p id="share-hint" className="muted">{t('share.hint')}</p>
        {found.length > 0 && (
          <ul className="share-found" aria-label={t('share.found')}>
            {found.map((p) => (
              <li key={p.id}>
                <button type="button" disabled={saving || isMember(room.access, p)} onClick={() => { void add(p); }}>
                  {p.name} <span className="muted">({p.username})</span>
                  {isMember(room.access, p) ? ` · ${t('share.member')}` : ''}
                </button>
              </li>
            ))}
          </ul>
        )}
        {error && <p role="alert" className="error">{error}</p>}
      </form>
      <h3>{t('share.members')}</h3>
      <ul className="share-members">
        {members(room.access).map((m) => (
          <li key={m.entry} data-member={m.entry}>
            <span className="name">{label(m.entry)}</span>
            {m.role === 'owner' ? <span className="role">{t('share.owner')}</span> : (
              <>
                <select aria-label={t('share.roleOf', { name: label(m.entry) })} value={m.role} disabled={saving}
                  onChange={(e) => { void save(withRole(room.access, m.entry, e.target.value as MemberRole)); }}>
                  {MEMBER_ROLES.map((r) => <option key={r} value={r}>{t(roleKey(r, room))}</option>)}
                </select>
                <button type="button" className="link" disabled={saving}
                  aria-label={t('share.removeName', { name: label(m.entry) })}
                  onClick={() => { void save(without(room.access, m.entry)); }}>{t('share.remove')}</button>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="row end">
        <button type="button" onClick={() => dialog.current?.close()}>{t('share.done')}</button>
      </div>
    </dialog>
  );
}

import { useState, type FormEvent } from 'react';
import { HttpError, signOut } from '../app/api';
import { useI18n } from '../i18n/i18n';
import { deleteCommunityData, deleteRoomsData, deleteSignInAccount, type CommunityDeletion, type RoomsDeletion } from './communityApi';

type Step = 'community' | 'rooms' | 'account';
/** The sign-in account: deleted, or kept with the identity provider's reason (the built-in issuer's demo accounts). */
type AccountOutcome = { deleted: true } | { deleted: false; reason: string };

/**
 * Deleting one's account (docs/community.md, "Deleting an account"): the community server first (it gives the
 * pseudonym), then the room server under that pseudonym, then the sign-in account at the identity provider. Typing
 * one's username is the confirmation. Each step says when it is done; a step that fails can be asked again and
 * finishes under the same pseudonym.
 */
export function DeleteAccount({ username }: { username: string }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [running, setRunning] = useState<Step | null>(null);
  const [community, setCommunity] = useState<CommunityDeletion | null>(null);
  const [rooms, setRooms] = useState<RoomsDeletion | null>(null);
  const [account, setAccount] = useState<AccountOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirmed = typed.trim().toLowerCase() === username.toLowerCase();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!confirmed || running) return;
    setError(null);
    try {
      setRunning('community');
      const c = community ?? (await deleteCommunityData(username));
      setCommunity(c);
      setRunning('rooms');
      setRooms(await deleteRoomsData(username, c.pseudonym));
      setRunning('account');
      try {
        await deleteSignInAccount(username);
        setAccount({ deleted: true });
      } catch (err) {
        if (!(err instanceof HttpError && err.status === 409)) throw err;
        setAccount({ deleted: false, reason: err.message });
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setRunning(null);
    }
  };

  return (
    <section className="delete-account" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">{t('account.delete.title')}</h2>
      <p>{t('account.delete.kept')}</p>
      <p>{t('account.delete.removed')}</p>
      {!account && (
        <form onSubmit={submit} aria-describedby="delete-account-hint">
          <label htmlFor="delete-account-confirm">{t('account.delete.confirmLabel', { username })}</label>{' '}
          <input id="delete-account-confirm" name="confirm" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />{' '}
          <button type="submit" className="danger" disabled={!confirmed || running !== null}>{t('account.delete.button')}</button>
          <p id="delete-account-hint" className="muted small">{t('account.delete.hint')}</p>
        </form>
      )}
      {/* The live region wraps the list: a role on the <ol> itself would take its list semantics away. */}
      <div role="status" aria-live="polite">
        <ol className="delete-steps">
          <li data-done={community ? 'true' : 'false'}>
            {community ? t('account.delete.communityDone', { pseudonym: community.pseudonym, posts: community.posts, practices: community.practices })
              : running === 'community' ? t('account.delete.working') : t('account.delete.communityStep')}
          </li>
          <li data-done={rooms ? 'true' : 'false'}>
            {rooms ? t('account.delete.roomsDone', { rooms: rooms.renamedIn, lists: rooms.removedFrom })
              : running === 'rooms' ? t('account.delete.working') : t('account.delete.roomsStep')}
            {rooms && rooms.stillOwned.length > 0 && <> {t('account.delete.stillOwned', { count: rooms.stillOwned.length })}</>}
          </li>
          <li data-done={account ? 'true' : 'false'}>
            {account ? (account.deleted ? t('account.delete.accountDone') : t('account.delete.accountKept', { reason: account.reason }))
              : running === 'account' ? t('account.delete.working') : t('account.delete.accountStep')}
          </li>
        </ol>
      </div>
      {error && <p role="alert" className="error">{t('account.delete.failed', { message: error })}</p>}
      {account && (
        <p>
          {t('account.delete.finished')}{' '}
          <button type="button" onClick={() => signOut()}>{t('app.signOut')}</button>
        </p>
      )}
    </section>
  );
}

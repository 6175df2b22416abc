import { useState } from 'react';
import { HttpError, privateBoards, revealPrivateNotes, setPrivateNotesSeen } from '../app/api';
import { useI18n } from '../i18n/i18n';

/** A person's private board a facilitator may open, read-only. */
export interface PrivateBoardRef { name: string; document: string }

/**
 * The facilitator's reveal (docs/dialogue.md, "Private ideation"): the room server copies everyone's private notes
 * onto the board, with their authors' names or without, and empties the private boards. Before that, where the
 * facilitator chooses it (and everyone is told), facilitators may read each person's private board.
 */
export function RevealControl({ roomId, seeing, onView }: { roomId: string; seeing: boolean; onView: (b: PrivateBoardRef | null) => void }) {
  const { t } = useI18n();
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [boards, setBoards] = useState<PrivateBoardRef[] | null>(null);
  const failed = (e: unknown) => setSaid(e instanceof HttpError ? e.message : String(e));
  return (
    <>
      <div className="row reveal">
        <button type="button" disabled={busy} onClick={() => {
          setBusy(true);
          revealPrivateNotes(roomId, anonymous).then(
            (r) => setSaid(t('private.revealed', { count: r.notes })),
            (e) => setSaid(t('private.revealFailed', { reason: e instanceof HttpError ? e.message : String(e) })),
          ).finally(() => setBusy(false));
        }}>{t('private.reveal')}</button>
        <label><input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('private.withoutNames')}</label>
        <span role="status" className="muted">{said}</span>
      </div>
      <div className="row private-seen">
        {/* A button, not a checkbox: the room server decides, and everyone's board says so once it has. */}
        <button type="button" name="facilitators-see-private" aria-pressed={seeing} onClick={() => {
          setBoards(null);
          if (seeing) onView(null); // close what is open before the server closes it
          setPrivateNotesSeen(roomId, !seeing).catch(failed);
        }}>{seeing ? t('private.keepPrivate') : t('private.facilitatorsSee')}</button>
        {seeing && <button type="button" name="read-private-boards" onClick={() => privateBoards(roomId).then(setBoards, failed)}>{t('private.readThem')}</button>}
      </div>
      {seeing && boards && (
        <ul className="private-boards">
          {boards.length === 0 && <li className="muted">{t('private.nobodyYet')}</li>}
          {boards.map((b) => (
            <li key={b.document}><button type="button" className="link" onClick={() => onView(b)}>{t('private.boardOf', { name: b.name })}</button></li>
          ))}
        </ul>
      )}
    </>
  );
}

import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Board } from '../board/Board';
import { BoardModel } from '../board/model';
import { BoardStore } from '../board/store';
import { useI18n } from '../i18n/i18n';
import type { RoomSession } from '../sync/session';
import type { PrivateBoardRef } from './RevealControl';

/**
 * Someone's private notes as a facilitator may read them where the room allows it (docs/dialogue.md, "Private
 * ideation"): opened read-only for as long as it is on screen, never kept in the browser (the server decides, and
 * closes it when the facilitator turns the permission off).
 */
export function PrivatePeek({ roomId, session, board, names, onError, onClose }: {
  roomId: string; session: RoomSession; board: PrivateBoardRef; names: (id: string) => string; onError: (m: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const handle = useSyncExternalStore(
    (l) => session.subscribe(l),
    () => session.get(board.document),
  );
  useEffect(() => {
    session.open(board.document, 0, false);
    return () => session.close(board.document);
  }, [session, board.document]);
  const actor = useMemo(() => ({ userId: '', role: 'observer' as const }), []);
  const model = useMemo(() => (handle ? new BoardModel(handle.doc, actor) : undefined), [handle, actor]);
  const store = useMemo(() => (handle ? new BoardStore(handle.doc) : undefined), [handle]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  useEffect(() => () => model?.destroy(), [model]);
  useEffect(() => () => store?.destroy(), [store]);
  useEffect(() => store?.setTranslate(t), [store, t]);
  return (
    <div className="private-board private-peek">
      <p className="notice">{t('private.peekNotice', { name: board.name })}{' '}
        <button type="button" className="link" onClick={onClose}>{t('private.closePeek', { name: board.name })}</button></p>
      {model && store && <Board roomId={roomId} model={model} store={store} peers={[]} selected={selected} onSelect={setSelected} names={names} onError={onError} />}
    </div>
  );
}

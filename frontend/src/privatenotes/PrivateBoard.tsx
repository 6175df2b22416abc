import { useEffect, useMemo, useState } from 'react';
import { Board } from '../board/Board';
import { BoardModel } from '../board/model';
import { BoardStore } from '../board/store';
import { useI18n } from '../i18n/i18n';
import type { DocHandle } from '../sync/session';

interface Props {
  roomId: string;
  handle: DocHandle;
  userId: string;
  names: (id: string) => string;
  onError: (message: string) => void;
  /** Does the phase under way allow private notes (docs/rooms.md, "Phases")? */
  open?: boolean;
  /** The room lets facilitators read private notes: the notice says so. */
  seenByFacilitators?: boolean;
}

/**
 * My private notes (docs/dialogue.md, "Private ideation"): a board of my own, in a document only I may open, so the
 * room server sends it to nobody else; a facilitator's reveal moves its notes onto the shared board.
 */
export function PrivateBoard({ roomId, handle, userId, names, onError, open = true, seenByFacilitators = false }: Props) {
  const { t } = useI18n();
  // Read-only while its owner is an observer (the socket says so): the notes stay theirs, unchanged.
  const readOnly = handle.scope === 'readonly';
  const actor = useMemo(() => ({ userId, role: readOnly ? 'observer' as const : 'participant' as const }), [userId, readOnly]);
  const model = useMemo(() => new BoardModel(handle.doc, actor), [handle.doc, actor]);
  const store = useMemo(() => new BoardStore(handle.doc), [handle.doc]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  useEffect(() => () => model.destroy(), [model]);
  useEffect(() => () => store.destroy(), [store]);
  useEffect(() => store.setTranslate(t), [store, t]);
  return (
    <div className="private-board">
      <p className="notice private-notice">{t(seenByFacilitators ? 'private.noticeSeen' : 'private.notice')}</p>
      <Board key={`p${handle.generation}`} roomId={roomId} model={model} store={store} peers={[]} selected={selected}
        onSelect={setSelected} names={names} onError={onError} allows={open ? undefined : closed} />
    </div>
  );
}

/** A phase that does not allow private notes: the board is shown, nothing on it changes. */
const closed = () => false;

/** How many notes a private document holds (for the tab's label), re-rendered when it changes. */
export function usePrivateCount(handle: DocHandle | undefined): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!handle) return undefined;
    const objects = handle.doc.getMap('objects');
    const update = () => setCount(objects.size);
    update();
    objects.observe(update);
    return () => objects.unobserve(update);
  }, [handle]);
  return count;
}

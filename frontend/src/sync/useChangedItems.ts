import { useEffect, useState } from 'react';
import { LocalChanges } from './changes';
import { ROOM_DOCUMENTS, type RoomSession } from './session';

/**
 * How many items (board objects, questions, polls, the document) this device changed that the server has not yet
 * acknowledged, for the room's banners. {@code version} changes whenever the session's state does.
 */
export function useChangedItems(session: RoomSession | null, version: string): { count: number; changes: LocalChanges | null } {
  const [count, setCount] = useState(0);
  const [changes, setChanges] = useState<LocalChanges | null>(null);
  const board = session?.get('board')?.doc;
  const notes = session?.get('notes')?.doc;
  const workshop = session?.get('workshop')?.doc;
  useEffect(() => {
    if (!board || !notes || !workshop) return undefined;
    const c = new LocalChanges(setCount);
    c.watchEntries('board', board, ['objects']);
    c.watchEntries('workshop', workshop, ['workshop', 'questions', 'votes']);
    c.watchWhole('notes', notes);
    setChanges(c);
    return () => c.destroy();
  }, [board, notes, workshop]);
  // A document whose updates the server all acknowledged has its changed items saved.
  useEffect(() => {
    if (!session || !changes) return;
    for (const d of ROOM_DOCUMENTS) if (session.settled(d)) changes.settled(d);
  }, [session, changes, version]);
  return { count, changes };
}

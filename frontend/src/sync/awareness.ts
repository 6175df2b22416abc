import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * Moves this client's awareness state (and its document) to a client id nobody has seen, keeping the state
 * itself (user, cursor, selection, activeAt), so the next announcement is accepted everywhere.
 *
 * Why: when a connection leaves, the room server removes the awareness states it announced and *retires* their
 * client ids (rooms/core/RoomDocument: a retired id may never be announced again, so no later connection can
 * speak for it); the others have also seen the removal with a clock one above ours, and y-protocols ignores any
 * state whose clock is not newer. The state the provider re-sends after a reconnect under the old id is therefore
 * dropped, and the others never see this client's cursor or presence again until a reload. A fresh id has no
 * history anywhere.
 *
 * The document's client id moves with it: the Hocuspocus provider announces `document.clientID` and keeps it
 * when a socket closes, and Tiptap's caret plugin hides the caret whose id is the document's: both must stay the
 * awareness' id. Yjs itself changes a document's client id when it detects a clash; structs already made keep
 * theirs, new ones use the new id.
 *
 * Quiet on purpose: no awareness 'update' event (the provider would send it at once, before it authenticated the
 * document again); the provider's startSync, which runs right after, announces the moved state. Views are told by
 * a 'change' event (origin 'reconnect').
 */
export function moveToFreshClientId(doc: Y.Doc, awareness: Awareness, next = freshClientId(awareness)): number {
  const previous = awareness.clientID;
  if (next === previous) return previous;
  const state = awareness.getLocalState();
  const meta = awareness.meta.get(previous);
  awareness.states.delete(previous);
  awareness.meta.delete(previous);
  doc.clientID = next;
  awareness.clientID = next;
  if (state !== null) {
    awareness.states.set(next, state);
    // Above 0: a receiver takes a client it has never seen only with a clock above 0 (y-protocols and the room
    // server alike).
    awareness.meta.set(next, { clock: (meta?.clock ?? 0) + 1, lastUpdated: Date.now() });
  }
  awareness.emit('change', [{ added: state !== null ? [next] : [], updated: [], removed: [previous] }, 'reconnect']);
  return next;
}

/** A random 32-bit client id (as Yjs makes them) that this awareness does not know. */
export function freshClientId(awareness: Awareness): number {
  for (;;) {
    const id = crypto.getRandomValues(new Uint32Array(1))[0];
    if (id !== awareness.clientID && !awareness.meta.has(id) && !awareness.states.has(id)) return id;
  }
}

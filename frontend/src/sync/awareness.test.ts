import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { moveToFreshClientId } from './awareness';

/** Someone else in the room: sees only what is relayed to it. */
function other(): Awareness {
  const a = new Awareness(new Y.Doc());
  a.setLocalState(null);
  return a;
}

describe('moveToFreshClientId', () => {
  it('lets a reconnected client be seen again by those who saw it leave', () => {
    const doc = new Y.Doc();
    const mine = new Awareness(doc);
    mine.setLocalState({ user: { name: 'Alice', color: '#1f8a5b' }, cursor: { x: 1, y: 2 }, activeAt: 99 });
    const them = other();
    applyAwarenessUpdate(them, encodeAwarenessUpdate(mine, [doc.clientID]), 'server');
    expect(them.getStates().get(doc.clientID)).toMatchObject({ cursor: { x: 1, y: 2 } });

    // The connection left: the server removes our state for everyone (its clock one above ours).
    const relay = new Awareness(new Y.Doc());
    applyAwarenessUpdate(relay, encodeAwarenessUpdate(mine, [doc.clientID]), 'client');
    relay.meta.set(doc.clientID, { clock: relay.meta.get(doc.clientID)!.clock + 1, lastUpdated: Date.now() });
    removeAwarenessStates(relay, [doc.clientID], 'left');
    applyAwarenessUpdate(them, encodeAwarenessUpdate(relay, [doc.clientID]), 'server');
    expect(them.getStates().has(doc.clientID)).toBe(false);

    // What the provider re-sends on reconnect under the old id is not newer: ignored.
    applyAwarenessUpdate(them, encodeAwarenessUpdate(mine, [doc.clientID]), 'server');
    expect(them.getStates().has(doc.clientID)).toBe(false);

    const old = doc.clientID;
    const changes: unknown[] = [];
    mine.on('change', (c: unknown, origin: unknown) => changes.push([c, origin]));
    const fresh = moveToFreshClientId(doc, mine);
    expect(fresh).not.toBe(old);
    expect(doc.clientID).toBe(fresh);
    expect(mine.clientID).toBe(fresh);
    expect(mine.getStates().has(old)).toBe(false);
    expect(mine.getLocalState()).toEqual({ user: { name: 'Alice', color: '#1f8a5b' }, cursor: { x: 1, y: 2 }, activeAt: 99 });
    expect(changes).toEqual([[{ added: [fresh], updated: [], removed: [old] }, 'reconnect']]);

    applyAwarenessUpdate(them, encodeAwarenessUpdate(mine, [doc.clientID]), 'server');
    expect(them.getStates().get(fresh)).toEqual({ user: { name: 'Alice', color: '#1f8a5b' }, cursor: { x: 1, y: 2 }, activeAt: 99 });
  });

  it('keeps the document usable: new edits carry the new id, old ones keep theirs', () => {
    const doc = new Y.Doc();
    const mine = new Awareness(doc);
    doc.getText('t').insert(0, 'ab');
    const old = doc.clientID;
    const fresh = moveToFreshClientId(doc, mine);
    doc.getText('t').insert(2, 'c');
    expect(doc.getText('t').toString()).toBe('abc');
    const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
    expect(sv.get(old)).toBe(2);
    expect(sv.get(fresh)).toBe(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getText('t').toString()).toBe('abc');
  });

  it('moves a client without a state (awareness switched off locally) without announcing one', () => {
    const doc = new Y.Doc();
    const mine = new Awareness(doc);
    mine.setLocalState(null);
    const fresh = moveToFreshClientId(doc, mine);
    expect(mine.getLocalState()).toBeNull();
    expect(mine.getStates().size).toBe(0);
    expect(doc.clientID).toBe(fresh);
  });
});

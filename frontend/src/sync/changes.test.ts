import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalChanges } from './changes';

describe('LocalChanges', () => {
  it('counts changed objects and the document once each, not keystrokes, and only local ones', () => {
    const board = new Y.Doc();
    const notes = new Y.Doc();
    const counts: number[] = [];
    const changes = new LocalChanges((n) => counts.push(n));
    changes.watchEntries('board', board, ['objects']);
    changes.watchWhole('notes', notes);
    const objects = board.getMap<Y.Map<unknown>>('objects');
    board.transact(() => {
      const note = new Y.Map<unknown>();
      note.set('text', new Y.Text());
      objects.set('n1', note);
    });
    const text = objects.get('n1')!.get('text') as Y.Text;
    for (const ch of 'Offline idea') text.insert(text.length, ch);
    objects.get('n1')!.set('x', 10);
    for (const ch of 'Written on the train') notes.getText('t').insert(0, ch);
    expect(counts.at(-1)).toBe(2);

    // A remote update (not this device's) is not counted.
    const remote = new Y.Doc();
    remote.getMap('objects').set('r1', new Y.Map());
    Y.applyUpdate(board, Y.encodeStateAsUpdate(remote));
    expect(counts.at(-1)).toBe(2);

    objects.delete('n1');
    expect(counts.at(-1)).toBe(2);
    changes.settled('board');
    expect(counts.at(-1)).toBe(1);
    expect(changes.items()).toEqual(['notes']);
    changes.settled('notes');
    expect(counts.at(-1)).toBe(0);
    changes.destroy();
    objects.set('n2', new Y.Map());
    expect(counts.at(-1)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextDiff, BoardError, BoardModel, canEdit, type RoomRoleName } from './model';
import { BoardStore } from './store';
import { connectorEnds } from './geometry';
import { noteHeightFor } from './textLayout';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function board(userId = 'alice', role: RoomRoleName = 'participant', doc = new Y.Doc()): BoardModel {
  return new BoardModel(doc, { userId, role });
}

describe('BoardModel', () => {
  it('creates a note as a Y.Map owned by its author with a Y.Text and an empty ballot box', () => {
    const b = board();
    const id = b.create({ type: 'note', x: 10, y: 20, text: 'hello' });
    const m = b.objects.get(id)!;
    expect(m.get('owner')).toBe('alice');
    expect(m.get('text')).toBeInstanceOf(Y.Text);
    expect(m.get('votes')).toBeInstanceOf(Y.Map);
    expect(b.get(id)).toMatchObject({ type: 'note', x: 10, y: 20, w: 160, h: 120, text: 'hello', votes: [] });
  });

  it('grows a note to show all of its text, and never shrinks one someone made bigger', () => {
    const b = board();
    const id = b.create({ type: 'note', x: 0, y: 0, text: 'short' });
    expect(b.get(id)!.h).toBe(120);
    const long = 'Apprentices leave small firms after two years because nobody plans their second year. '
      + 'We could share one mentor between three workshops and pay for it together.';
    b.setText(id, long);
    const grown = b.get(id)!.h;
    expect(grown).toBeGreaterThan(120);
    expect(grown).toBe(noteHeightFor(long, 160));
    b.setText(id, 'short again');
    expect(b.get(id)!.h).toBe(grown);
  });

  it('moves and resizes', () => {
    const b = board();
    const id = b.create({ type: 'rect', x: 0, y: 0 });
    b.move([id], 15, -5);
    expect(b.get(id)).toMatchObject({ x: 15, y: -5 });
    b.moveTo(id, 100, 100);
    b.resize(id, { x: 90, y: 90, w: 2, h: 300 });
    expect(b.get(id)).toMatchObject({ x: 90, y: 90, w: 8, h: 300 });
  });

  it('moves the points of a pen stroke with it', () => {
    const b = board();
    const id = b.create({ type: 'pen', points: [0, 0, 10, 10] });
    b.move([id], 5, 5);
    expect(b.get(id)!.points).toEqual([5, 5, 15, 15]);
  });

  it('deletes objects with their own connectors', () => {
    const b = board();
    const [n1, n2] = b.createMany([{ type: 'note' }, { type: 'note', x: 300 }]);
    const c = b.connect(n1, n2);
    b.remove([n1]);
    expect(b.get(n1)).toBeNull();
    expect(b.get(c)).toBeNull();
    expect(b.get(n2)).not.toBeNull();
  });

  it('duplicates shapes and rewires connectors between the copies', () => {
    const b = board();
    const [n1, n2] = b.createMany([{ type: 'note', text: 'a' }, { type: 'ellipse', x: 300 }]);
    b.connect(n1, n2);
    const copies = b.duplicate([n1, n2, ...b.all().filter((o) => o.type === 'connector').map((o) => o.id)]);
    expect(copies).toHaveLength(3);
    const [c1, c2, cc] = copies.map((id) => b.get(id)!);
    expect(c1).toMatchObject({ type: 'note', text: 'a', x: 24, y: 24, owner: 'alice' });
    expect(c2.type).toBe('ellipse');
    expect(cc).toMatchObject({ type: 'connector', from: c1.id, to: c2.id });
  });

  it('refuses a connector to itself or to a missing shape', () => {
    const b = board();
    const n = b.create({ type: 'note' });
    expect(() => b.connect(n, n)).toThrow(BoardError);
    expect(() => b.connect(n, 'nope')).toThrow(BoardError);
  });

  it('connector ends follow the shapes they join', () => {
    const b = board();
    const [r1, r2] = b.createMany([{ type: 'rect', x: 0, y: 0, w: 100, h: 100 }, { type: 'rect', x: 300, y: 0, w: 100, h: 100 }]);
    let [p, q] = connectorEnds(b.get(r1)!, b.get(r2)!);
    expect(p).toEqual({ x: 100, y: 50 });
    expect(q).toEqual({ x: 300, y: 50 });
    b.move([r2], 0, 300);
    [p, q] = connectorEnds(b.get(r1)!, b.get(r2)!);
    expect(p.y).toBe(100);
    expect(q.y).toBe(300);
  });

  it('lets a participant change only their own objects, a facilitator everything, an observer nothing', () => {
    const doc = new Y.Doc();
    const alice = board('alice', 'participant', doc);
    const bob = board('bob', 'participant', doc);
    const fabio = board('fabio', 'facilitator', doc);
    const paula = board('paula', 'observer', doc);
    const id = alice.create({ type: 'note', x: 0 });
    bob.move([id], 50, 50); // silently skipped
    expect(alice.get(id)).toMatchObject({ x: 0, y: 0 });
    expect(() => bob.setText(id, 'mine now')).toThrow(BoardError);
    bob.remove([id]);
    expect(alice.get(id)).not.toBeNull();
    fabio.move([id], 10, 0);
    expect(alice.get(id)!.x).toBe(10);
    expect(() => paula.create({ type: 'note' })).toThrow(BoardError);
    expect(() => paula.toggleVote(id)).toThrow(BoardError);
    expect(canEdit({ userId: 'paula', role: 'observer' }, { owner: 'paula' })).toBe(false);
  });

  it('votes under the voter’s own id on anyone’s object, and withdraws', () => {
    const doc = new Y.Doc();
    const alice = board('alice', 'participant', doc);
    const bob = board('bob', 'participant', doc);
    const id = alice.create({ type: 'note' });
    expect(bob.toggleVote(id)).toBe(true);
    expect(alice.toggleVote(id)).toBe(true);
    expect(alice.get(id)!.votes).toEqual(['alice', 'bob']);
    expect(bob.toggleVote(id)).toBe(false);
    expect(alice.get(id)!.votes).toEqual(['alice']);
  });

  it('undoes only the local user’s changes', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const alice = board('alice', 'facilitator', a);
    const bob = board('bob', 'facilitator', b);
    const id = alice.create({ type: 'note', x: 0 });
    sync(a, b);
    alice.endStep();
    bob.create({ type: 'rect' });
    sync(a, b);
    alice.move([id], 40, 0);
    alice.endStep();
    sync(a, b);
    alice.undo();
    expect(alice.get(id)!.x).toBe(0);
    expect(alice.all()).toHaveLength(2); // bob's rect survives alice's undo
    alice.undo();
    expect(alice.get(id)).toBeNull();
    alice.redo();
    expect(alice.get(id)).not.toBeNull();
  });

  it('converges when two users edit concurrently', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const alice = board('alice', 'participant', a);
    const bob = board('bob', 'participant', b);
    const n = alice.create({ type: 'note', text: 'plan' });
    sync(a, b);
    alice.setText(n, 'plan A');
    bob.toggleVote(n);
    bob.create({ type: 'note', text: 'idea' });
    sync(a, b);
    expect(alice.all().map((o) => [o.text, o.votes])).toEqual(bob.all().map((o) => [o.text, o.votes]));
    expect(alice.get(n)).toMatchObject({ text: 'plan A', votes: ['bob'] });
  });
});

describe('applyTextDiff', () => {
  it('edits only the middle that differs', () => {
    const doc = new Y.Doc();
    const t = doc.getText('t');
    t.insert(0, 'hello world');
    applyTextDiff(t, 'hello brave world');
    expect(t.toString()).toBe('hello brave world');
    applyTextDiff(t, 'hello');
    expect(t.toString()).toBe('hello');
    applyTextDiff(t, '');
    expect(t.toString()).toBe('');
  });
});

describe('BoardStore', () => {
  it('replaces only the snapshot of the changed object', () => {
    const b = board('alice', 'facilitator');
    const [n1, n2] = b.createMany([{ type: 'note' }, { type: 'note' }]);
    const store = new BoardStore(b.doc);
    const before = store.map();
    const s2 = store.get(n2);
    b.move([n1], 5, 5);
    expect(store.map()).not.toBe(before);
    expect(store.get(n2)).toBe(s2);
    expect(store.get(n1)!.x).toBe(5);
    b.setText(n2, 'typed');
    expect(store.get(n2)!.text).toBe('typed');
    b.remove([n1]);
    expect(store.list().map((o) => o.id)).toEqual([n2]);
  });
});

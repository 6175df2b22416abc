import * as Y from 'yjs';

/**
 * Keeping a user's other unsaved edits when the server refuses one.
 *
 * The refused update's structs cannot stay in our document (the server will never have them, so every later
 * update of that client id would wait on the server for the missing clocks): the session joins the document again
 * with a fresh Y.Doc and client id (docs/rooms.md, rejection contract). What the user did besides the refused
 * change is then re-expressed as new edits on the fresh document:
 *
 * 1. the pending updates (local, not known to be acknowledged) are compared with the server's state: those it
 *    has are done; the first it lacks is the refused one, because the server applies a connection's updates in
 *    order and drops all of them after a refusal;
 * 2. a scratch copy of the server's state gets the refused update and at once a Y.UndoManager undo of it, so
 *    anything later built on it (text typed into a refused note) goes with it;
 * 3. each later update is applied to the scratch copy and the difference is written into the fresh document as
 *    one transaction, so each goes to the server as its own message and is judged on its own.
 *
 * An update that never went out on its own (made offline, it reached the server inside the reconnect's sync
 * step 2 with others) cannot be told apart from its neighbours: then nothing is undone here, every pending
 * update is replayed on its own, and the server refuses the bad one again, this time alone. So a refused change
 * is sent at most twice and never in a loop.
 */
export interface PendingUpdate {
  update: Uint8Array;
  /** Went out as its own update message (false: made offline, or restored from IndexedDB). */
  sent: boolean;
}

/** A root type's constructor (Y.Map, Y.XmlFragment, ...), as the views created it. */
export type RootCtor = new () => Y.AbstractType<unknown>;

/** The typed root types of a document: names the views never asked for are still untyped and are skipped. */
export function typedRoots(doc: Y.Doc): [string, RootCtor][] {
  return [...doc.share].filter(([, t]) => t.constructor !== Y.AbstractType).map(([n, t]) => [n, t.constructor as RootCtor]);
}

function docWith(roots: [string, RootCtor][], state: Uint8Array): Y.Doc {
  const d = new Y.Doc({ gc: false });
  for (const [n, C] of roots) d.get(n, C);
  Y.applyUpdate(d, state);
  return d;
}

/** Whether applying the update to the document would change it (false: the document has it already). */
function changes(doc: Y.Doc, update: Uint8Array): boolean {
  let changed = false;
  const on = () => { changed = true; };
  doc.on('update', on);
  Y.applyUpdate(doc, update);
  doc.off('update', on);
  return changed || doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** Index of the first pending update the state does not contain, or -1. */
export function firstMissing(state: Uint8Array, pending: Uint8Array[]): number {
  const scratch = docWith([], state);
  try {
    return pending.findIndex((u) => changes(scratch, u));
  } finally {
    scratch.destroy();
  }
}

export interface ReplayResult {
  /** True when one update was identified as refused and undone. */
  undone: boolean;
  /** How many pending updates were written again as new edits. */
  replayed: number;
}

/** At most this many transactions are written: a long offline session's updates are grouped beyond it. */
const MAX_STEPS = 50;

/**
 * Writes the user's pending edits, except the refused one, into `target` (the fresh document, synced with the
 * server). `roots` are the root types as the views typed them in the discarded document.
 */
export function replayPending(target: Y.Doc, roots: [string, RootCtor][], pending: PendingUpdate[], origin: unknown): ReplayResult {
  const base = Y.encodeStateAsUpdate(target);
  const k = firstMissing(base, pending.map((p) => p.update));
  if (k < 0) return { undone: false, replayed: 0 };
  const undone = pending[k].sent;
  const kept = pending.slice(undone ? k + 1 : k);
  const per = Math.ceil(kept.length / MAX_STEPS);
  const ends: number[] = [];
  for (let end = per; end < kept.length; end += per) ends.push(end);
  if (kept.length > 0) ends.push(kept.length);
  // Step by step, each from the server's state: the refused update, the kept ones up to this step, then the undo.
  // The undo comes last so that it sees the later edits: a key the user wrote again after the refused change
  // keeps its new value (UndoManager does not overwrite later changes) instead of racing the restored old one.
  for (const upto of ends) {
    const scratch = docWith(roots, base);
    const refused = {};
    const um = undone
      ? new Y.UndoManager(roots.map(([n, C]) => scratch.get(n, C)), { trackedOrigins: new Set([refused]), captureTimeout: 0 })
      : undefined;
    if (um) Y.applyUpdate(scratch, pending[k].update, refused);
    for (const p of kept.slice(0, upto)) Y.applyUpdate(scratch, p.update);
    if (um) {
      um.undo();
      um.destroy();
    }
    target.transact(() => {
      for (const [n, C] of roots) syncType(target.get(n, C), scratch.get(n, C));
    }, origin);
    scratch.destroy();
  }
  return { undone, replayed: kept.length };
}

// ------------------------------------------------------------------ content diff: make `t` look like `s`

type Content = unknown;

function same(a: Content, b: Content): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) {
    return a instanceof Y.AbstractType && b instanceof Y.AbstractType && a.constructor === b.constructor
      && JSON.stringify(shape(a)) === JSON.stringify(shape(b));
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A comparable picture of a type, formatting and attributes included (toJSON drops some of them). */
function shape(t: Y.AbstractType<unknown>): unknown {
  if (t instanceof Y.XmlText || t instanceof Y.Text) return t.toDelta();
  if (t instanceof Y.XmlElement) return [t.nodeName, t.getAttributes(), t.toArray().map((c) => shape(c as Y.AbstractType<unknown>))];
  if (t instanceof Y.XmlFragment) return t.toArray().map((c) => shape(c as Y.AbstractType<unknown>));
  if (t instanceof Y.Map) return [...t.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v instanceof Y.AbstractType ? shape(v) : v]);
  if (t instanceof Y.Array) return t.toArray().map((v) => (v instanceof Y.AbstractType ? shape(v) : v));
  return null;
}

/** A copy of a value to insert elsewhere: types are cloned (a Yjs type can live in one place only). */
const copy = (v: Content): Content => (v instanceof Y.AbstractType ? v.clone() : v);

function syncType(t: Y.AbstractType<unknown>, s: Y.AbstractType<unknown>): void {
  if (t instanceof Y.XmlText && s instanceof Y.XmlText) {
    syncAttributes(t, s);
    syncText(t, s);
  } else if (t instanceof Y.Text && s instanceof Y.Text) syncText(t, s);
  else if (t instanceof Y.XmlElement && s instanceof Y.XmlElement) {
    syncAttributes(t, s);
    syncList(t, s);
  } else if (t instanceof Y.XmlFragment && s instanceof Y.XmlFragment) syncList(t, s);
  else if (t instanceof Y.Array && s instanceof Y.Array) syncList(t, s);
  else if (t instanceof Y.Map && s instanceof Y.Map) syncMap(t, s);
}

function syncMap(t: Y.Map<Content>, s: Y.Map<Content>): void {
  for (const [k, sv] of s.entries()) {
    const tv = t.get(k);
    if (!t.has(k)) t.set(k, copy(sv));
    else if (sv instanceof Y.AbstractType && tv instanceof Y.AbstractType && sv.constructor === tv.constructor) syncType(tv, sv);
    else if (!same(tv, sv)) t.set(k, copy(sv));
  }
  for (const k of [...t.keys()]) if (!s.has(k)) t.delete(k);
}

function syncAttributes(t: Y.XmlElement | Y.XmlText, s: Y.XmlElement | Y.XmlText): void {
  const sa = s.getAttributes() as Record<string, unknown>;
  const ta = t.getAttributes() as Record<string, unknown>;
  for (const [k, v] of Object.entries(sa)) if (!same(ta[k], v)) t.setAttribute(k, v as string);
  for (const k of Object.keys(ta)) if (!(k in sa)) t.removeAttribute(k);
}

/** Children of an array or XML node: common head and tail kept, the middle matched pairwise, the rest replaced. */
function syncList(t: Y.Array<Content> | Y.XmlFragment, s: Y.Array<Content> | Y.XmlFragment): void {
  const ta = t.toArray() as Content[];
  const sa = s.toArray() as Content[];
  let head = 0;
  while (head < ta.length && head < sa.length && same(ta[head], sa[head])) head++;
  let tail = 0;
  while (tail < ta.length - head && tail < sa.length - head && same(ta[ta.length - 1 - tail], sa[sa.length - 1 - tail])) tail++;
  const tm = ta.slice(head, ta.length - tail);
  const sm = sa.slice(head, sa.length - tail);
  // Typing in a paragraph changes it in place: the same kind of node at the same place is synced, not replaced,
  // so others' concurrent edits inside it still merge.
  let i = 0;
  for (; i < tm.length && i < sm.length; i++) {
    const a = tm[i];
    const b = sm[i];
    const sameKind = a instanceof Y.AbstractType && b instanceof Y.AbstractType && a.constructor === b.constructor
      && (!(a instanceof Y.XmlElement) || a.nodeName === (b as Y.XmlElement).nodeName);
    if (!sameKind) break;
    syncType(a as Y.AbstractType<unknown>, b as Y.AbstractType<unknown>);
  }
  const at = head + i;
  const removeCount = tm.length - i;
  if (removeCount > 0) t.delete(at, removeCount);
  const add = sm.slice(i).map(copy);
  if (add.length > 0) {
    if (t instanceof Y.Array) t.insert(at, add);
    else t.insert(at, add as (Y.XmlElement | Y.XmlText)[]);
  }
}

type Run = { insert: string | object; attributes?: Record<string, unknown> };

type Unit = { c: string | object; a: string; attrs?: Record<string, unknown> };

/** Text as (character, formatting) units: an embed counts as one unit, as in Yjs. */
function units(delta: Run[]): Unit[] {
  const out: Unit[] = [];
  for (const r of delta) {
    const a = JSON.stringify(r.attributes ?? {});
    if (typeof r.insert === 'string') for (const c of r.insert) out.push({ c, a, attrs: r.attributes });
    else out.push({ c: r.insert, a, attrs: r.attributes });
  }
  return out;
}

/**
 * Characters first (common head and tail kept, the middle replaced), then formatting with format(): a change of
 * formatting alone never deletes and retypes text that others may be editing concurrently.
 */
function syncText(t: Y.Text, s: Y.Text): void {
  const tu = units(t.toDelta() as Run[]);
  const su = units(s.toDelta() as Run[]);
  const sameChar = (x: Unit, y: Unit) => (typeof x.c === 'string' ? x.c === y.c : JSON.stringify(x.c) === JSON.stringify(y.c));
  let head = 0;
  while (head < tu.length && head < su.length && sameChar(tu[head], su[head])) head++;
  let tail = 0;
  while (tail < tu.length - head && tail < su.length - head && sameChar(tu[tu.length - 1 - tail], su[su.length - 1 - tail])) tail++;
  const from = size(tu.slice(0, head));
  const removed = size(tu.slice(head, tu.length - tail));
  if (removed > 0) t.delete(from, removed);
  // Inserted run by run with explicit attributes ({} included), so nothing is inherited from the neighbours.
  let at = from;
  const middle = su.slice(head, su.length - tail);
  for (let i = 0; i < middle.length;) {
    const u = middle[i];
    if (typeof u.c !== 'string') {
      t.insertEmbed(at, u.c, u.attrs ?? {});
      at += 1;
      i += 1;
      continue;
    }
    let text = '';
    while (i < middle.length && typeof middle[i].c === 'string' && middle[i].a === u.a) text += middle[i++].c as string;
    t.insert(at, text, u.attrs ?? {});
    at += text.length;
  }
  // Same characters now: bring the formatting over where it differs.
  const now = units(t.toDelta() as Run[]);
  let pos = 0;
  for (let i = 0; i < su.length;) {
    if (now[i].a === su[i].a) {
      pos += size([su[i++]]);
      continue;
    }
    const start = pos;
    const pair = now[i].a + su[i].a;
    const attrs: Record<string, unknown> = {};
    for (const k of Object.keys(now[i].attrs ?? {})) attrs[k] = null;
    Object.assign(attrs, su[i].attrs ?? {});
    while (i < su.length && now[i].a + su[i].a === pair) pos += size([su[i++]]);
    t.format(start, pos - start, attrs);
  }
}

/** Length in Yjs text indexes (UTF-16 code units; an embed is 1); units are code points. */
const size = (us: Unit[]) => us.reduce((n, u) => n + (typeof u.c === 'string' ? u.c.length : 1), 0);

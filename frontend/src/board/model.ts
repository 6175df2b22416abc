import * as Y from 'yjs';
import { noteHeightFor } from './textLayout';
import palette from './palette.json';

/**
 * The board document (docs/rooms.md, docs/frontend.md): root Y.Map "objects", object id -> Y.Map
 * {type, owner, x, y, w, h, color, z, text (Y.Text for notes, text, frame titles and shape labels), from/to (connectors),
 * points (pen: flat [x0, y0, x1, y1, ...]), url (images), votes: Y.Map userId -> true}.
 *
 * The room server lets a participant create objects owned by themselves, change and delete only their own,
 * and vote only under their own user id. Facilitators change everything; observers nothing. This model
 * answers the same questions locally (canEdit) so the view never offers what the server would refuse.
 */
export const OBJECT_TYPES = ['note', 'rect', 'ellipse', 'text', 'connector', 'pen', 'frame', 'image'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];
import type { RoomRoleName } from '../app/api';
export type { RoomRoleName };

/** The note colours, from the board's palette (palette.json), which the room server enforces for every object. */
export const NOTE_COLORS = palette.note;
export type NoteColor = keyof typeof NOTE_COLORS;

/** An immutable snapshot of one object, what the view renders. */
export interface BoardObject {
  readonly id: string;
  readonly type: ObjectType;
  readonly owner: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly z: number;
  readonly color: string;
  readonly text: string;
  readonly from?: string;
  readonly to?: string;
  readonly points?: readonly number[];
  readonly url?: string;
  /** For template content: the message key its text came from (lobby/templates.ts); shown in each viewer's language while untouched. */
  readonly tpl?: string;
  readonly votes: readonly string[];
  /** Locked by a facilitator: no participant changes it, its owner included (the server holds it). */
  readonly locked?: boolean;
}

export interface NewObject {
  type: ObjectType;
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  color?: string;
  text?: string;
  from?: string;
  to?: string;
  points?: number[];
  url?: string;
  tpl?: string;
}

/** The size of a new object of each type, when none is given. */
export const DEFAULT_SIZE: Record<ObjectType, [number, number]> = {
  note: [160, 120],
  rect: [160, 100],
  ellipse: [160, 100],
  text: [200, 40],
  connector: [0, 0],
  pen: [0, 0],
  frame: [480, 360],
  image: [240, 180],
};

/** Types a connector may join: everything but connectors and pen strokes. */
export function connectable(o: { type: ObjectType }): boolean {
  return o.type !== 'connector' && o.type !== 'pen';
}

/** Types with a text: notes, text boxes, frame titles, and the labels of rectangles and ellipses. */
export const HAS_TEXT: ReadonlySet<ObjectType> = new Set(['note', 'text', 'frame', 'rect', 'ellipse']);

let counter = 0;
/** Ids unique across clients without coordination: user, time, counter, randomness. */
export function newId(userId: string): string {
  counter = (counter + 1) % 1_000_000;
  const rand = Math.floor(Math.random() * 36 ** 4).toString(36);
  return `${userId.slice(0, 8)}-${Date.now().toString(36)}-${counter.toString(36)}-${rand}`;
}

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Reads one object map into a snapshot; null when it is not a well-formed board object. */
export function readObject(id: string, m: unknown): BoardObject | null {
  if (!(m instanceof Y.Map)) return null;
  const type = m.get('type');
  if (typeof type !== 'string' || !(OBJECT_TYPES as readonly string[]).includes(type)) return null;
  const text = m.get('text');
  const votes = m.get('votes');
  const points = m.get('points');
  return {
    id,
    type: type as ObjectType,
    owner: String(m.get('owner') ?? ''),
    x: num(m.get('x')),
    y: num(m.get('y')),
    w: num(m.get('w')),
    h: num(m.get('h')),
    z: num(m.get('z')),
    color: typeof m.get('color') === 'string' ? (m.get('color') as string) : NOTE_COLORS.yellow,
    text: text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '',
    from: typeof m.get('from') === 'string' ? (m.get('from') as string) : undefined,
    to: typeof m.get('to') === 'string' ? (m.get('to') as string) : undefined,
    points: Array.isArray(points) ? (points as number[]) : undefined,
    url: typeof m.get('url') === 'string' ? (m.get('url') as string) : undefined,
    tpl: typeof m.get('tpl') === 'string' ? (m.get('tpl') as string) : undefined,
    votes: votes instanceof Y.Map ? [...votes.keys()].sort() : [],
    ...(m.get('locked') === true ? { locked: true } : {}),
  };
}

export interface BoardActor {
  userId: string;
  role: RoomRoleName;
}

/** May this actor change (move, resize, edit, delete) the object? Voting is separate: anyone who writes may vote. */
export function canEdit(actor: BoardActor, obj: Pick<BoardObject, 'owner' | 'locked'>): boolean {
  if (actor.role === 'facilitator') return true;
  if (actor.role === 'observer' || obj.locked) return false;
  return obj.owner === actor.userId;
}

export function canWrite(actor: BoardActor): boolean {
  return actor.role !== 'observer';
}

/** Operations on the board document, each one local transaction with this user's origin (for undo). */
export class BoardModel {
  readonly objects: Y.Map<Y.Map<unknown>>;
  readonly undoManager: Y.UndoManager;
  /** The transaction origin of this user's edits: what the undo manager tracks. */
  readonly origin: { readonly user: string };

  constructor(
    readonly doc: Y.Doc,
    readonly actor: BoardActor,
  ) {
    this.objects = doc.getMap('objects');
    this.origin = { user: actor.userId };
    this.undoManager = new Y.UndoManager(this.objects, { trackedOrigins: new Set([this.origin]), captureTimeout: 400 });
  }

  private transact(fn: () => void): void {
    this.doc.transact(fn, this.origin);
  }

  get(id: string): BoardObject | null {
    return readObject(id, this.objects.get(id));
  }

  all(): BoardObject[] {
    const out: BoardObject[] = [];
    this.objects.forEach((m, id) => {
      const o = readObject(id, m);
      if (o) out.push(o);
    });
    return out;
  }

  mayEdit(id: string): boolean {
    const o = this.get(id);
    return o != null && canEdit(this.actor, o);
  }

  private maxZ(): number {
    let z = 0;
    this.objects.forEach((m) => {
      z = Math.max(z, num(m.get('z')));
    });
    return z;
  }

  private fill(m: Y.Map<unknown>, spec: NewObject, z: number): void {
    const [dw, dh] = DEFAULT_SIZE[spec.type];
    m.set('type', spec.type);
    m.set('owner', this.actor.userId);
    m.set('x', Math.round(spec.x ?? 0));
    m.set('y', Math.round(spec.y ?? 0));
    m.set('w', Math.round(spec.w ?? dw));
    m.set('h', Math.round(spec.h ?? dh));
    m.set('z', z);
    m.set('color', spec.color ?? (spec.type === 'note' ? NOTE_COLORS.yellow : spec.type === 'frame' ? '#f4f6f8' : '#4a6fa5'));
    if (HAS_TEXT.has(spec.type)) {
      const t = new Y.Text();
      if (spec.text) t.insert(0, spec.text);
      m.set('text', t);
    }
    if (spec.from) m.set('from', spec.from);
    if (spec.to) m.set('to', spec.to);
    if (spec.points) m.set('points', spec.points.map((p) => Math.round(p * 10) / 10));
    if (spec.url) m.set('url', spec.url);
    if (spec.tpl) m.set('tpl', spec.tpl);
    m.set('votes', new Y.Map<boolean>());
  }

  /** Creates objects owned by this user, in one transaction; returns their ids in order. */
  createMany(specs: NewObject[]): string[] {
    this.requireWrite();
    const ids: string[] = [];
    this.transact(() => {
      let z = this.maxZ();
      for (const spec of specs) {
        const id = newId(this.actor.userId);
        const m = new Y.Map<unknown>();
        this.objects.set(id, m);
        this.fill(m, spec, spec.type === 'frame' ? -1 - ids.length : ++z);
        ids.push(id);
      }
    });
    return ids;
  }

  create(spec: NewObject): string {
    return this.createMany([spec])[0];
  }

  private editable(id: string): Y.Map<unknown> {
    const m = this.objects.get(id);
    const o = readObject(id, m);
    if (!o) throw new BoardError(`no object ${id} on the board`);
    if (!canEdit(this.actor, o)) {
      throw new BoardError(o.locked ? `${id} is locked by a facilitator` : `${id} belongs to ${o.owner}: only its owner or a facilitator may change it`);
    }
    return m!;
  }

  /** Moves the objects by (dx, dy); objects this user may not change are left alone. */
  move(ids: readonly string[], dx: number, dy: number): void {
    if (dx === 0 && dy === 0) return;
    this.transact(() => {
      for (const id of ids) {
        const m = this.objects.get(id);
        const o = readObject(id, m);
        if (!o || !canEdit(this.actor, o) || o.type === 'connector') continue;
        m!.set('x', Math.round(o.x + dx));
        m!.set('y', Math.round(o.y + dy));
        if (o.type === 'pen' && o.points) {
          m!.set('points', o.points.map((p, i) => Math.round((p + (i % 2 === 0 ? dx : dy)) * 10) / 10));
        }
      }
    });
  }

  /** Places one object at (x, y). */
  moveTo(id: string, x: number, y: number): void {
    const o = this.get(id);
    if (o) this.move([id], x - o.x, y - o.y);
  }

  /** Sets the bounds of a shape; width and height are at least 8. */
  resize(id: string, bounds: { x: number; y: number; w: number; h: number }): void {
    this.transact(() => {
      const m = this.editable(id);
      m.set('x', Math.round(bounds.x));
      m.set('y', Math.round(bounds.y));
      m.set('w', Math.max(8, Math.round(bounds.w)));
      m.set('h', Math.max(8, Math.round(bounds.h)));
    });
  }

  /**
   * Deletes the objects and the connectors attached to them that this user may delete. Connectors of others
   * that point at a deleted shape stay in the document; the view does not draw a connector with a missing end.
   */
  remove(ids: readonly string[]): void {
    const gone = new Set(ids.filter((id) => this.mayEdit(id)));
    if (gone.size === 0) return;
    this.transact(() => {
      this.objects.forEach((m, id) => {
        const o = readObject(id, m);
        if (o?.type === 'connector' && ((o.from && gone.has(o.from)) || (o.to && gone.has(o.to))) && canEdit(this.actor, o)) {
          gone.add(id);
        }
      });
      for (const id of gone) this.objects.delete(id);
    });
  }

  /** Copies the objects (offset by 24), owned by this user; connectors between copied shapes follow the copies. */
  duplicate(ids: readonly string[], offset = 24): string[] {
    this.requireWrite();
    const sources = ids.map((id) => this.get(id)).filter((o): o is BoardObject => o != null);
    const shapes = sources.filter((o) => o.type !== 'connector');
    const mapping = new Map<string, string>();
    const created: string[] = [];
    this.transact(() => {
      let z = this.maxZ();
      for (const o of shapes) {
        const id = newId(this.actor.userId);
        mapping.set(o.id, id);
        const m = new Y.Map<unknown>();
        this.objects.set(id, m);
        this.fill(m, {
          type: o.type, x: o.x + offset, y: o.y + offset, w: o.w, h: o.h, color: o.color, text: o.text, url: o.url,
          points: o.points?.map((p) => p + offset),
        }, o.type === 'frame' ? o.z : ++z);
        created.push(id);
      }
      for (const o of sources) {
        if (o.type !== 'connector' || !o.from || !o.to) continue;
        const from = mapping.get(o.from);
        const to = mapping.get(o.to);
        if (!from || !to) continue;
        const id = newId(this.actor.userId);
        const m = new Y.Map<unknown>();
        this.objects.set(id, m);
        this.fill(m, { type: 'connector', from, to, color: o.color }, ++z);
        created.push(id);
      }
    });
    return created;
  }

  /** A connector from one shape to another; it follows them when they move. */
  connect(from: string, to: string, color = '#36454f'): string {
    if (from === to) throw new BoardError('a connector joins two different shapes');
    if (!this.get(from) || !this.get(to)) throw new BoardError('both ends of a connector must be on the board');
    return this.create({ type: 'connector', from, to, color });
  }

  /** Replaces the text of a note, text or frame with the smallest edit (keeps concurrent typing elsewhere). */
  setText(id: string, value: string): void {
    this.transact(() => {
      const m = this.editable(id);
      let t = m.get('text');
      if (!(t instanceof Y.Text)) {
        t = new Y.Text();
        m.set('text', t);
      }
      applyTextDiff(t as Y.Text, value);
      // A note grows to show all of its text (never shrinks: a size someone chose stays).
      if (m.get('type') === 'note') {
        const w = Number(m.get('w')) || DEFAULT_SIZE.note[0];
        const need = noteHeightFor(value, w, DEFAULT_SIZE.note[1]);
        if (need > (Number(m.get('h')) || 0)) m.set('h', need);
      }
    });
  }

  setColor(ids: readonly string[], color: string): void {
    this.transact(() => {
      for (const id of ids) if (this.mayEdit(id)) this.objects.get(id)!.set('color', color);
    });
  }

  /** Locks or unlocks objects (facilitators only): a locked object changes for no participant, its owner included. */
  setLocked(ids: readonly string[], locked: boolean): void {
    if (this.actor.role !== 'facilitator') throw new BoardError('only facilitators lock and unlock objects');
    this.transact(() => {
      for (const id of ids) {
        const m = this.objects.get(id);
        if (!m) continue;
        if (locked) m.set('locked', true);
        else m.delete('locked');
      }
    });
  }

  /** Casts or withdraws this user's vote on any object (a ballot under their own user id). */
  toggleVote(id: string): boolean {
    this.requireWrite();
    const m = this.objects.get(id);
    if (!m) throw new BoardError(`no object ${id} on the board`);
    let on = false;
    this.transact(() => {
      let votes = m.get('votes');
      if (!(votes instanceof Y.Map)) {
        // Only the owner may add the ballot map itself; objects made here always have one.
        if (!this.mayEdit(id)) throw new BoardError(`${id} has no ballot box`);
        votes = new Y.Map<boolean>();
        m.set('votes', votes);
      }
      const v = votes as Y.Map<boolean>;
      if (v.has(this.actor.userId)) v.delete(this.actor.userId);
      else {
        v.set(this.actor.userId, true);
        on = true;
      }
    });
    return on;
  }

  /** Marks the end of one undo step (a drag, a resize), so the next edit starts a new one. */
  endStep(): void {
    this.undoManager.stopCapturing();
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  private requireWrite(): void {
    if (!canWrite(this.actor)) throw new BoardError('observers cannot change the board');
  }

  destroy(): void {
    this.undoManager.destroy();
  }
}

export class BoardError extends Error {}

/** Rewrites a Y.Text to value by deleting and inserting only the middle that differs. */
export function applyTextDiff(t: Y.Text, value: string): void {
  const old = t.toString();
  if (old === value) return;
  let start = 0;
  while (start < old.length && start < value.length && old[start] === value[start]) start++;
  let endOld = old.length;
  let endNew = value.length;
  while (endOld > start && endNew > start && old[endOld - 1] === value[endNew - 1]) {
    endOld--;
    endNew--;
  }
  if (endOld > start) t.delete(start, endOld - start);
  if (endNew > start) t.insert(start, value.slice(start, endNew));
}

/** Ids of the objects whose snapshots may have changed in a deep-observe batch. */
export function changedIds(events: Y.YEvent<Y.AbstractType<unknown>>[], objects: object): Set<string> {
  const ids = new Set<string>();
  for (const e of events) {
    if ((e.target as unknown) === objects) {
      for (const k of e.changes.keys.keys()) ids.add(k);
    } else {
      const first = e.path[0];
      if (typeof first === 'string') ids.add(first);
    }
  }
  return ids;
}

import * as Y from 'yjs';
import { inViewerLanguage } from '../i18n/contentText';
import type { Translate } from '../i18n/i18n';
import { changedIds, readObject, type BoardObject } from './model';

/**
 * Immutable snapshots of the board for the view: a change to one object replaces that object's snapshot only,
 * so memoised components of the other 1,999 objects are not rendered again.
 */
export class BoardStore {
  private snapshots = new Map<string, BoardObject>();
  private ordered: BoardObject[] = [];
  private listeners = new Set<() => void>();
  private readonly objects: Y.Map<Y.Map<unknown>>;
  private readonly handler: (events: Y.YEvent<Y.AbstractType<unknown>>[], txn: Y.Transaction) => void;
  /** The viewer's language, for template text (i18n/contentText.ts); none: text as stored. */
  private translate?: Translate;
  /** Time (performance.now) of the last remote transaction applied; read by the perf harness. */
  lastRemoteAt = 0;

  constructor(doc: Y.Doc) {
    this.objects = doc.getMap('objects');
    this.objects.forEach((m, id) => {
      const o = this.read(id, m);
      if (o) this.snapshots.set(id, o);
    });
    this.sort();
    this.handler = (events, txn) => {
      if (!txn.local) this.lastRemoteAt = performance.now();
      const ids = changedIds(events, this.objects);
      let orderChanged = false;
      for (const id of ids) {
        const before = this.snapshots.get(id);
        const o = this.read(id, this.objects.get(id));
        if (o) this.snapshots.set(id, o);
        else this.snapshots.delete(id);
        if (!before || !o || before.z !== o.z) orderChanged = true;
      }
      if (orderChanged) this.sort();
      else this.ordered = this.ordered.map((o) => this.snapshots.get(o.id) ?? o);
      this.snapshots = new Map(this.snapshots);
      for (const l of this.listeners) l();
    };
    this.objects.observeDeep(this.handler);
  }

  private read(id: string, m: unknown): BoardObject | null {
    const o = readObject(id, m);
    if (!o?.tpl || !this.translate) return o;
    const text = inViewerLanguage(o.text, o.tpl, this.translate);
    return text === o.text ? o : { ...o, text };
  }

  /** Shows template text in this viewer's language from now on (the room calls it when the language changes). */
  setTranslate(translate: Translate): void {
    if (translate === this.translate) return;
    this.translate = translate;
    let changed = false;
    for (const o of this.snapshots.values()) {
      if (!o.tpl) continue;
      const fresh = this.read(o.id, this.objects.get(o.id));
      if (fresh) this.snapshots.set(o.id, fresh);
      changed = true;
    }
    if (!changed) return;
    this.ordered = this.ordered.map((o) => this.snapshots.get(o.id) ?? o);
    this.snapshots = new Map(this.snapshots);
    for (const l of this.listeners) l();
  }

  private sort(): void {
    this.ordered = [...this.snapshots.values()].sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Objects in drawing order (frames first, then by z). Stable identity until something changes. */
  list = (): BoardObject[] => this.ordered;

  map = (): ReadonlyMap<string, BoardObject> => this.snapshots;

  get(id: string): BoardObject | undefined {
    return this.snapshots.get(id);
  }

  destroy(): void {
    this.objects.unobserveDeep(this.handler);
    this.listeners.clear();
  }
}

import * as Y from 'yjs';

/**
 * Counts what a person changed, not how many keystrokes it took: the distinct board objects, questions, polls and
 * workshop settings touched by this device's own transactions, and the document as one item. The offline banner
 * says "3 changed items", where the number of updates would say 57 (docs/frontend.md, "Offline and connection truth").
 * Items are kept per document and dropped when the server has acknowledged every update of that document.
 */
export class LocalChanges {
  private readonly things = new Map<string, Set<string>>();
  private readonly offs: (() => void)[] = [];

  constructor(private readonly onCount: (count: number) => void) {}

  /** Each entry of these map roots of document {@code name} counts once (an object id, a question id, a setting). */
  watchEntries(name: string, doc: Y.Doc, roots: readonly string[]): void {
    for (const root of roots) {
      const map = doc.getMap(root);
      const f = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
        if (!tr.local) return;
        for (const e of events) {
          if (e.path.length > 0) this.add(name, `${root}/${String(e.path[0])}`);
          else e.changes.keys.forEach((_, key) => this.add(name, `${root}/${key}`));
        }
        this.onCount(this.count());
      };
      map.observeDeep(f);
      this.offs.push(() => map.unobserveDeep(f));
    }
  }

  /** Any local change of document {@code name} counts as one item. */
  watchWhole(name: string, doc: Y.Doc): void {
    const f = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      if (!tr.local) return;
      this.add(name, name);
      this.onCount(this.count());
    };
    doc.on('update', f);
    this.offs.push(() => doc.off('update', f));
  }

  /** The server acknowledged every update of document {@code name}: its items are saved. */
  settled(name: string): void {
    if (!this.things.get(name)?.size) return;
    this.things.delete(name);
    this.onCount(this.count());
  }

  /** What is counted, as root/key (for the end-to-end test's messages). */
  items(): string[] {
    return [...this.things.values()].flatMap((s) => [...s]);
  }

  destroy(): void {
    for (const off of this.offs.splice(0)) off();
  }

  private add(name: string, thing: string): void {
    let set = this.things.get(name);
    if (!set) this.things.set(name, (set = new Set()));
    set.add(thing);
  }

  private count(): number {
    let n = 0;
    for (const s of this.things.values()) n += s.size;
    return n;
  }
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { firstMissing, replayPending, typedRoots, type PendingUpdate } from './replay';

/** A note as the board model writes it (the parts these tests need). */
function note(doc: Y.Doc, id: string, owner: string, x: number, text: string): void {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    doc.getMap('objects').set(id, m);
    m.set('type', 'note');
    m.set('owner', owner);
    m.set('x', x);
    const t = new Y.Text();
    m.set('text', t);
    t.insert(0, text);
  });
}

const obj = (doc: Y.Doc, id: string) => doc.getMap('objects').get(id) as Y.Map<unknown> | undefined;
const textOf = (doc: Y.Doc, id: string) => (obj(doc, id)?.get('text') as Y.Text | undefined)?.toString();

/**
 * The room server in miniature: one document, and a connection's writes applied in order until one is refused,
 * after which that connection's writes are dropped (docs/rooms.md, rejection contract).
 */
class Server {
  readonly doc = new Y.Doc();
  private rejected = false;
  constructor(public refuse: (u: Uint8Array) => boolean) {}
  write(u: Uint8Array): boolean {
    if (this.rejected) return false;
    if (this.refuse(u)) {
      this.rejected = true;
      return false;
    }
    Y.applyUpdate(this.doc, u);
    return true;
  }
  /** A fresh join: a new Y.Doc with the server's state (and a new client id). */
  join(): Y.Doc {
    this.rejected = false;
    const d = new Y.Doc();
    d.getMap('objects');
    Y.applyUpdate(d, Y.encodeStateAsUpdate(this.doc));
    return d;
  }
}

/** A client on a copy of the server's document that records its local updates, as RoomSession does. */
function client(server: Server): { doc: Y.Doc; pending: PendingUpdate[]; offline: boolean } {
  const c = { doc: server.join(), pending: [] as PendingUpdate[], offline: false };
  c.doc.on('update', (u: Uint8Array) => {
    c.pending.push({ update: u, sent: !c.offline });
    if (!c.offline) server.write(u);
  });
  return c;
}

/** Refuses any update that touches fabio's note n-f (the server's ownership rule, by a probe). */
const touchesFabiosNote = (base: Y.Doc) => (u: Uint8Array) => {
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(base));
  const before = JSON.stringify(probe.getMap('objects').get('n-f'));
  Y.applyUpdate(probe, u);
  return JSON.stringify(probe.getMap('objects').get('n-f')) !== before;
};

function setup() {
  const server = new Server(() => false);
  note(server.doc, 'n-f', 'fabio', 100, 'Mentoring budget');
  note(server.doc, 'n-a', 'alice', 10, 'Apprentices');
  const judged = new Server(touchesFabiosNote(server.doc));
  Y.applyUpdate(judged.doc, Y.encodeStateAsUpdate(server.doc));
  return { server: judged, alice: client(judged) };
}

describe('replaying unconfirmed edits after a rejection', () => {
  it('undoes only the refused change and writes the later ones again, one transaction each', () => {
    const { server, alice } = setup();
    (obj(alice.doc, 'n-a')!.get('text') as Y.Text).insert(0, 'Young '); // applied
    obj(alice.doc, 'n-f')!.set('x', 4242); // refused
    obj(alice.doc, 'n-a')!.set('x', 60); // dropped: after the refusal
    note(alice.doc, 'n-new', 'alice', 300, 'Heat pumps'); // dropped
    expect(obj(server.doc, 'n-a')!.get('x')).toBe(10);
    expect(textOf(server.doc, 'n-a')).toBe('Young Apprentices');

    const fresh = server.join();
    const sent: Uint8Array[] = [];
    fresh.on('update', (u: Uint8Array, origin: unknown) => { if (origin === 'replay') sent.push(u); });
    const result = replayPending(fresh, typedRoots(alice.doc), alice.pending, 'replay');

    expect(result).toEqual({ undone: true, replayed: 2 });
    expect(obj(fresh, 'n-f')!.get('x')).toBe(100);
    expect(obj(fresh, 'n-a')!.get('x')).toBe(60);
    expect(textOf(fresh, 'n-a')).toBe('Young Apprentices');
    expect(textOf(fresh, 'n-new')).toBe('Heat pumps');
    // Two messages, each accepted on its own; the server ends where the client is.
    expect(sent).toHaveLength(2);
    for (const u of sent) expect(server.write(u)).toBe(true);
    expect(server.doc.store.pendingStructs).toBeNull();
    expect(obj(server.doc, 'n-a')!.get('x')).toBe(60);
    expect(textOf(server.doc, 'n-new')).toBe('Heat pumps');
    expect(obj(server.doc, 'n-f')!.get('x')).toBe(100);
  });

  it('takes along what was built on the refused change', () => {
    const { server, alice } = setup();
    // A refused change that creates something (here: a note whose creation also moves fabio's note).
    alice.doc.transact(() => {
      note(alice.doc, 'n-bad', 'alice', 0, 'x');
      obj(alice.doc, 'n-f')!.set('x', 1);
    });
    (obj(alice.doc, 'n-bad')!.get('text') as Y.Text).insert(1, 'yz'); // typed into it afterwards
    obj(alice.doc, 'n-a')!.set('x', 20); // independent
    const fresh = server.join();
    const result = replayPending(fresh, typedRoots(alice.doc), alice.pending, 'replay');
    expect(result.undone).toBe(true);
    expect(obj(fresh, 'n-bad')).toBeUndefined();
    expect(obj(fresh, 'n-f')!.get('x')).toBe(100);
    expect(obj(fresh, 'n-a')!.get('x')).toBe(20);
  });

  it('keeps a later value of the key the refused change also wrote', () => {
    const server = new Server(() => false);
    note(server.doc, 'n-a', 'alice', 10, 'a');
    const alice = client(server);
    server.refuse = () => true; // a rule the view could not know of (her role changed meanwhile)
    obj(alice.doc, 'n-a')!.set('x', 11); // refused
    server.refuse = () => false;
    obj(alice.doc, 'n-a')!.set('x', 12); // dropped; the user's last word on x
    const fresh = server.join();
    replayPending(fresh, typedRoots(alice.doc), alice.pending, 'replay');
    expect(obj(fresh, 'n-a')!.get('x')).toBe(12);
  });

  it('replays everything when the refused change went out with others in the reconnect sync', () => {
    const { server, alice } = setup();
    alice.offline = true;
    obj(alice.doc, 'n-a')!.set('x', 30);
    obj(alice.doc, 'n-f')!.set('x', 1);
    // Back online: the sync step 2 carries both; the server refuses the lot.
    expect(server.write(Y.encodeStateAsUpdate(alice.doc, Y.encodeStateVector(server.doc)))).toBe(false);
    const fresh = server.join();
    const sent: Uint8Array[] = [];
    fresh.on('update', (u: Uint8Array, origin: unknown) => { if (origin === 'replay') sent.push(u); });
    expect(replayPending(fresh, typedRoots(alice.doc), alice.pending, 'replay')).toEqual({ undone: false, replayed: 2 });
    // Now each is its own message: the good one is applied, the bad one refused on its own.
    expect(sent.map((u) => server.write(u))).toEqual([true, false]);
    expect(obj(server.doc, 'n-a')!.get('x')).toBe(30);
    expect(obj(server.doc, 'n-f')!.get('x')).toBe(100);
  });

  it('groups a long offline session into at most 50 transactions, all of it kept', () => {
    const { server, alice } = setup();
    alice.offline = true;
    for (let i = 0; i < 120; i++) obj(alice.doc, 'n-a')!.set('x', i);
    for (let i = 0; i < 10; i++) note(alice.doc, `n-${i}`, 'alice', i, `idea ${i}`);
    const fresh = server.join();
    let transactions = 0;
    fresh.on('update', (_u: Uint8Array, origin: unknown) => { if (origin === 'replay') transactions += 1; });
    expect(replayPending(fresh, typedRoots(alice.doc), alice.pending, 'replay').replayed).toBe(130);
    expect(transactions).toBeLessThanOrEqual(50);
    expect(obj(fresh, 'n-a')!.get('x')).toBe(119);
    expect(textOf(fresh, 'n-9')).toBe('idea 9');
  });

  it('finds nothing to do when the server has every pending update', () => {
    const { server, alice } = setup();
    obj(alice.doc, 'n-a')!.set('x', 50);
    expect(firstMissing(Y.encodeStateAsUpdate(server.doc), alice.pending.map((p) => p.update))).toBe(-1);
    expect(replayPending(server.join(), typedRoots(alice.doc), alice.pending, 'replay')).toEqual({ undone: false, replayed: 0 });
  });

  it('writes document edits in place: typing in a paragraph, a new paragraph, formatting', () => {
    const server = new Server(() => false);
    const frag = server.doc.getXmlFragment('default');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Welding')]);
    frag.insert(0, [p]);
    const alice = client(server);
    alice.offline = true;
    const ap = alice.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    (ap.get(0) as Y.XmlText).insert(7, ' and heat pumps');
    (ap.get(0) as Y.XmlText).format(12, 10, { bold: true });
    const p2 = new Y.XmlElement('paragraph');
    p2.insert(0, [new Y.XmlText('Written on the train')]);
    alice.doc.getXmlFragment('default').insert(1, [p2]);

    const fresh = server.join();
    fresh.getXmlFragment('default');
    // Someone else types at the start of the same paragraph meanwhile: both edits must survive.
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(server.doc));
    ((bob.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Bob: ');

    replayPending(fresh, typedRoots(alice.doc), alice.pending, 'replay');
    expect(fresh.getXmlFragment('default').toString()).toBe(alice.doc.getXmlFragment('default').toString());
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(bob));
    expect(fresh.getXmlFragment('default').toString())
      .toBe('<paragraph>Bob: Welding and <bold>heat pumps</bold></paragraph><paragraph>Written on the train</paragraph>');
  });
});

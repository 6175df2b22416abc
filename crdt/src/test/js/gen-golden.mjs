// Writes ../resources/golden/*.bin and golden/manifest.json: updates produced by the real yjs
// (13.6.33, pinned in package.json), one file per case, with what a correct engine must make of
// each: the toJSON of every root, the state vector, and encodeStateAsUpdate after loading the file
// into a fresh document. Deterministic: fixed client ids, no clocks or randomness.
//
//   node gen-golden.mjs            (rewrites the folder; commit the output with this script)
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { yjsEngine } from './engines/yjs.mjs'
import { toB64 } from './engines/wire.mjs'

const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'resources', 'golden')
const LOAD_CLIENT = 999999 // client id of the fresh document each file is loaded into

const newDoc = (clientID, gc = true) => {
  const doc = new Y.Doc({ gc })
  doc.clientID = clientID
  for (const [name, get] of [['text', 'getText'], ['map', 'getMap'], ['array', 'getArray'], ['xml', 'getXmlFragment']]) doc[get](name)
  return doc
}

/** Loads updates into a fresh oracle document and reads back what a correct engine must show. */
const expectations = (updates, gc, v2 = false) => {
  const d = yjsEngine.newDoc(LOAD_CLIENT, gc)
  for (const u of updates) v2 ? d.applyV2(u) : d.apply(u)
  const out = {
    json: d.json(),
    stateVector: toB64(d.stateVector()),
    encodeStateAsUpdate: toB64(d.encodeState(null)),
    pending: d.doc.store.pendingStructs != null || d.doc.store.pendingDs != null
  }
  d.close()
  return out
}

const manifest = { generator: 'gen-golden.mjs', yjs: '13.6.33', loadClientId: LOAD_CLIENT, files: [] }
fs.rmSync(OUT, { recursive: true, force: true })
fs.mkdirSync(OUT, { recursive: true })

const write = (file, bytes, entry) => {
  fs.writeFileSync(path.join(OUT, file), bytes)
  manifest.files.push({ file, bytes: bytes.length, ...entry })
}

/** One case: a document built by `build`, saved as its full v1 state (and v2 when asked). */
const stateCase = ({ name, description, covers, clientIds, gc = true, v2 = false, build }) => {
  const docs = clientIds.map(id => newDoc(id, gc))
  build(...docs)
  // Sync every replica so the saved state is the whole document.
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  const update = Y.encodeStateAsUpdate(docs[0])
  write(`${name}.bin`, update, { format: 'v1', description, covers, clientIds, gc, ...expectations([update], gc) })
  if (v2) {
    const u2 = Y.encodeStateAsUpdateV2(docs[0])
    write(`${name}.v2.bin`, u2, { format: 'v2', description: `${description} (format v2)`, covers, clientIds, gc, ...expectations([u2], gc, true) })
  }
  docs.forEach(d => d.destroy())
}

stateCase({
  name: 'string-multibyte',
  description: 'Y.Text inserts of ASCII, 2- and 3-byte UTF-8, CJK and surrogate pairs (emoji, U+1D11E), with a delete in the middle of a run',
  covers: ['String', 'Deleted', 'deleteSet'],
  clientIds: [1],
  v2: true,
  build: d => {
    const t = d.getText('text')
    t.insert(0, 'Hello wörld')
    t.insert(11, ' 中文 😀 𝄞 €')
    t.insert(0, '👩‍👩‍👧 ')
    t.delete(8, 3)
  }
})

stateCase({
  name: 'format-embed',
  description: 'Rich text: bold/italic/null-removal formats, a link with an object value, embeds with and without attributes',
  covers: ['String', 'Format', 'Embed'],
  clientIds: [2],
  v2: true,
  build: d => {
    const t = d.getText('text')
    t.insert(0, 'plain bold italic')
    t.format(6, 4, { bold: true })
    t.format(11, 6, { italic: true, color: '#f00' })
    t.format(12, 2, { italic: null })
    t.insertEmbed(5, { image: 'cat.png' })
    t.insertEmbed(0, { formula: 'e=mc^2' }, { bold: true })
    t.insert(3, 'link', { link: { href: 'https://example.org', target: '_blank' } })
  }
})

stateCase({
  name: 'any-values',
  description: 'ContentAny of every JSON kind: ints (small, negative, beyond 32 bits), floats, NaN-free doubles, booleans, null, undefined, strings, nested arrays and objects, big int, binary nested in Any',
  covers: ['Any'],
  clientIds: [3],
  v2: true,
  build: d => {
    const m = d.getMap('map')
    m.set('int', 42)
    m.set('neg', -7)
    m.set('big32', 2 ** 31 + 5)
    m.set('big53', Number.MAX_SAFE_INTEGER)
    m.set('float', 3.25)
    m.set('float32able', 0.5)
    m.set('double', 0.1)
    m.set('true', true)
    m.set('false', false)
    m.set('null', null)
    m.set('undef', undefined)
    m.set('str', 'ünïcødé 😀')
    m.set('empty', '')
    m.set('obj', { a: 1, b: [1, 'two', { c: null }], d: { e: 'f' } })
    m.set('bigint', 2n ** 60n + 1n)
    m.set('nestedBin', { bytes: new Uint8Array([1, 2, 255]) })
    d.getArray('array').insert(0, [1, 'a', false, null, [2, 3], { k: 'v' }])
  }
})

stateCase({
  name: 'binary',
  description: 'ContentBinary: Uint8Array values in a map and an array (empty and 300 bytes)',
  covers: ['Binary'],
  clientIds: [4],
  build: d => {
    d.getMap('map').set('bin', new Uint8Array([0, 1, 2, 3, 254, 255]))
    d.getMap('map').set('empty', new Uint8Array(0))
    d.getArray('array').insert(0, [new Uint8Array(Array.from({ length: 300 }, (_, i) => i & 0xff))])
  }
})

stateCase({
  name: 'types-all-refs',
  description: 'ContentType for every type ref: YArray(0), YMap(1), YText(2), YXmlElement(3), YXmlFragment(4), YXmlHook(5), YXmlText(6), nested and filled',
  covers: ['Type', 'String', 'Any', 'Format'],
  clientIds: [5],
  v2: true,
  build: d => {
    const m = d.getMap('map')
    const arr = new Y.Array(); m.set('array', arr); arr.insert(0, [1, 2])
    const map = new Y.Map(); m.set('map', map); map.set('k', 'v')
    const text = new Y.Text(); m.set('text', text); text.insert(0, 'nested')
    const el = new Y.XmlElement('div'); m.set('element', el); el.setAttribute('id', 'x')
    const frag = new Y.XmlFragment(); m.set('fragment', frag); frag.insert(0, [new Y.XmlText('in fragment')])
    const hook = new Y.XmlHook('custom-hook'); m.set('hook', hook); hook.set('prop', 1)
    const xt = new Y.XmlText(); m.set('xmlText', xt); xt.insert(0, 'xml text', { bold: true })
    const deep = new Y.Array(); d.getArray('array').insert(0, [deep])
    const inner = new Y.Map(); deep.insert(0, [inner]); inner.set('deep', 'value')
    const xml = d.getXmlFragment('xml')
    const p = new Y.XmlElement('p'); xml.insert(0, [p]); p.setAttribute('class', 'lead')
    const pt = new Y.XmlText(); p.insert(0, [pt]); pt.insert(0, 'Hello '); pt.insert(6, 'world', { strong: true })
    xml.insert(1, [new Y.XmlElement('hr')])
    xml.insert(2, [new Y.XmlHook('xml-hook')])
  }
})

stateCase({
  name: 'subdocument',
  description: 'ContentDoc: a subdocument with a guid and options (autoLoad, meta) in a map and in an array',
  covers: ['Doc'],
  clientIds: [6],
  build: d => {
    d.getMap('map').set('sub', new Y.Doc({ guid: 'sub-guid-1' }))
    d.getArray('array').insert(0, [new Y.Doc({ guid: 'sub-guid-2', autoLoad: true, meta: { title: 'child' } })])
  }
})

for (const gc of [true, false]) {
  stateCase({
    name: gc ? 'deletes-gc-on' : 'deletes-gc-off',
    description: `Deleted text, array items, map overwrites and a deleted nested type with its children, gc ${gc ? 'on: content becomes Deleted and the type\'s children GC structs' : 'off: deleted content is kept'}`,
    covers: gc ? ['Deleted', 'GC', 'deleteSet'] : ['String', 'Any', 'Type', 'deleteSet'],
    clientIds: [7],
    gc,
    v2: !gc,
    build: d => {
      const t = d.getText('text'); t.insert(0, 'abcdefghij'); t.delete(2, 5)
      const a = d.getArray('array'); a.insert(0, [1, 2, 3, 4, 5]); a.delete(1, 2)
      const m = d.getMap('map'); m.set('k', 'first'); m.set('k', 'second')
      const nested = new Y.Array(); m.set('nested', nested); nested.insert(0, ['x', 'y', 'z'])
      const t2 = new Y.Text(); nested.insert(0, [t2]); t2.insert(0, 'gone')
      m.delete('nested')
    }
  })
}

stateCase({
  name: 'deleteset-across-clients',
  description: 'Three clients write interleaved text and array items; client 10 then deletes ranges spanning all three, so the delete set has several clients and several ranges each',
  covers: ['String', 'Any', 'deleteSet'],
  clientIds: [10, 20, 30],
  v2: true,
  build: (a, b, c) => {
    const sync = () => { for (const x of [a, b, c]) for (const y of [a, b, c]) if (x !== y) Y.applyUpdate(y, Y.encodeStateAsUpdate(x)) }
    a.getText('text').insert(0, 'aaaa'); sync()
    b.getText('text').insert(2, 'bbbb'); sync()
    c.getText('text').insert(6, 'cccc'); sync()
    b.getArray('array').insert(0, [1, 2, 3]); c.getArray('array').insert(0, [4, 5]); sync()
    a.getText('text').delete(1, 4)
    a.getText('text').delete(3, 3)
    a.getArray('array').delete(1, 3)
  }
})

// ContentJSON (ref 2): modern yjs reads it but never writes it, so it is encoded by hand:
// one client, one Item with no origins, parent the root "array", content = JSON strings.
{
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, 1) // clients
  encoding.writeVarUint(enc, 1) // structs of this client
  encoding.writeVarUint(enc, 11) // client
  encoding.writeVarUint(enc, 0) // clock
  encoding.writeUint8(enc, 2) // info: content ref 2 (JSON), no origins, no parentSub
  encoding.writeVarUint(enc, 1) // parent is a root type named by string
  encoding.writeVarString(enc, 'array')
  const values = ['{"a":1}', '"str"', '3.5', 'null', 'undefined', '[1,2]']
  encoding.writeVarUint(enc, values.length)
  for (const v of values) encoding.writeVarString(enc, v)
  encoding.writeVarUint(enc, 0) // delete set: no clients
  const update = encoding.toUint8Array(enc)
  write('json-content-legacy.bin', update, {
    format: 'v1',
    description: 'ContentJSON (ref 2), hand-encoded because yjs 13.6 no longer writes it: six JSON-string values incl. "undefined" in the root array. yjs re-encodes the loaded item still as ContentJSON.',
    covers: ['JSON'],
    clientIds: [11],
    gc: true,
    ...expectations([update], true)
  })
}

// Skip (ref 10): mergeUpdates of two updates of one client that are not adjacent (the middle one is left out).
{
  const d = newDoc(12)
  const parts = []
  d.on('update', u => parts.push(u))
  d.getText('text').insert(0, 'one ')
  d.getText('text').insert(4, 'two ')
  d.getText('text').insert(8, 'three')
  const merged = Y.mergeUpdates([parts[0], parts[2]])
  write('skip-merged.bin', merged, {
    format: 'v1',
    description: 'mergeUpdates of updates 1 and 3 of client 12 (update 2 left out): the gap is a Skip struct. Loaded alone the third insert stays pending; applying skip-missing-part.bin (update 2) completes it.',
    covers: ['Skip', 'pending'],
    clientIds: [12],
    gc: true,
    ...expectations([merged], true),
    afterAlso: { file: 'skip-missing-part.bin', ...expectations([merged, parts[1]], true) }
  })
  write('skip-missing-part.bin', parts[1], {
    format: 'v1',
    description: 'Update 2 of client 12, the part skip-merged.bin lacks',
    covers: ['String'],
    clientIds: [12],
    gc: true,
    ...expectations([parts[1]], true)
  })
  const mergedV2 = Y.mergeUpdatesV2([Y.convertUpdateFormatV1ToV2(parts[0]), Y.convertUpdateFormatV1ToV2(parts[2])])
  write('skip-merged.v2.bin', mergedV2, {
    format: 'v2',
    description: 'skip-merged.bin in format v2 (mergeUpdatesV2)',
    covers: ['Skip', 'pending'],
    clientIds: [12],
    gc: true,
    ...expectations([mergedV2], true, true)
  })
  d.destroy()
}

// Pending structs and a pending delete set: the second update depends on the first.
{
  const a = newDoc(13)
  const parts = []
  a.on('update', u => parts.push(u))
  a.getText('text').insert(0, 'base text')
  a.getArray('array').insert(0, ['x', 'y'])
  const first = Y.mergeUpdates(parts.splice(0))
  a.getText('text').insert(4, ' more')
  a.getText('text').delete(0, 2)
  a.getArray('array').delete(0, 1)
  const second = Y.mergeUpdates(parts.splice(0))
  write('pending-dependency.bin', first, {
    format: 'v1',
    description: 'The dependency of pending-dependent.bin: text and array inserts by client 13',
    covers: ['String', 'Any'],
    clientIds: [13],
    gc: true,
    ...expectations([first], true)
  })
  write('pending-dependent.bin', second, {
    format: 'v1',
    description: 'Inserts whose origins and deletes whose targets are in pending-dependency.bin. Applied first it changes nothing visible (pending structs and pending delete set); after pending-dependency.bin both apply',
    covers: ['String', 'deleteSet', 'pending'],
    clientIds: [13],
    gc: true,
    ...expectations([second], true),
    afterAlso: { file: 'pending-dependency.bin', ...expectations([second, first], true) }
  })
  a.destroy()
}

fs.writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
console.log(`wrote ${manifest.files.length} files to ${OUT}`)

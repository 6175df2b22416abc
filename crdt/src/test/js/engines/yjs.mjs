// The oracle's yjs engine: the ES module build of yjs (its CommonJS build is ~3x slower).
import * as Y from 'yjs'
import { check, checkRange, fromB64, fromWire, toB64, toWire } from './wire.mjs'

const flatten = v => v instanceof Y.AbstractType ? { value: v.toJSON() }
  // A subdocument shows as its guid (its content lives in its own updates).
  : v instanceof Y.Doc ? { value: { $doc: v.guid } }
    : null

const newType = (type, op) => {
  switch (type) {
    case 'map': return new Y.Map()
    case 'array': return new Y.Array()
    case 'text': return new Y.Text()
    case 'xmlText': return new Y.XmlText()
    case 'xmlElement': return new Y.XmlElement(op.nodeName ?? 'p')
    case 'xmlFragment': return new Y.XmlFragment()
    default: throw new Error(`unknown type "${type}" (expected map, array, text, xmlText, xmlElement or xmlFragment)`)
  }
}

const root = (doc, name) => {
  switch (name) {
    case 'text': return doc.getText('text')
    case 'map': return doc.getMap('map')
    case 'array': return doc.getArray('array')
    case 'xml': return doc.getXmlFragment('xml')
    default: throw new Error(`unknown root "${name}" (expected text, map, array or xml)`)
  }
}

/** Walks a path such as ["array", 2, "inner"]: root name, then map keys and list indices. */
const resolve = (doc, path) => {
  check(Array.isArray(path) && path.length > 0, 'op.path must be a non-empty list starting with a root name')
  let t = root(doc, path[0])
  for (let i = 1; i < path.length; i++) {
    const step = path[i]
    let next
    if (t instanceof Y.Map) {
      next = t.get(String(step))
    } else if (t instanceof Y.Array || t instanceof Y.XmlFragment) { // XmlElement extends XmlFragment
      check(Number.isInteger(step) && step >= 0 && step < t.length, `path step ${JSON.stringify(step)} is not an index of ${t.constructor.name} of length ${t.length}`)
      next = t.get(step)
    } else {
      throw new Error(`path step ${JSON.stringify(step)} walks into a ${t?.constructor?.name}, which has no children`)
    }
    check(next instanceof Y.AbstractType, `path ${JSON.stringify(path.slice(0, i + 1))} does not lead to a shared type`)
    t = next
  }
  return t
}

const isText = t => t instanceof Y.Text // XmlText extends Text
const expect = (t, pred, kind, op) => check(pred(t), `${op.kind} needs a ${kind} at path ${JSON.stringify(op.path)}, found ${t.constructor.name}`)

const runOp = (doc, op) => {
  const t = resolve(doc, op.path)
  if (!(t instanceof Y.Map)) checkRange(op, t.length)
  switch (op.kind) {
    case 'textInsert':
      expect(t, isText, 'text', op)
      t.insert(op.index, op.text, op.attrs ? fromWire(op.attrs) : undefined)
      break
    case 'textDelete':
      expect(t, isText, 'text', op)
      t.delete(op.index, op.len)
      break
    case 'textFormat':
      expect(t, isText, 'text', op)
      t.format(op.index, op.len, fromWire(op.attrs))
      break
    case 'textInsertEmbed':
      expect(t, isText, 'text', op)
      t.insertEmbed(op.index, fromWire(op.embed), op.attrs ? fromWire(op.attrs) : undefined)
      break
    case 'mapSet':
      expect(t, x => x instanceof Y.Map, 'map', op)
      t.set(op.key, fromWire(op.value))
      break
    case 'mapDelete':
      expect(t, x => x instanceof Y.Map, 'map', op)
      t.delete(op.key)
      break
    case 'mapSetType':
      expect(t, x => x instanceof Y.Map, 'map', op)
      t.set(op.key, newType(op.type, op))
      break
    case 'arrayInsert':
      expect(t, x => x instanceof Y.Array, 'array', op)
      t.insert(op.index, fromWire(op.values))
      break
    case 'arrayDelete':
      expect(t, x => x instanceof Y.Array, 'array', op)
      t.delete(op.index, op.len)
      break
    case 'arrayInsertType':
      expect(t, x => x instanceof Y.Array, 'array', op)
      t.insert(op.index, [newType(op.type, op)])
      break
    case 'xmlInsertElement':
      expect(t, x => x instanceof Y.XmlFragment, 'xml fragment or element', op)
      t.insert(op.index, [new Y.XmlElement(op.nodeName)])
      break
    case 'xmlInsertText': {
      expect(t, x => x instanceof Y.XmlFragment, 'xml fragment or element', op)
      const xt = new Y.XmlText()
      t.insert(op.index, [xt])
      if (op.text) xt.insert(0, op.text)
      break
    }
    case 'xmlSetAttribute':
      expect(t, x => x instanceof Y.XmlElement || x instanceof Y.XmlText, 'xml element or xml text', op)
      t.setAttribute(op.key, op.value)
      break
    case 'xmlDelete':
      expect(t, x => x instanceof Y.XmlFragment, 'xml fragment or element', op)
      t.delete(op.index, op.len)
      break
    default:
      throw new Error(`unknown op kind "${op.kind}"`)
  }
}

class YjsDoc {
  constructor (clientId, gc) {
    this.doc = new Y.Doc({ gc })
    this.doc.clientID = clientId
    // Materialise all roots up front so both engines agree on their types before any update arrives.
    for (const name of ['text', 'map', 'array', 'xml']) root(this.doc, name)
    this.lastUpdate = null
    this.doc.on('update', u => { this.lastUpdate = u })
  }

  apply (u) { Y.applyUpdate(this.doc, u) }
  applyV2 (u) { Y.applyUpdateV2(this.doc, u) }
  encodeState (sv) { return Y.encodeStateAsUpdate(this.doc, sv ?? undefined) }
  encodeStateV2 (sv) { return Y.encodeStateAsUpdateV2(this.doc, sv ?? undefined) }
  stateVector () { return Y.encodeStateVector(this.doc) }

  op (op) {
    this.lastUpdate = null
    this.doc.transact(() => runOp(this.doc, op))
    return this.lastUpdate
  }

  json () { return jsonOf(this.doc) }

  snapshot () { return Y.encodeSnapshot(Y.snapshot(this.doc)) }

  snapshotJson (snap) {
    check(!this.doc.gc, 'snapshotJson needs a document created with gc:false')
    const restored = Y.createDocFromSnapshot(this.doc, Y.decodeSnapshot(snap))
    try {
      return jsonOf(restored)
    } finally {
      restored.destroy()
    }
  }

  close () { this.doc.destroy() }
}

const jsonOf = doc => {
  const text = root(doc, 'text')
  const xml = root(doc, 'xml')
  return {
    text: { string: text.toString(), delta: toWire(text.toDelta(), flatten) },
    map: toWire(root(doc, 'map').toJSON(), flatten),
    array: toWire(root(doc, 'array').toJSON(), flatten),
    xml: { string: xml.toString(), json: toWire(xml.toJSON(), flatten), tree: xmlTree(xml) }
  }
}

/** The XML children as structure (toString loses attribute order and text formatting detail). */
const xmlTree = parent => parent.toArray().map(node => {
  if (node instanceof Y.XmlText) return { text: toWire(node.toDelta(), flatten), attrs: toWire(node.getAttributes(), flatten) }
  if (node instanceof Y.XmlElement) return { element: node.nodeName, attrs: toWire(node.getAttributes(), flatten), children: xmlTree(node) }
  if (node instanceof Y.XmlHook) return { hook: node.hookName, json: toWire(node.toJSON(), flatten) }
  return { other: node.constructor.name }
})

const idStr = id => id == null ? '-' : `${id.client}#${id.clock}`

/** One line per struct and per delete range: enough to see where two encoders part ways. */
const describeUpdate = u => {
  const { structs, ds } = Y.decodeUpdate(u)
  const lines = structs.map(s => {
    if (!(s instanceof Y.Item)) return `${s.constructor.name} ${idStr(s.id)} len ${s.length}`
    const parent = s.parent == null ? '-' : typeof s.parent === 'string' ? `root "${s.parent}"` : idStr(s.parent)
    const content = s.content.constructor.name.replace('Content', '')
    const detail = s.content instanceof Y.ContentFormat ? ` ${s.content.key}=${JSON.stringify(s.content.value)}`
      : s.content instanceof Y.ContentString ? ` ${JSON.stringify(s.content.str)}`
        : s.content instanceof Y.ContentType ? ` typeRef ${s.content.type._legacyTypeRef ?? s.content.type.constructor.name}` : ''
    return `Item ${idStr(s.id)} len ${s.length} left ${idStr(s.origin)} right ${idStr(s.rightOrigin)} parent ${parent}` +
      `${s.parentSub != null ? ` key ${JSON.stringify(s.parentSub)}` : ''} ${content}${detail}`
  })
  for (const [client, ranges] of ds.clients) {
    for (const r of ranges) lines.push(`delete ${client}#${r.clock} len ${r.len}`)
  }
  return lines.join('\n')
}

export const yjsEngine = {
  describeUpdate,
  name: 'yjs',
  newDoc: (clientId, gc) => new YjsDoc(clientId, gc),
  mergeUpdates: us => Y.mergeUpdates(us),
  mergeUpdatesV2: us => Y.mergeUpdatesV2(us),
  diffUpdate: (u, sv) => Y.diffUpdate(u, sv),
  diffUpdateV2: (u, sv) => Y.diffUpdateV2(u, sv),
  stateVectorFromUpdate: u => Y.encodeStateVectorFromUpdate(u),
  stateVectorFromUpdateV2: u => Y.encodeStateVectorFromUpdateV2(u),
  convertV1ToV2: u => Y.convertUpdateFormatV1ToV2(u),
  convertV2ToV1: u => Y.convertUpdateFormatV2ToV1(u)
}

export { fromB64, toB64 }

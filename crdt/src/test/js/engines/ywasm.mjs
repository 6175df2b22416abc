// The oracle's ywasm engine: y-crdt (yrs) compiled to WebAssembly. Its JS API differs from yjs:
// every read and write takes an explicit transaction, XML children are reached by walking
// siblings, and there are no update-level utilities (merge, diff, state vector of an update).
import { createRequire } from 'node:module'
import { check, checkRange, fromWire, toWire } from './wire.mjs'

// ywasm ships a CommonJS wasm-bindgen build only.
const YW = createRequire(import.meta.url)('ywasm')
// Rust panics go to stderr, which NodeOracle.java keeps for its error messages.
YW.setPanicHook()

const unsupported = what => { throw new Error(`unsupported: ${what} (ywasm 0.18.3)`) }

const isShared = v => v instanceof YW.YMap || v instanceof YW.YArray || v instanceof YW.YText ||
  v instanceof YW.YXmlText || v instanceof YW.YXmlElement || v instanceof YW.YXmlFragment

/** Mirrors yjs toJSON for nested types: text and XML flatten to their string form. */
const flattenIn = txn => v => {
  if (v instanceof YW.YMap || v instanceof YW.YArray) return { value: v.toJson(txn) }
  if (v instanceof YW.YText || v instanceof YW.YXmlText || v instanceof YW.YXmlElement || v instanceof YW.YXmlFragment) {
    return { value: v.toString(txn) }
  }
  return null
}

const newType = (type, op) => {
  switch (type) {
    case 'map': return new YW.YMap()
    case 'array': return new YW.YArray()
    case 'text': return new YW.YText()
    case 'xmlText': return new YW.YXmlText(undefined, undefined)
    case 'xmlElement': return new YW.YXmlElement(op.nodeName ?? 'p', undefined, undefined)
    case 'xmlFragment': return new YW.YXmlFragment([])
    default: throw new Error(`unknown type "${type}" (expected map, array, text, xmlText, xmlElement or xmlFragment)`)
  }
}

/**
 * ywasm 0.18.3 turns a Uint8Array into a map of index keys (not Yjs binary) and fails on BigInt
 * halfway through a transaction, which leaves the wasm document unusable. Refuse both up front.
 */
const rejectUnconvertible = (v, where) => {
  if (Array.isArray(v)) return v.forEach((e, i) => rejectUnconvertible(e, `${where}[${i}]`))
  if (v !== null && typeof v === 'object') {
    if (v.$bin !== undefined) unsupported(`binary value at ${where}: ywasm writes a Uint8Array as a map`)
    if (v.$bigint !== undefined) unsupported(`bigint value at ${where}`)
    for (const k of Object.keys(v)) rejectUnconvertible(v[k], `${where}.${k}`)
  }
}

const isXmlParent = t => t instanceof YW.YXmlFragment || t instanceof YW.YXmlElement

const xmlChild = (t, index, txn) => {
  let c = t.firstChild(txn)
  for (let i = 0; i < index && c != null; i++) c = c.nextSibling(txn)
  return c
}

/** The XML children as structure, in the same shape as the yjs engine gives. */
const xmlTree = (parent, txn, flatten) => {
  const out = []
  for (let node = parent.firstChild(txn); node != null; node = node.nextSibling(txn)) {
    if (node instanceof YW.YXmlText) {
      out.push({ text: toWire(node.toDelta(undefined, undefined, undefined, txn), flatten), attrs: toWire(node.attributes(txn) ?? {}, flatten) })
    } else if (node instanceof YW.YXmlElement) {
      out.push({ element: node.name(txn), attrs: toWire(node.attributes(txn) ?? {}, flatten), children: xmlTree(node, txn, flatten) })
    } else {
      out.push({ other: node?.constructor?.name ?? String(node) })
    }
  }
  return out
}

class YwasmDoc {
  constructor (clientId, gc) {
    this.gc = gc
    this.poisoned = null
    this.doc = new YW.YDoc({ clientID: clientId, gc })
    this.roots = {
      text: this.doc.getText('text'),
      map: this.doc.getMap('map'),
      array: this.doc.getArray('array'),
      xml: this.doc.getXmlFragment('xml')
    }
    this.lastUpdate = null
    // Kept referenced: freeing the Observer would unsubscribe.
    this.updateObserver = this.doc.onUpdate(u => { this.lastUpdate = u })
  }

  root (name) {
    const r = this.roots[name]
    check(r, `unknown root "${name}" (expected text, map, array or xml)`)
    return r
  }

  resolve (path, txn) {
    check(Array.isArray(path) && path.length > 0, 'op.path must be a non-empty list starting with a root name')
    let t = this.root(path[0])
    for (let i = 1; i < path.length; i++) {
      const step = path[i]
      let next
      if (t instanceof YW.YMap) {
        next = t.get(String(step), txn)
      } else if (t instanceof YW.YArray) {
        check(Number.isInteger(step) && step >= 0 && step < t.length(txn), `path step ${JSON.stringify(step)} is not an index of YArray of length ${t.length(txn)}`)
        next = t.get(step, txn)
      } else if (isXmlParent(t)) {
        check(Number.isInteger(step) && step >= 0 && step < t.length(txn), `path step ${JSON.stringify(step)} is not an index of the XML node of length ${t.length(txn)}`)
        next = xmlChild(t, step, txn)
      } else {
        throw new Error(`path step ${JSON.stringify(step)} walks into a ${t?.constructor?.name}, which has no children`)
      }
      check(isShared(next), `path ${JSON.stringify(path.slice(0, i + 1))} does not lead to a shared type`)
      t = next
    }
    return t
  }

  runOp (op, txn) {
    const t = this.resolve(op.path, txn)
    if (typeof t.length === 'function') checkRange(op, t.length(txn))
    const expect = (pred, kind) => check(pred(t), `${op.kind} needs a ${kind} at path ${JSON.stringify(op.path)}, found ${t.constructor.name}`)
    const isText = x => x instanceof YW.YText || x instanceof YW.YXmlText
    const attrs = op.attrs ? fromWire(op.attrs) : undefined
    switch (op.kind) {
      case 'textInsert': expect(isText, 'text'); t.insert(op.index, op.text, attrs, txn); break
      case 'textDelete': expect(isText, 'text'); t.delete(op.index, op.len, txn); break
      case 'textFormat': expect(isText, 'text'); t.format(op.index, op.len, attrs, txn); break
      // yjs defaults insertEmbed's attributes to {} (the embed does not inherit formatting); ywasm
      // inherits when given undefined, so pass {} to keep the oracle's semantics those of yjs.
      case 'textInsertEmbed': expect(isText, 'text'); t.insertEmbed(op.index, fromWire(op.embed), attrs ?? {}, txn); break
      case 'mapSet': expect(x => x instanceof YW.YMap, 'map'); t.set(op.key, fromWire(op.value), txn); break
      case 'mapDelete': expect(x => x instanceof YW.YMap, 'map'); t.delete(op.key, txn); break
      case 'mapSetType': expect(x => x instanceof YW.YMap, 'map'); t.set(op.key, newType(op.type, op), txn); break
      case 'arrayInsert': expect(x => x instanceof YW.YArray, 'array'); t.insert(op.index, fromWire(op.values), txn); break
      case 'arrayDelete': expect(x => x instanceof YW.YArray, 'array'); t.delete(op.index, op.len, txn); break
      case 'arrayInsertType': expect(x => x instanceof YW.YArray, 'array'); t.insert(op.index, [newType(op.type, op)], txn); break
      case 'xmlInsertElement':
        expect(isXmlParent, 'xml fragment or element')
        t.insert(op.index, new YW.YXmlElement(op.nodeName, undefined, undefined), txn)
        break
      case 'xmlInsertText':
        expect(isXmlParent, 'xml fragment or element')
        // yjs integrates an empty XmlText then inserts into it; a prelim with text does the same here.
        t.insert(op.index, new YW.YXmlText(op.text || undefined, undefined), txn)
        break
      case 'xmlSetAttribute':
        expect(x => x instanceof YW.YXmlElement || x instanceof YW.YXmlText, 'xml element or xml text')
        t.setAttribute(op.key, op.value, txn)
        break
      case 'xmlDelete': expect(isXmlParent, 'xml fragment or element'); t.delete(op.index, op.len, txn); break
      default: throw new Error(`unknown op kind "${op.kind}"`)
    }
  }

  transact (f) {
    check(this.poisoned == null, `document unusable since an earlier wasm failure (${this.poisoned}); close it and create another`)
    const txn = this.doc.beginTransaction(undefined)
    try {
      return f(txn)
    } catch (e) {
      // A Rust panic (a wasm trap) can leave the document mutably borrowed forever.
      if (e instanceof WebAssembly.RuntimeError) this.poisoned = e.message
      throw e
    } finally {
      try {
        txn.free() // commits
      } catch (e) {
        this.poisoned ??= e?.message ?? String(e)
      }
    }
  }

  apply (u) { this.guard(() => YW.applyUpdate(this.doc, u, undefined)) }
  applyV2 (u) { this.guard(() => YW.applyUpdateV2(this.doc, u, undefined)) }

  guard (f) {
    check(this.poisoned == null, `document unusable since an earlier wasm failure (${this.poisoned}); close it and create another`)
    try {
      return f()
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) this.poisoned = e.message
      throw e
    }
  }
  encodeState (sv) { return YW.encodeStateAsUpdate(this.doc, sv ?? undefined) }
  encodeStateV2 (sv) { return YW.encodeStateAsUpdateV2(this.doc, sv ?? undefined) }
  stateVector () { return YW.encodeStateVector(this.doc) }

  op (op) {
    for (const f of ['value', 'values', 'embed', 'attrs']) {
      if (op[f] !== undefined) rejectUnconvertible(op[f], `op.${f}`)
    }
    this.lastUpdate = null
    this.transact(txn => this.runOp(op, txn))
    return this.lastUpdate
  }

  json () {
    return this.transact(txn => {
      const flatten = flattenIn(txn)
      const { text, map, array, xml } = this.roots
      return {
        text: { string: text.toString(txn), delta: toWire(text.toDelta(undefined, undefined, undefined, txn), flatten) },
        map: toWire(map.toJson(txn), flatten),
        array: toWire(array.toJson(txn), flatten),
        // yjs's XmlFragment.toJSON() is its toString(); ywasm's fragment has no toJson.
        xml: { string: xml.toString(txn), json: xml.toString(txn), tree: xmlTree(xml, txn, flatten) }
      }
    })
  }

  snapshot () { return YW.encodeSnapshotV1(YW.snapshot(this.doc)) }

  snapshotJson (snap) {
    check(!this.gc, 'snapshotJson needs a document created with gc:false')
    const state = YW.encodeStateFromSnapshotV1(this.doc, YW.decodeSnapshotV1(snap))
    const restored = new YwasmDoc(this.doc.id, false)
    try {
      restored.apply(state)
      return restored.json()
    } finally {
      restored.close()
    }
  }

  close () {
    // A poisoned document cannot be freed; leaking it is the lesser evil in a test process.
    if (this.poisoned != null) return
    this.updateObserver.free()
    this.doc.free()
  }
}

export const ywasmEngine = {
  name: 'ywasm',
  describeUpdate: u => YW.debugUpdateV1(u),
  newDoc: (clientId, gc) => new YwasmDoc(clientId, gc),
  mergeUpdates: () => unsupported('mergeUpdates'),
  mergeUpdatesV2: () => unsupported('mergeUpdatesV2'),
  diffUpdate: () => unsupported('diffUpdate'),
  diffUpdateV2: () => unsupported('diffUpdateV2'),
  stateVectorFromUpdate: () => unsupported('encodeStateVectorFromUpdate'),
  stateVectorFromUpdateV2: () => unsupported('encodeStateVectorFromUpdateV2'),
  convertV1ToV2: () => unsupported('convertUpdateFormatV1ToV2'),
  convertV2ToV1: () => unsupported('convertUpdateFormatV2ToV1')
}

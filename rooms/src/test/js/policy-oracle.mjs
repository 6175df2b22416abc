// The yjs side of the room server's rules oracle (AdversarialRulesTests): a long-running process that applies the
// updates the room server accepted to real yjs documents and answers with what each document then holds.
// Driven from JUnit by YjsMirror.java: one JSON command a line on stdin, one JSON reply a line on stdout.
//
//   {"seq": 1, "cmd": "new", "doc": "r7/board"}                     -> {"seq": 1, "ok": true}
//   {"seq": 2, "cmd": "apply", "doc": "r7/board", "update": "<b64>"} -> {"seq": 2, "json": {...}, "sv": {...}, "pending": false}
//   {"seq": 3, "cmd": "close", "doc": "r7/board"}                   -> {"seq": 3, "ok": true}
//
// "json" renders every root the way RulesJson.java renders the Java engine's document, from yjs's own structures
// (_map, _start), so no root has to be given a type first: {"map": {key: value}, "list": [...]} with nested types
// as {"type": "YMap", "map": ..., "list": ...}, adjacent text merged into one string, deleted content left out,
// empty roots left out. Values that JSON cannot carry are tagged ({"$bin"}, {"$undef"}, {"$bigint"}, ...).
// An error answers {"error": "..."}; it never ends the process.
import * as readline from 'node:readline'
import * as Y from 'yjs'

// stdout carries the protocol only; yjs warns with console.log.
console.log = console.info = console.warn = console.debug = (...args) => console.error(...args)

const docs = new Map()

const b64 = bytes => Buffer.from(bytes).toString('base64')

const typeName = t => {
  // Subclasses first: XmlHook is a Map, XmlElement a Fragment, XmlText a Text.
  if (t instanceof Y.XmlHook) return 'YXmlHook'
  if (t instanceof Y.XmlElement) return 'YXmlElement'
  if (t instanceof Y.XmlText) return 'YXmlText'
  if (t instanceof Y.Map) return 'YMap'
  if (t instanceof Y.Array) return 'YArray'
  if (t instanceof Y.Text) return 'YText'
  if (t instanceof Y.XmlFragment) return 'YXmlFragment'
  return 'AbstractType'
}

const value = v => {
  if (v === undefined) return { $undef: true }
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $number: String(v) }
  if (typeof v === 'bigint') return { $bigint: v.toString() }
  if (v instanceof Uint8Array) return { $bin: b64(v) }
  if (Array.isArray(v)) return v.map(value)
  // No prototype: a key "__proto__" stays a key.
  const out = Object.create(null)
  for (const [k, x] of Object.entries(v)) out[k] = value(x)
  return out
}

/** One item's content as it shows in a list (several entries) or as a map value (the last entry). */
const entries = (content, depth) => {
  if (content instanceof Y.ContentString) return [content.str]
  if (content instanceof Y.ContentAny) return content.arr.map(value)
  if (content instanceof Y.ContentJSON) return content.arr.map(value)
  if (content instanceof Y.ContentType) return [render(content.type, depth + 1, false)]
  if (content instanceof Y.ContentBinary) return [{ $bin: b64(content.content) }]
  if (content instanceof Y.ContentEmbed) return [{ $embed: value(content.embed) }]
  if (content instanceof Y.ContentFormat) return [{ $format: content.key, value: value(content.value) }]
  if (content instanceof Y.ContentDoc) return [{ $doc: content.doc.guid }]
  return []
}

const mapValue = (item, depth) => {
  const c = item.content
  if (c instanceof Y.ContentString) return c.str.length > 0 ? c.str[c.str.length - 1] : { $undef: true }
  const all = entries(c, depth)
  return all.length > 0 ? all[all.length - 1] : { $undef: true }
}

const render = (type, depth, root) => {
  if (depth > 200) return { $tooDeep: true }
  const out = Object.create(null)
  if (!root) {
    out.type = typeName(type)
    if (type instanceof Y.XmlElement) out.name = type.nodeName
    if (type instanceof Y.XmlHook) out.name = type.hookName
  }
  const map = Object.create(null)
  let keys = 0
  for (const [k, item] of type._map) {
    if (!item.deleted) {
      map[k] = mapValue(item, depth)
      keys++
    }
  }
  const list = []
  for (let n = type._start; n !== null; n = n.right) {
    if (n.deleted) continue
    for (const e of entries(n.content, depth)) {
      if (typeof e === 'string' && list.length > 0 && typeof list[list.length - 1] === 'string') {
        list[list.length - 1] += e
      } else {
        list.push(e)
      }
    }
  }
  if (keys > 0) out.map = map
  if (list.length > 0) out.list = list
  return out
}

const json = doc => {
  const out = Object.create(null)
  for (const [name, type] of doc.share) {
    const r = render(type, 0, true)
    if (r.map !== undefined || r.list !== undefined) out[name] = r
  }
  return out
}

const stateVector = doc => {
  const sv = Object.create(null)
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) sv[String(client)] = clock
  return sv
}

const check = (ok, message) => { if (!ok) throw new Error(message) }

const docOf = cmd => {
  const d = docs.get(cmd.doc)
  check(d !== undefined, `no document ${JSON.stringify(cmd.doc)}`)
  return d
}

const handlers = {
  hello: () => ({ engine: 'yjs', version: '13.6' }),
  new: cmd => {
    check(typeof cmd.doc === 'string' && !docs.has(cmd.doc), `bad or existing document ${JSON.stringify(cmd.doc)}`)
    // gc on, as the room server's engine; the client id is never used to write.
    docs.set(cmd.doc, new Y.Doc({ gc: true }))
    return { ok: true }
  },
  apply: cmd => {
    const doc = docOf(cmd)
    Y.applyUpdate(doc, Buffer.from(cmd.update, 'base64'))
    return { json: json(doc), sv: stateVector(doc), pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null }
  },
  state: cmd => {
    const doc = docOf(cmd)
    return { json: json(doc), sv: stateVector(doc), pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null }
  },
  close: cmd => {
    docOf(cmd).destroy()
    docs.delete(cmd.doc)
    return { ok: true }
  }
}

const answer = line => {
  let cmd
  try {
    cmd = JSON.parse(line)
  } catch (e) {
    return { error: `not JSON: ${e.message}` }
  }
  const withSeq = reply => ({ seq: cmd?.seq, ...reply })
  try {
    const handler = Object.hasOwn(handlers, cmd?.cmd) ? handlers[cmd.cmd] : null
    check(handler !== null, `unknown cmd ${JSON.stringify(cmd?.cmd)}`)
    return withSeq(handler(cmd))
  } catch (e) {
    return withSeq({ error: `${e?.name ?? 'Error'}: ${e?.message ?? String(e)}` })
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', line => {
  if (line.trim() === '') return
  let out
  try {
    out = JSON.stringify(answer(line))
  } catch (e) {
    out = JSON.stringify({ error: `reply not serialisable: ${e.message}` })
  }
  process.stdout.write(out + '\n')
})
rl.on('close', () => process.exit(0))

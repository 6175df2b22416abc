// Values crossing the JSON line protocol. JSON has no bytes and no big integers, so both travel
// tagged: {"$bin": base64} for Uint8Array (Yjs ContentBinary / Any type 116) and
// {"$bigint": "decimal"} for BigInt (Any type 122). Shared types are flattened to their toJSON.

/** @param {string} b64 */
export const fromB64 = b64 => new Uint8Array(Buffer.from(b64, 'base64'))

/** @param {Uint8Array} bytes */
export const toB64 = bytes => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

/**
 * Decodes a command value into what the engines accept.
 * @param {any} v
 * @returns {any}
 */
export const fromWire = v => {
  if (Array.isArray(v)) return v.map(fromWire)
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v)
    if (keys.length === 1 && keys[0] === '$bin') return fromB64(v.$bin)
    if (keys.length === 1 && keys[0] === '$bigint') return BigInt(v.$bigint)
    const out = {}
    for (const k of keys) out[k] = fromWire(v[k])
    return out
  }
  return v
}

/**
 * Encodes an engine value for a JSON reply.
 * @param {any} v
 * @param {(v: any) => any} [flatten] turns an engine's shared type into its JSON (null when v is none)
 * @returns {any}
 */
export const toWire = (v, flatten) => {
  if (v instanceof Uint8Array) return { $bin: toB64(v) }
  if (typeof v === 'bigint') return { $bigint: v.toString() }
  if (flatten) {
    const flat = flatten(v)
    if (flat !== null) return toWire(flat.value, flatten)
  }
  if (Array.isArray(v)) return v.map(e => toWire(e, flatten))
  if (v instanceof Map) {
    const out = {}
    for (const [k, e] of v) out[k] = toWire(e, flatten)
    return out
  }
  if (v !== null && typeof v === 'object') {
    const out = {}
    for (const k of Object.keys(v)) out[k] = toWire(v[k], flatten)
    return out
  }
  return v
}

/** The four root types every oracle document has, by name, so both sides always agree. */
export const ROOTS = ['text', 'map', 'array', 'xml']

/**
 * @param {any} cond
 * @param {string} message
 */
export const check = (cond, message) => {
  if (!cond) throw new Error(message)
}

/**
 * Range checks done before an op runs, the same in both engines: yjs clamps some out-of-range
 * edits silently while ywasm panics (and a panic inside a transaction leaves the document
 * unusable), so the oracle refuses them up front with one message.
 * @param {any} op
 * @param {number} length the length of the target type (UTF-16 units for text)
 */
export const checkRange = (op, length) => {
  const int = (v, name) => check(Number.isInteger(v) && v >= 0, `op.${name} must be a non-negative integer, got ${JSON.stringify(v)}`)
  if (op.index === undefined) return
  int(op.index, 'index')
  if (op.len !== undefined) {
    int(op.len, 'len')
    check(op.index + op.len <= length, `${op.kind} range [${op.index}, ${op.index + op.len}) out of bounds of length ${length}`)
  } else {
    check(op.index <= length, `${op.kind} index ${op.index} out of bounds of length ${length}`)
  }
}

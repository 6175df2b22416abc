// The differential oracle: a long-running process that answers newline-delimited JSON commands
// on stdin with exactly one JSON line each on stdout. Driven from JUnit by NodeOracle.java.
//
//   node oracle.mjs yjs|ywasm
//
// Binary payloads travel in base64. Errors answer {"error": "..."}; a bad command never ends the
// process. A command may carry "seq"; the reply then echoes it, so a client that gave up waiting
// can tell a late reply from the one it wants. The full protocol is in README.md beside this file.
import * as fs from 'node:fs'
import * as readline from 'node:readline'
import { fromB64, toB64, check } from './engines/wire.mjs'

// stdout carries the protocol only. yjs prints some warnings with console.log (for example
// "[yjs] Changed the client-id because another client seems to be using it."): send them to stderr.
console.log = console.info = console.debug = (...args) => console.error(...args)

const engineName = process.argv[2]
const engines = {
  yjs: async () => (await import('./engines/yjs.mjs')).yjsEngine,
  ywasm: async () => (await import('./engines/ywasm.mjs')).ywasmEngine
}
if (!engines[engineName]) {
  process.stderr.write(`usage: node oracle.mjs yjs|ywasm (got ${JSON.stringify(engineName)})\n`)
  process.exit(2)
}
const engine = await engines[engineName]()

/** @type {Map<string, any>} */
const docs = new Map()

const docOf = cmd => {
  check(typeof cmd.doc === 'string', 'missing "doc" (a string id)')
  const d = docs.get(cmd.doc)
  check(d, `no document "${cmd.doc}" (send {"cmd":"new"} first)`)
  return d
}
const bytes = (cmd, field) => {
  check(typeof cmd[field] === 'string', `missing "${field}" (base64)`)
  return fromB64(cmd[field])
}
const optBytes = (cmd, field) => cmd[field] == null ? null : bytes(cmd, field)
const b64OrNull = u => u == null ? null : toB64(u)

const closeAll = () => {
  const failures = []
  for (const [id, d] of docs) {
    try {
      d.close()
    } catch (e) {
      failures.push(`${id}: ${e?.message ?? e}`)
    }
  }
  docs.clear()
  check(failures.length === 0, `closing failed for ${failures.join('; ')}`)
}

const handlers = {
  hello: () => ({ engine: engine.name }),
  new: cmd => {
    check(typeof cmd.doc === 'string', 'missing "doc" (a string id)')
    check(!docs.has(cmd.doc), `document "${cmd.doc}" exists (close it first)`)
    check(Number.isInteger(cmd.clientId) && cmd.clientId >= 0 && cmd.clientId <= 0xffffffff, '"clientId" must be an integer in [0, 2^32)')
    docs.set(cmd.doc, engine.newDoc(cmd.clientId, cmd.gc !== false))
    return { ok: true }
  },
  apply: cmd => { docOf(cmd).apply(bytes(cmd, 'update')); return { ok: true } },
  applyV2: cmd => { docOf(cmd).applyV2(bytes(cmd, 'update')); return { ok: true } },
  encodeState: cmd => ({ update: toB64(docOf(cmd).encodeState(optBytes(cmd, 'sv'))) }),
  encodeStateV2: cmd => ({ update: toB64(docOf(cmd).encodeStateV2(optBytes(cmd, 'sv'))) }),
  stateVector: cmd => ({ sv: toB64(docOf(cmd).stateVector()) }),
  json: cmd => ({ json: docOf(cmd).json() }),
  op: cmd => {
    check(cmd.op !== null && typeof cmd.op === 'object', 'missing "op" (an object with "kind" and "path")')
    return { update: b64OrNull(docOf(cmd).op(cmd.op)) }
  },
  snapshot: cmd => ({ snapshot: toB64(docOf(cmd).snapshot()) }),
  snapshotJson: cmd => ({ json: docOf(cmd).snapshotJson(bytes(cmd, 'snapshot')) }),
  mergeUpdates: cmd => {
    check(Array.isArray(cmd.updates), 'missing "updates" (a list of base64)')
    return { update: toB64(engine.mergeUpdates(cmd.updates.map(fromB64))) }
  },
  mergeUpdatesV2: cmd => {
    check(Array.isArray(cmd.updates), 'missing "updates" (a list of base64)')
    return { update: toB64(engine.mergeUpdatesV2(cmd.updates.map(fromB64))) }
  },
  diffUpdate: cmd => ({ update: toB64(engine.diffUpdate(bytes(cmd, 'update'), bytes(cmd, 'sv'))) }),
  diffUpdateV2: cmd => ({ update: toB64(engine.diffUpdateV2(bytes(cmd, 'update'), bytes(cmd, 'sv'))) }),
  encodeStateVectorFromUpdate: cmd => ({ sv: toB64(engine.stateVectorFromUpdate(bytes(cmd, 'update'))) }),
  encodeStateVectorFromUpdateV2: cmd => ({ sv: toB64(engine.stateVectorFromUpdateV2(bytes(cmd, 'update'))) }),
  describeUpdate: cmd => ({ text: engine.describeUpdate(bytes(cmd, 'update')) }),
  convertV1ToV2: cmd => ({ update: toB64(engine.convertV1ToV2(bytes(cmd, 'update'))) }),
  convertV2ToV1: cmd => ({ update: toB64(engine.convertV2ToV1(bytes(cmd, 'update'))) }),
  close: cmd => {
    const d = docOf(cmd)
    docs.delete(cmd.doc)
    d.close()
    return { ok: true }
  },
  reset: () => { closeAll(); return { ok: true } }
}

const answer = line => {
  let cmd
  try {
    cmd = JSON.parse(line)
  } catch (e) {
    return { error: `not JSON: ${e.message}` }
  }
  const seq = cmd !== null && typeof cmd === 'object' ? cmd.seq : undefined
  const withSeq = reply => seq === undefined ? reply : { seq, ...reply }
  try {
    check(cmd !== null && typeof cmd === 'object' && !Array.isArray(cmd), 'a command is a JSON object')
    const handler = Object.hasOwn(handlers, cmd.cmd) ? handlers[cmd.cmd] : null
    check(handler, `unknown cmd ${JSON.stringify(cmd.cmd)} (known: ${Object.keys(handlers).join(', ')})`)
    return withSeq(handler(cmd))
  } catch (e) {
    // wasm panics arrive as RuntimeError("unreachable") with the Rust message on stderr.
    return withSeq({ error: `${e?.name ?? 'Error'}: ${e?.message ?? String(e)}` })
  }
}

// ORACLE_TRACE=file appends every command received, to replay a failing scenario by hand.
const trace = process.env.ORACLE_TRACE ? fs.openSync(`${process.env.ORACLE_TRACE}.${engineName}`, 'a') : null

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', line => {
  if (line.trim() === '') return
  if (trace !== null) fs.writeSync(trace, line + '\n')
  let out
  try {
    out = JSON.stringify(answer(line))
  } catch (e) {
    out = JSON.stringify({ error: `reply not serialisable: ${e.message}` })
  }
  process.stdout.write(out + '\n')
})
rl.on('close', () => process.exit(0))

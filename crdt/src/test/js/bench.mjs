// The JS half of the crdt benchmark (cases after dmonad/crdt-benchmarks): yjs (ES module build)
// and ywasm on this machine. One JSON object a line on stdout:
//   {"engine":"yjs","case":"B4","metric":"replay_ms","median":1973.2,"runs":[...]}
// and a table of medians on stderr at the end.
//
//   node --expose-gc bench.mjs [--runs=5] [--engines=yjs,ywasm] [--cases=B1,B2,B3,B4]
//
// Without --expose-gc the heap figure is left out. Each measurement is the median of --runs runs.
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as zlib from 'node:zlib'
import { performance } from 'node:perf_hooks'
import { createRequire } from 'node:module'
import * as Y from 'yjs'

const args = Object.fromEntries(process.argv.slice(2).map(a => a.replace(/^--/, '').split('=')))
const RUNS = Number(args.runs ?? 5)
const ENGINES = (args.engines ?? 'yjs,ywasm').split(',')
const CASES = (args.cases ?? 'B1,B2,B3,B4').split(',')
const N = 6000
const TRACE = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'resources', 'bench', 'automerge-paper.json.gz')

const YW = ENGINES.includes('ywasm') ? createRequire(import.meta.url)('ywasm') : null

/** The few operations the cases need, over each engine's own API. One call = one transaction. */
const engines = {
  yjs: {
    doc: (clientId) => { const d = new Y.Doc(); if (clientId != null) d.clientID = clientId; return d },
    text: d => d.getText('text'),
    array: d => d.getArray('array'),
    map: d => d.getMap('map'),
    insertText: (t, i, s) => t.insert(i, s),
    deleteText: (t, i, n) => t.delete(i, n),
    textString: t => t.toString(),
    insertArray: (a, i, vs) => a.insert(i, vs),
    arrayLength: a => a.length,
    setMap: (m, k, v) => m.set(k, v),
    onUpdate: (d, f) => d.on('update', f),
    encode: (d, sv) => Y.encodeStateAsUpdate(d, sv),
    stateVector: d => Y.encodeStateVector(d),
    apply: (d, u) => Y.applyUpdate(d, u),
    free: d => d.destroy()
  },
  ywasm: YW && {
    doc: (clientId) => new YW.YDoc(clientId != null ? { clientID: clientId } : {}),
    text: d => d.getText('text'),
    array: d => d.getArray('array'),
    map: d => d.getMap('map'),
    insertText: (t, i, s) => t.insert(i, s, undefined, undefined),
    deleteText: (t, i, n) => t.delete(i, n, undefined),
    textString: t => t.toString(undefined),
    insertArray: (a, i, vs) => a.insert(i, vs, undefined),
    arrayLength: a => a.length(undefined),
    setMap: (m, k, v) => m.set(k, v, undefined),
    onUpdate: (d, f) => d.onUpdate(f),
    encode: (d, sv) => YW.encodeStateAsUpdate(d, sv),
    stateVector: d => YW.encodeStateVector(d),
    apply: (d, u) => YW.applyUpdate(d, u, undefined),
    free: d => d.free()
  }
}

/** A seeded PRNG (mulberry32) so every engine and every run sees the same positions. */
const prng = seed => () => {
  seed |= 0; seed = seed + 0x6D2B79F5 | 0
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed)
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t
  return ((t ^ t >>> 14) >>> 0) / 4294967296
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const round = x => Math.round(x * 1000) / 1000
const results = []
const emit = (engine, kase, metric, runs) => {
  const r = { engine, case: kase, metric, median: round(median(runs)), runs: runs.map(round) }
  results.push(r)
  process.stdout.write(JSON.stringify(r) + '\n')
}
const time = f => { const t0 = performance.now(); const v = f(); return [performance.now() - t0, v] }

/**
 * Runs `work(E)` RUNS times; it returns {name: value} per run (times in ms, sizes in bytes).
 * Every metric becomes one line. After the work, the doc's update is encoded and loaded into a
 * fresh document: encode_ms, update_bytes, load_ms.
 */
const measure = (engineName, kase, work) => {
  const E = engines[engineName]
  const per = {}
  for (let r = 0; r < RUNS; r++) {
    const out = work(E)
    for (const [k, v] of Object.entries(out)) (per[k] ??= []).push(v)
  }
  for (const [k, v] of Object.entries(per)) emit(engineName, kase, k, v)
}

/** The usual tail of a B1 case: encode the doc, load the update into a fresh doc. */
const encodeAndLoad = (E, d) => {
  const [encodeMs, update] = time(() => E.encode(d))
  const fresh = E.doc()
  const [loadMs] = time(() => E.apply(fresh, update))
  E.free(fresh)
  E.free(d)
  return { encode_ms: encodeMs, update_bytes: update.length, load_ms: loadMs }
}

const B1 = engineName => {
  const chars = Array.from({ length: N }, (_, i) => String.fromCharCode(97 + i % 26))
  const textCase = (kase, edit) => measure(engineName, kase, E => {
    const d = E.doc(1); const t = E.text(d)
    const rnd = prng(7)
    const [ms] = time(() => edit(E, t, rnd))
    return { apply_ms: ms, ...encodeAndLoad(E, d) }
  })
  textCase('B1.1 append N chars', (E, t) => { for (let i = 0; i < N; i++) E.insertText(t, i, chars[i]) })
  textCase('B1.2 insert string of N chars', (E, t) => E.insertText(t, 0, chars.join('')))
  textCase('B1.3 prepend N chars', (E, t) => { for (let i = 0; i < N; i++) E.insertText(t, 0, chars[i]) })
  textCase('B1.4 insert N chars at random positions', (E, t, rnd) => {
    for (let i = 0; i < N; i++) E.insertText(t, Math.floor(rnd() * (i + 1)), chars[i])
  })
  textCase('B1.6 insert string of N chars, then delete it', (E, t) => { E.insertText(t, 0, chars.join('')); E.deleteText(t, 0, N) })
  const arrayCase = (kase, edit) => measure(engineName, kase, E => {
    const d = E.doc(1); const a = E.array(d)
    const rnd = prng(7)
    const [ms] = time(() => edit(E, a, rnd))
    return { apply_ms: ms, ...encodeAndLoad(E, d) }
  })
  arrayCase('B1.8 append N numbers', (E, a) => { for (let i = 0; i < N; i++) E.insertArray(a, i, [i]) })
  arrayCase('B1.9 insert array of N numbers', (E, a) => E.insertArray(a, 0, Array.from({ length: N }, (_, i) => i)))
  arrayCase('B1.10 prepend N numbers', (E, a) => { for (let i = 0; i < N; i++) E.insertArray(a, 0, [i]) })
  arrayCase('B1.11 insert N numbers at random positions', (E, a, rnd) => {
    for (let i = 0; i < N; i++) E.insertArray(a, Math.floor(rnd() * (i + 1)), [i])
  })
}

const B2 = engineName => {
  /** Two users edit concurrently (no sync), then exchange their full states once. */
  const concurrent = (kase, edit) => measure(engineName, kase, E => {
    const a = E.doc(1); const b = E.doc(2)
    const rnd = prng(11)
    const [editMs] = time(() => { edit(E, a, rnd); edit(E, b, rnd) })
    const ua = E.encode(a); const ub = E.encode(b)
    const [syncMs] = time(() => { E.apply(a, ub); E.apply(b, ua) })
    const out = { apply_ms: editMs, sync_ms: syncMs, ...encodeAndLoad(E, a) }
    E.free(b)
    return out
  })
  concurrent('B2.1 both insert N chars at random positions, then sync', (E, d, rnd) => {
    const t = E.text(d)
    for (let i = 0; i < N; i++) E.insertText(t, Math.floor(rnd() * (i + 1)), 'x')
  })
  concurrent('B2.2 both insert N words at random positions, then sync', (E, d, rnd) => {
    const t = E.text(d); let len = 0
    for (let i = 0; i < N; i++) { E.insertText(t, Math.floor(rnd() * (len + 1)), 'word '); len += 5 }
  })
  concurrent('B2.3 both set one map key N times, then sync', (E, d) => {
    const m = E.map(d)
    for (let i = 0; i < N; i++) E.setMap(m, 'k', i)
  })
  concurrent('B2.4 both append N numbers to an array, then sync', (E, d) => {
    const a = E.array(d)
    for (let i = 0; i < N; i++) E.insertArray(a, i, [i])
  })
}

const B3 = engineName => {
  const clients = Math.round(20 * Math.sqrt(N)) // 1549 clients for N = 6000
  /** Many users each make one change; one document receives all their updates. */
  const many = (kase, edit) => measure(engineName, kase, E => {
    const updates = []
    for (let c = 0; c < clients; c++) {
      const d = E.doc(c + 1)
      edit(E, d, c)
      updates.push(E.encode(d))
      E.free(d)
    }
    const target = E.doc(100000)
    const [ms] = time(() => { for (const u of updates) E.apply(target, u) })
    return { apply_ms: ms, ...encodeAndLoad(E, target) }
  })
  many(`B3.1 ${clients} clients set a map key each, then sync`, (E, d, c) => E.setMap(E.map(d), `k${c}`, c))
  many(`B3.3 ${clients} clients insert text at the start, then sync`, (E, d, c) => E.insertText(E.text(d), 0, `c${c} `))
  many(`B3.4 ${clients} clients append a number to an array, then sync`, (E, d, c) => E.insertArray(E.array(d), 0, [c]))
}

const B4 = engineName => {
  const E = engines[engineName]
  const trace = JSON.parse(zlib.gunzipSync(fs.readFileSync(TRACE)))
  const edits = trace.txns.map(t => t.patches[0])
  const replay = () => {
    const d = E.doc(1); const t = E.text(d)
    for (const [pos, del, ins] of edits) {
      if (del > 0) E.deleteText(t, pos, del)
      if (ins !== '') E.insertText(t, pos, ins)
    }
    return [d, t]
  }
  const replayRuns = []
  const encodeRuns = []
  let update = null
  for (let r = 0; r < RUNS; r++) {
    const [ms, [d, t]] = time(replay)
    replayRuns.push(ms)
    // Every run must end in the paper's final text, or the timing means nothing.
    if (E.textString(t) !== trace.endContent) throw new Error(`${engineName}: B4 replay does not reach endContent`)
    const [encMs, u] = time(() => E.encode(d))
    encodeRuns.push(encMs)
    update = u
    E.free(d)
  }
  emit(engineName, 'B4', 'replay_ms', replayRuns)
  emit(engineName, 'B4', 'encode_ms', encodeRuns)
  emit(engineName, 'B4', 'update_bytes', [update.length])

  // Load: the first load in this process is "cold" (code not yet optimised for it), later ones warm.
  const loadOnce = () => { const d = E.doc(); const [ms] = time(() => E.apply(d, update)); E.free(d); return ms }
  const cold = [loadOnce()]
  const warm = []
  for (let r = 0; r < Math.max(RUNS, 5); r++) warm.push(loadOnce())
  emit(engineName, 'B4', 'load_cold_ms', cold)
  emit(engineName, 'B4', 'load_warm_ms', warm)

  if (typeof global.gc === 'function' && engineName === 'yjs') {
    // JS heap held by one loaded document. Not for ywasm: its document lives in wasm linear memory,
    // which only grows and which process.memoryUsage() does not attribute (heap and external stay flat).
    const heap = []; const ext = []
    for (let r = 0; r < RUNS; r++) {
      global.gc(); global.gc()
      const before = process.memoryUsage()
      const d = E.doc(); E.apply(d, update)
      global.gc(); global.gc()
      const after = process.memoryUsage()
      heap.push(after.heapUsed - before.heapUsed)
      ext.push((after.external + after.arrayBuffers) - (before.external + before.arrayBuffers))
      if (E.textString(E.text(d)).length !== trace.endContent.length) throw new Error('loaded doc lost text')
      E.free(d)
    }
    emit(engineName, 'B4', 'heap_loaded_bytes', heap)
    emit(engineName, 'B4', 'external_loaded_bytes', ext)
  }

  // A room document receiving the updates of 20 clients, each appending small edits to one
  // shared Y.Text; the cost of applying one remote update into the room.
  const perUpdate = []
  for (let r = 0; r < RUNS; r++) {
    const room = E.doc(1000)
    const clients = Array.from({ length: 20 }, (_, i) => E.doc(i + 1))
    const rnd = prng(r + 1)
    const samples = []
    for (let round = 0; round < 100; round++) {
      for (const c of clients) {
        const t = E.text(c)
        const len = E.textString(t).length
        let update = null
        const obs = E.onUpdate(c, u => { update = u })
        E.insertText(t, Math.floor(rnd() * (len + 1)), 'ab ')
        if (engineName === 'yjs') c.off('update', obsFn(c)); else obs.free()
        const [ms] = time(() => E.apply(room, update))
        samples.push(ms * 1000)
      }
      if (round % 10 === 9) { // clients catch up with the room now and then
        for (const c of clients) E.apply(c, E.encode(room, E.stateVector(c)))
      }
    }
    perUpdate.push(median(samples))
    clients.forEach(E.free); E.free(room)
  }
  emit(engineName, 'B4', 'room_remote_update_us', perUpdate)
}

// yjs's `off` needs the same function object `on` got; keep it per doc.
const handlers = new WeakMap()
const obsFn = d => handlers.get(d)
engines.yjs.onUpdate = (d, f) => { handlers.set(d, f); d.on('update', f) }

const suites = { B1, B2, B3, B4 }
for (const engine of ENGINES) {
  if (!engines[engine]) throw new Error(`unknown engine ${engine}`)
  for (const c of CASES) suites[c](engine)
}

// The table of medians, on stderr so stdout stays one JSON object a line.
const keyOf = r => `${r.case} | ${r.metric}`
const rows = new Map()
for (const r of results) { if (!rows.has(keyOf(r))) rows.set(keyOf(r), {}); rows.get(keyOf(r))[r.engine] = r.median }
const w = Math.max(...[...rows.keys()].map(k => k.length))
process.stderr.write(`\n${'case | metric'.padEnd(w)}  ${ENGINES.map(e => e.padStart(12)).join(' ')}\n`)
for (const [k, v] of rows) process.stderr.write(`${k.padEnd(w)}  ${ENGINES.map(e => String(v[e] ?? '-').padStart(12)).join(' ')}\n`)

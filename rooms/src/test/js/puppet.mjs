// Drives real Yjs clients (y-websocket 3.1.0, @hocuspocus/provider 3.4.4) for the room server's integration
// tests. NDJSON on stdin, one answer per command on stdout: {"id": n, "ok": value} or {"id": n, "error": "..."}.
// It also plays the frontend's part of the rejection contract (docs/rooms.md): on a "vetnet.rejected" notice
// the client discards its Y.Doc and joins the document again with a fresh one.
import * as Y from 'yjs'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import readline from 'node:readline'

const VETNET_REJECTED = 100
const clients = new Map() // name -> client
const sockets = new Map() // name -> HocuspocusProviderWebsocket

const authedSocket = (token) => class extends WebSocket {
  constructor (url, protocols) {
    super(url, protocols, token ? { headers: { Authorization: 'Bearer ' + token } } : {})
  }
}

function makeYws (c) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(c.url + '/ws/rooms/' + c.room, c.doc, doc, {
    WebSocketPolyfill: authedSocket(c.token), maxBackoffTime: 500, disableBc: true
  })
  provider.messageHandlers[VETNET_REJECTED] = (encoder, decoder) => {
    const notice = JSON.parse(decoding.readVarString(decoder))
    c.events.push(notice)
    if (c.rejoin) setTimeout(() => rejoin(c), 0)
  }
  provider.on('connection-close', (e) => { if (e) c.closes.push({ code: e.code, reason: e.reason }) })
  const origWarn = console.warn
  c.doc_ = doc
  c.provider = provider
  c.awareness = provider.awareness
  void origWarn
}

function makeHp (c) {
  let ws = sockets.get(c.socket)
  if (!ws) {
    ws = new HocuspocusProviderWebsocket({
      url: c.url + '/ws/rooms/' + c.room,
      WebSocketPolyfill: authedSocket(c.header ? c.token : null),
      maxDelay: 500, minDelay: 50, delay: 100
    })
    ws.on('close', ({ event }) => { for (const o of clients.values()) if (o.socket === c.socket) o.closes.push({ code: event.code, reason: String(event.reason) }) })
    sockets.set(c.socket, ws)
  }
  const doc = new Y.Doc()
  const provider = new HocuspocusProvider({ websocketProvider: ws, name: c.doc, document: doc, token: c.header ? '' : c.token })
  provider.on('stateless', ({ payload }) => {
    const notice = JSON.parse(payload)
    c.events.push(notice)
    if (notice.type === 'vetnet.rejected' && c.rejoin) setTimeout(() => rejoin(c), 0)
  })
  provider.on('authenticationFailed', ({ reason }) => c.events.push({ type: 'authenticationFailed', reason }))
  provider.on('authenticated', ({ scope }) => c.events.push({ type: 'authenticated', scope }))
  provider.attach()
  c.doc_ = doc
  c.provider = provider
  c.awareness = provider.awareness
}

function open (c) {
  c.events = c.events || []
  c.closes = c.closes || []
  c.rejoins = c.rejoins || 0
  if (c.kind === 'yws') makeYws(c); else makeHp(c)
}

// The frontend's answer to a rejection: drop the optimistic copy, join again with a fresh document.
function rejoin (c) {
  c.rejoins++
  c.provider.destroy()
  c.doc_.destroy()
  open(c)
}

function synced (c) {
  if (c.kind === 'yws') return c.provider.synced && c.provider.wsconnected
  return c.provider.synced && c.provider.isAuthenticated && !c.provider.hasUnsyncedChanges
}

const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms))

// A predicate that throws (a map not synced yet after a rejoin) means "not yet"; only the last try may throw.
async function waitFor (pred, ms) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    try {
      if (pred()) return true
    } catch (notYet) {}
    await sleep(10)
  }
  return pred()
}

function run (c, js) {
  // eslint-disable-next-line no-new-func
  return new Function('Y', 'doc', 'awareness', 'client', js)(Y, c.doc_, c.awareness, c)
}

// Seeded random edits by several clients, with random disconnects, on text 't', map 'm' and array 'a'.
function mulberry32 (a) {
  return () => { a |= 0; a = a + 0x6D2B79F5 | 0; let t = Math.imul(a ^ a >>> 15, 1 | a); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296 }
}

async function fuzz ({ names, seed, steps }) {
  const rnd = mulberry32(seed)
  const pick = (n) => Math.floor(rnd() * n)
  for (let i = 0; i < steps; i++) {
    const c = clients.get(names[pick(names.length)])
    const d = c.doc_
    const op = pick(10)
    if (op < 4) {
      const t = d.getText('t')
      if (t.length > 0 && rnd() < 0.3) t.delete(pick(t.length), 1 + pick(Math.min(3, t.length)))
      else t.insert(pick(t.length + 1), 'x' + i)
    } else if (op < 6) {
      d.getMap('m').set('k' + pick(8), i)
    } else if (op < 8) {
      const a = d.getArray('a')
      if (a.length > 0 && rnd() < 0.3) a.delete(pick(a.length))
      else a.insert(pick(a.length + 1), [i])
    } else if (op < 9 && c.kind === 'yws') {
      c.provider.disconnect()
      setTimeout(() => c.provider.connect(), 20 + pick(100))
    } else {
      await sleep(pick(5))
    }
    if (rnd() < 0.2) await sleep(1)
  }
}

const snapshot = (c) => ({ t: c.doc_.getText('t').toString(), m: c.doc_.getMap('m').toJSON(), a: c.doc_.getArray('a').toJSON() })

const commands = {
  open: (cmd) => { const c = { ...cmd }; clients.set(cmd.name, c); open(c); return true },
  waitSynced: async ({ names, ms }) => waitFor(() => names.every(n => synced(clients.get(n))), ms || 10000),
  waitFor: async ({ name, js, ms }) => waitFor(() => run(clients.get(name), js), ms || 10000),
  run: ({ name, js }) => run(clients.get(name), js),
  events: ({ name }) => clients.get(name).events,
  closes: ({ name }) => clients.get(name).closes,
  rejoins: ({ name }) => clients.get(name).rejoins,
  scope: ({ name }) => clients.get(name).provider.authorizedScope ?? null,
  fuzz: async (cmd) => { await fuzz(cmd); return true },
  snapshot: ({ name }) => snapshot(clients.get(name)),
  destroy: ({ name }) => { const c = clients.get(name); c.provider.destroy(); clients.delete(name); return true },
  destroyAll: () => {
    for (const c of clients.values()) c.provider.destroy()
    for (const s of sockets.values()) s.destroy()
    clients.clear(); sockets.clear()
    return true
  },
  // Hostile input: raw frames from a plain socket. Answers the close code and reason the server sent.
  raw: async ({ url, token, frames, text, waitMs }) => {
    const ws = new WebSocket(url, token ? { headers: { Authorization: 'Bearer ' + token } } : {})
    const received = []
    const closed = new Promise(resolve => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
    ws.on('message', (data) => received.push(Buffer.from(data).toString('base64')))
    await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject) })
    for (const f of frames || []) ws.send(Buffer.from(f, 'base64'))
    if (text) ws.send(text)
    const result = await Promise.race([closed, sleep(waitMs || 2000).then(() => null)])
    if (!result) ws.terminate()
    return { close: result, received }
  }
}

process.on('uncaughtException', (e) => console.error('uncaught', e))
process.on('unhandledRejection', (e) => console.error('unhandled', e))
const rl = readline.createInterface({ input: process.stdin })
rl.on('line', async (line) => {
  const cmd = JSON.parse(line)
  try {
    const ok = await commands[cmd.cmd](cmd)
    process.stdout.write(JSON.stringify({ id: cmd.id, ok: ok === undefined ? null : ok }) + '\n')
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: cmd.id, error: String(e && e.stack || e) }) + '\n')
  }
})
rl.on('close', () => process.exit(0))

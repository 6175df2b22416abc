// The reference server of bench/rooms-load.sh: @hocuspocus/server with its defaults (batched broadcasts,
// flushDelay 0) and no extension, so it accepts every token and keeps documents in memory. SIGUSR2 runs a
// full garbage collection (node --expose-gc) before the harness reads resident memory.
import { Server } from '@hocuspocus/server'

const port = Number(process.env.PORT ?? 1234)
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true })
await server.listen()
process.on('SIGUSR2', () => { if (global.gc) global.gc() })
console.log(`hocuspocus ${process.version} listening on ${port}`)

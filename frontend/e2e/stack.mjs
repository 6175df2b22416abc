// Starts what the browser tests run against: the real room server (rooms/ exec jar, in-memory history so no
// Cassandra is needed) and the dev gateway (e2e/dev-gateway.mjs) in front of it serving the built app.
// Ports 18080/18081 by default, so a `./vetnet run` on 8080/8081 is left alone.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevGateway } from './dev-gateway.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '..');
const repo = resolve(frontend, '..');

export function findRoomsJar() {
  if (process.env.VETNET_ROOMS_JAR) return process.env.VETNET_ROOMS_JAR;
  const dir = join(repo, 'rooms', 'target');
  const jar = existsSync(dir) && readdirSync(dir).find((f) => /^vetnet-rooms-.*-exec\.jar$/.test(f));
  return jar ? join(dir, jar) : null;
}

/** True when the jar holds the room API (an early skeleton jar does not). */
function jarHasRoomApi(jar) {
  try {
    return execFileSync('unzip', ['-l', jar], { encoding: 'utf8', maxBuffer: 64 << 20 }).includes('eu/vetnet/rooms/room/RoomController.class');
  } catch {
    return false;
  }
}

/**
 * The java command line of the room server: its exec jar when that is current, else its compiled classes
 * (rooms/target/classes, crdt/target/classes) on the classpath Maven resolves offline. Copies are taken so a
 * concurrent build cannot change them under us.
 */
function roomsCommand(results) {
  const jar = findRoomsJar();
  if (jar && (process.env.VETNET_ROOMS_JAR || jarHasRoomApi(jar))) {
    const copy = join(results, 'rooms.jar');
    copyFileSync(jar, copy);
    return ['-jar', copy];
  }
  const classes = join(repo, 'rooms', 'target', 'classes');
  if (!existsSync(join(repo, 'rooms', 'src')) || !existsSync(join(repo, 'rooms', 'target'))) {
    throw new Error('no room server build: run `mvn -q -pl rooms -am package -DskipTests` once (or set VETNET_ROOMS_JAR / E2E_ROOMS_URL)');
  }
  const cpFile = join(results, 'rooms.classpath');
  execFileSync('mvn', ['-q', '-o', 'dependency:build-classpath', '-pl', 'rooms', `-Dmdep.outputFile=${cpFile}`], { cwd: repo, stdio: 'ignore' });
  const own = join(results, 'rooms-classes');
  // A build running beside us may be rewriting target/classes: copy until the copy is whole.
  for (let attempt = 0; ; attempt++) {
    rmSync(own, { recursive: true, force: true });
    cpSync(classes, join(own, 'rooms'), { recursive: true });
    cpSync(join(repo, 'crdt', 'target', 'classes'), join(own, 'crdt'), { recursive: true });
    const whole = ['rooms/eu/vetnet/rooms/RoomServerApplication.class', 'rooms/eu/vetnet/rooms/room/RoomController.class',
      'rooms/application.yaml', 'crdt/eu/vetnet/crdt/YDoc.class'].every((f) => existsSync(join(own, f)));
    if (whole) break;
    if (attempt >= 40) throw new Error('rooms/target/classes stayed incomplete: run `mvn -q -pl rooms -am package -DskipTests` (or set VETNET_ROOMS_JAR / E2E_ROOMS_URL)');
    execFileSync('sleep', ['3']);
  }
  const deps = readFileSync(cpFile, 'utf8').trim().split(':').filter((p) => !/vetnet-(crdt|testkit)/.test(p));
  return ['-cp', [join(own, 'rooms'), join(own, 'crdt'), ...deps].join(':'), 'eu.vetnet.rooms.RoomServerApplication'];
}

async function waitFor(url, ms, proc) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc && proc.exitCode !== null) throw new Error(`the room server exited with ${proc.exitCode}; see test-results/rooms.log`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not up after ${ms} ms`);
}

export async function startStack({ gatewayPort = Number(process.env.E2E_GATEWAY_PORT ?? 18080), roomsPort = Number(process.env.E2E_ROOMS_PORT ?? 18081) } = {}) {
  const results = join(frontend, 'test-results');
  mkdirSync(results, { recursive: true });
  const issuer = `http://localhost:${gatewayPort}`;
  let rooms;
  let roomsUrl = process.env.E2E_ROOMS_URL;
  if (!roomsUrl) {
    const out = openSync(join(results, 'rooms.log'), 'w');
    rooms = spawn('java', ['-Xmx512m', '-XX:TieredStopAtLevel=1', ...roomsCommand(results),
      `--server.port=${roomsPort}`,
      `--vetnet.rooms.auth.issuer-uri=${issuer}`,
      `--vetnet.rooms.auth.jwk-set-uri=${issuer}/jwks`,
      `--vetnet.rooms.allowed-origins=${issuer}`,
      '--vetnet.history.store=memory',
    ], { stdio: ['ignore', out, out], env: { ...process.env, VETNET_HISTORY_STORE: 'memory' } });
    roomsUrl = `http://localhost:${roomsPort}`;
  }
  const gateway = await startDevGateway({ port: gatewayPort, roomsUrl, staticDir: join(frontend, 'dist') });
  await waitFor(`${roomsUrl}/actuator/health`, 120_000, rooms);
  return {
    baseUrl: issuer,
    roomsUrl,
    async stop() {
      await gateway.close();
      if (rooms && rooms.exitCode === null) {
        rooms.kill('SIGTERM');
        await new Promise((r) => { rooms.once('exit', r); setTimeout(r, 10_000); });
      }
    },
  };
}

/** Debian's Chromium (apt-get install -y chromium); `npx playwright install` cannot download browsers here. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('no Chromium: apt-get install -y chromium chromium-driver (or set CHROMIUM_PATH)');
  return found;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Starts what the browser tests run against: the real product, through the launcher (`./vetnet run` with
// VETNET_SKIP_BUILD=1): the identity server (built-in OIDC issuer, demo users), the room server, the community server and the gateway,
// plus Cassandra and Redis when they are not running yet (deploy/services.sh; what was running stays running).
// Ports 18080 (gateway), 18081 (rooms), 18082 (community), 18083 (learning), 18090 (identity) by default, so a `./vetnet run` on 8080/8081/8090 is
// left alone. E2E_BASE_URL=http://localhost:8080 uses a product that already runs instead.
import { spawn, spawnSync } from 'node:child_process';
import { startMailbox } from './mailbox.mjs';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '..');
const repo = resolve(frontend, '..');
const RESULTS = join(frontend, 'test-results');
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS ?? 600_000);
/** The access-token lifetime and the gateway's refresh margin of the stack started here (ISO-8601 durations). */
export const ACCESS_TOKEN_TTL = 'PT15S';
export const REFRESH_BEFORE_EXPIRY = 'PT5S';

// Set by a caller for its own `./vetnet run`: they would point our servers at theirs (the launcher derives them
// from our ports when they are unset). VETNET_OIDC_ISSUER_URI would replace the built-in issuer whose form we fill.
const DERIVED = ['VETNET_IDENTITY_ISSUER_URI', 'VETNET_IDENTITY_URI', 'VETNET_ROOMS_INSTANCES', 'VETNET_ALLOWED_ORIGINS',
  'VETNET_COMMUNITY_URI', 'VETNET_LEARNING_URI', 'VETNET_LEARNING_ROOMS_URI', 'VETNET_PUBLIC_URL',
  'VETNET_ROOMS_ALLOWEDORIGINS', 'VETNET_IDENTITY_ISSUER_GATEWAY_REDIRECTURIS',
  'VETNET_IDENTITY_ISSUER_GATEWAY_POSTLOGOUTREDIRECTURIS', 'VETNET_OIDC_ISSUER_URI', 'VETNET_FRONTEND_LOCATION'];

function execJar(module) {
  const dir = join(repo, module, 'target');
  const jar = existsSync(dir) && readdirSync(dir).find((f) => f.endsWith('-exec.jar'));
  return jar ? join(dir, jar) : null;
}

/** True when something accepts connections on the port (the launcher would refuse it half-way through). */
function portTaken(port) {
  return new Promise((ok) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => { s.destroy(); ok(true); });
    s.once('error', () => ok(false));
  });
}

async function healthy(url) {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return r.ok && (await r.json()).status === 'UP';
  } catch {
    return false;
  }
}

const tail = (file, n = 30) => (existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n') : '');
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };

export async function startStack({
  gatewayPort = Number(process.env.E2E_GATEWAY_PORT ?? 18080),
  roomsPort = Number(process.env.E2E_ROOMS_PORT ?? 18081),
  identityPort = Number(process.env.E2E_IDENTITY_PORT ?? 18090),
  communityPort = Number(process.env.E2E_COMMUNITY_PORT ?? 18082),
  learningPort = Number(process.env.E2E_LEARNING_PORT ?? 18083),
} = {}) {
  if (process.env.E2E_BASE_URL) {
    const baseUrl = process.env.E2E_BASE_URL.replace(/\/$/, '');
    if (!(await healthy(`${baseUrl}/actuator/health`))) throw new Error(`E2E_BASE_URL ${baseUrl} does not answer /actuator/health`);
    return { baseUrl, accessTokenTtl: undefined, async stop() {} }; // its own token lifetime, whatever it is
  }
  const missing = ['identity', 'rooms', 'community', 'learning', 'gateway'].filter((m) => !execJar(m));
  if (missing.length) {
    throw new Error(`no exec jar for ${missing.join(', ')}: build once with `
      + '`mvn -q -pl identity,rooms,community,learning,frontend,gateway -am package -DskipTests` (in the repository root)');
  }
  const dist = join(frontend, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('no frontend/dist: npm run build');
  for (const [name, port, variable] of [['gateway', gatewayPort, 'E2E_GATEWAY_PORT'], ['rooms', roomsPort, 'E2E_ROOMS_PORT'],
    ['identity', identityPort, 'E2E_IDENTITY_PORT'], ['community', communityPort, 'E2E_COMMUNITY_PORT'],
    ['learning', learningPort, 'E2E_LEARNING_PORT']]) {
    if (await portTaken(port)) {
      throw new Error(`port ${port} (${name}) is taken: stop what listens there (ss -ltnp 'sport = :${port}') or set ${variable}`);
    }
  }

  mkdirSync(join(RESULTS, 'stack-logs'), { recursive: true });
  // Each run makes a keyspace of its own (below); the earlier runs' are dropped first, or they pile up in the embedded
  // Cassandra until its heap no longer holds their schemas (deploy/services.sh drop-keyspaces). Cassandra is started
  // for that when it is not running, and stopped again at the end (the launcher stops only what it started).
  const services = (...args) => spawnSync(join(repo, 'vetnet'), ['services', ...args], { cwd: repo, encoding: 'utf8' });
  let startedCassandra = false;
  if (!process.env.VETNET_CASSANDRA_KEYSPACE) {
    startedCassandra = services('status', 'cassandra').status !== 0;
    const started = services('start', 'cassandra');
    if (started.status !== 0) throw new Error(`Cassandra did not start:\n${started.stdout}${started.stderr}`);
    const dropped = services('drop-keyspaces', 'vetnet_e2e_');
    if (dropped.status !== 0) throw new Error(`the earlier runs' keyspaces were not dropped:\n${dropped.stdout}${dropped.stderr}`);
  }
  // Where the room server's follow-up e-mail goes in this test (e2e/mailbox.mjs): a real SMTP conversation.
  const mailbox = await startMailbox();
  const logFile = join(RESULTS, 'stack.log');
  const out = openSync(logFile, 'w');
  const env = { ...process.env };
  for (const k of DERIVED) delete env[k];
  Object.assign(env, {
    VETNET_SKIP_BUILD: '1',
    VETNET_GATEWAY_PORT: String(gatewayPort),
    VETNET_ROOMS_PORT: String(roomsPort),
    VETNET_IDENTITY_PORT: String(identityPort),
    VETNET_COMMUNITY_PORT: String(communityPort),
    VETNET_LEARNING_PORT: String(learningPort),
    VETNET_LOG_DIR: join(RESULTS, 'stack-logs'),
    // A keyspace of its own for each run: what a run changes (an account it deletes, demo data it edits) never
    // reaches the next run, nor the developer's embedded run in the keyspace "vetnet".
    VETNET_CASSANDRA_KEYSPACE: process.env.VETNET_CASSANDRA_KEYSPACE ?? `vetnet_e2e_${Date.now().toString(36)}`,
    // The app as built now (npm run build), not the copy inside the gateway jar from the last Maven build.
    VETNET_FRONTEND_LOCATION: `file:${dist}/`,
    // C1 only: the three JVMs start markedly faster on 2 cores; the browser, not the servers, is what is timed.
    VETNET_APP_JAVA_OPTS: process.env.VETNET_APP_JAVA_OPTS ?? '-Xmx384m -XX:TieredStopAtLevel=1',
    // Short-lived access tokens (the built-in issuer's vetnet.identity.issuer.access-token-ttl, 5 min by default),
    // renewed by the gateway 5 s before they expire (vetnet.gateway.oidc.refresh-before-expiry): each token
    // relayed to a room socket lives 15 s, so run.mjs's 2-minute stay outlives 8 of them (every other step runs
    // under them too). The room must never show it.
    VETNET_IDENTITY_ISSUER_ACCESSTOKENTTL: process.env.VETNET_IDENTITY_ISSUER_ACCESSTOKENTTL ?? ACCESS_TOKEN_TTL,
    VETNET_GATEWAY_OIDC_REFRESHBEFOREEXPIRY: process.env.VETNET_GATEWAY_OIDC_REFRESHBEFOREEXPIRY ?? REFRESH_BEFORE_EXPIRY,
    SPRING_MAIL_HOST: '127.0.0.1',
    SPRING_MAIL_PORT: String(mailbox.port),
    VETNET_FOLLOWUP_APPURL: `http://localhost:${gatewayPort}`,
    // The community's digest e-mail every 20 s instead of daily: the counselling step waits for alice's.
    VETNET_COMMUNITY_DIGEST_EVERY: process.env.VETNET_COMMUNITY_DIGEST_EVERY ?? '20s',
  });
  // Detached (its own process group): a Ctrl-C in the terminal reaches only us, and stop() is the one thing that
  // ends the launcher, whose trap then stops what it started. Two signals would cut its cleanup short.
  const launcher = spawn(join(repo, 'vetnet'), ['run'], { cwd: repo, env, stdio: ['ignore', out, out], detached: true });
  const exited = new Promise((ok) => launcher.once('exit', (code, signal) => ok(code ?? signal)));
  // The apps' pids, as the launcher prints them: killed by us only if the launcher itself is gone.
  const appPids = () => [...readFileSync(logFile, 'utf8').matchAll(/up in .* \(pid (\d+)\)/g)].map((m) => Number(m[1]));

  let stopping;
  const stop = () => (stopping ??= (async () => {
    if (launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGTERM');
      // The launcher gives each app 30 s to stop before SIGKILL.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 90_000))]);
    }
    for (const pid of appPids()) if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (startedCassandra) services('stop', 'cassandra');
    await mailbox.close();
    process.off('exit', onExit);
  })());
  // Last resort when this process ends without stop() (an uncaught error): no orphaned servers.
  const onExit = () => {
    if (launcher.exitCode === null) launcher.kill('SIGTERM');
  };
  process.on('exit', onExit);

  const baseUrl = `http://localhost:${gatewayPort}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (launcher.exitCode !== null || launcher.signalCode !== null) {
      throw new Error(`./vetnet run exited (${launcher.exitCode ?? launcher.signalCode}) before the gateway was up:\n${tail(logFile)}`);
    }
    if (await healthy(`${baseUrl}/actuator/health`)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the gateway was not healthy after ${START_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { baseUrl, logFile, accessTokenTtl: env.VETNET_IDENTITY_ISSUER_ACCESSTOKENTTL, stop, mailbox };
}

/**
 * Signs in through the real flow: the app finds no session (/api/me answers 401) and goes to the gateway's
 * /oauth2/authorization/vetnet, which sends the browser to the identity server's login form; after the form the
 * issuer redirects to the gateway's callback, which sets the SESSION cookie and returns to the app.
 */
export async function signIn(page, baseUrl, username, password = `${username}-pass`) {
  await page.goto(`${baseUrl}/`);
  await page.waitForSelector('input[name=username]', { timeout: 30_000 });
  if (new URL(page.url()).origin === new URL(baseUrl).origin) throw new Error(`the login form is served by the gateway, not the issuer: ${page.url()}`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('main.lobby', { timeout: 30_000 });
}

/** Debian's Chromium (apt-get install -y chromium); `npx playwright install` cannot download browsers here. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('no Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return found;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

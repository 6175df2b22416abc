// A stand-in for gateway/ while its login is being built: the same contract towards the browser
// (backend-for-frontend: a session cookie, /api/me, /oauth2/authorization/vetnet, POST /logout, /api/** and
// /ws/rooms/** proxied to the room server with the user's token added server-side), and its own tiny OIDC
// issuer (RS256 keys, JWKS, discovery) whose tokens the room server validates like Keycloak's.
// Development and tests only: demo users, no real passwords, sessions in memory.
//
//   node e2e/dev-gateway.mjs [--port 18080] [--rooms http://localhost:18081] [--static dist]
import { createServer, request } from 'node:http';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const DEMO_USERS = {
  alice: { id: 'u-alice', username: 'alice', password: 'alice-pass', displayName: 'Alice Rossi', email: 'alice@example.org', organisation: 'craft-sme-association', language: 'it', roles: ['participant'] },
  fabio: { id: 'u-fabio', username: 'fabio', password: 'fabio-pass', displayName: 'Fabio Weber', email: 'fabio@example.org', organisation: 'northfield-vet-college', language: 'en', roles: ['facilitator'] },
  paula: { id: 'u-paula', username: 'paula', password: 'paula-pass', displayName: 'Paula Schmidt', email: 'paula@example.org', organisation: 'regional-skills-policy-office', language: 'de', roles: ['policymaker'] },
  ada: { id: 'u-ada', username: 'ada', password: 'ada-pass', displayName: 'Ada Admin', email: 'ada@example.org', organisation: '', language: 'en', roles: ['admin'] },
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

const b64url = (buf) => Buffer.from(buf).toString('base64url');

export function startDevGateway({ port = 18080, roomsUrl = 'http://localhost:18081', staticDir = 'dist', log = () => {} } = {}) {
  const issuer = `http://localhost:${port}`;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'dev-' + randomBytes(4).toString('hex');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const sessions = new Map(); // cookie value -> username
  const rooms = new URL(roomsUrl);
  const root = resolve(staticDir);

  function token(user) {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const claims = b64url(JSON.stringify({
      iss: issuer, sub: user.id, aud: 'vetnet-gateway', iat: now, nbf: now - 5, exp: now + 3600,
      preferred_username: user.username, name: user.displayName, email: user.email,
      realm_access: { roles: user.roles }, groups: user.organisation ? [`/organisations/${user.organisation}`] : [],
    }));
    const signature = sign('sha256', Buffer.from(`${header}.${claims}`), privateKey);
    return `${header}.${claims}.${b64url(signature)}`;
  }

  function userOf(req) {
    const m = (req.headers.cookie ?? '').match(/(?:^|;\s*)VETNET_DEV_SESSION=([^;]+)/);
    const name = m && sessions.get(m[1]);
    return name ? DEMO_USERS[name] : undefined;
  }

  function json(res, status, body, headers = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  function login(res, username) {
    const sid = randomBytes(18).toString('base64url');
    sessions.set(sid, username);
    res.writeHead(302, { Location: '/', 'Set-Cookie': [`VETNET_DEV_SESSION=${sid}; Path=/; HttpOnly; SameSite=Lax`, `XSRF-TOKEN=${randomBytes(8).toString('hex')}; Path=/; SameSite=Lax`] });
    res.end();
  }

  function proxy(req, res, user) {
    const headers = { ...req.headers, host: rooms.host };
    delete headers.cookie;
    if (user) headers.authorization = `Bearer ${token(user)}`;
    const up = request({ hostname: rooms.hostname, port: rooms.port, path: req.url, method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', (e) => json(res, 502, { error: 'room server unreachable', message: String(e) }));
    req.pipe(up);
  }

  async function serveStatic(req, res) {
    const path = decodeURIComponent(new URL(req.url, issuer).pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return json(res, 400, { error: 'bad path' });
    try {
      if (!(await stat(file)).isFile()) throw new Error('dir');
    } catch {
      file = join(root, 'index.html'); // the app routes /rooms/{id} itself
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      json(res, 404, { error: 'build the app first: npm run build' });
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, issuer);
    const user = userOf(req);
    const p = url.pathname;
    if (p === '/.well-known/openid-configuration') return json(res, 200, { issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] });
    if (p === '/jwks') return json(res, 200, { keys: [jwk] });
    if (p === '/oauth2/authorization/vetnet') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><title>VET-NET dev sign-in</title><main style="font-family:sans-serif;max-width:360px;margin:60px auto">
<h1>VET-NET (development sign-in)</h1><form method="post" action="/dev/login">
<p><label>User <select name="user">${Object.keys(DEMO_USERS).map((u) => `<option>${u}</option>`).join('')}</select></label></p>
<p><label>Password <input name="password" type="password"></label></p><button>Sign in</button></form></main>`);
    }
    if (p === '/dev/login' && req.method === 'GET') {
      const name = url.searchParams.get('user');
      return DEMO_USERS[name] ? login(res, name) : json(res, 400, { error: 'unknown user' });
    }
    if (p === '/dev/login' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const u = DEMO_USERS[form.get('user')];
        if (!u || u.password !== form.get('password')) {
          res.writeHead(302, { Location: '/oauth2/authorization/vetnet' });
          return res.end();
        }
        login(res, u.username);
      });
      return;
    }
    if (p === '/logout' && req.method === 'POST') {
      const m = (req.headers.cookie ?? '').match(/VETNET_DEV_SESSION=([^;]+)/);
      if (m) sessions.delete(m[1]);
      res.writeHead(302, { Location: '/', 'Set-Cookie': 'VETNET_DEV_SESSION=; Path=/; Max-Age=0' });
      return res.end();
    }
    if (p === '/api/me') {
      if (!user) return json(res, 401, { error: 'not signed in' });
      const { password: _pw, language, ...me } = user;
      return json(res, 200, { ...me, preferredLanguage: language }); // the shape of docs/gateway.md
    }
    if (p.startsWith('/api/')) {
      if (!user) return json(res, 401, { error: 'not signed in' });
      return proxy(req, res, user);
    }
    if (p.startsWith('/actuator/')) return proxy(req, res, undefined);
    return serveStatic(req, res);
  });

  // WebSocket: same-origin check here (browsers send Origin), then the upgrade goes on with the token added.
  server.on('upgrade', (req, socket, head) => {
    const user = userOf(req);
    if (!req.url.startsWith('/ws/rooms/') || !user || (req.headers.origin && req.headers.origin !== issuer)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const headers = { ...req.headers, host: rooms.host, authorization: `Bearer ${token(user)}` };
    delete headers.cookie;
    delete headers.origin;
    const up = request({ hostname: rooms.hostname, port: rooms.port, path: req.url, method: 'GET', headers });
    up.on('upgrade', (r, upstream, upHead) => {
      const lines = [`HTTP/1.1 ${r.statusCode} ${r.statusMessage}`];
      for (let i = 0; i < r.rawHeaders.length; i += 2) lines.push(`${r.rawHeaders[i]}: ${r.rawHeaders[i + 1]}`);
      socket.write(lines.join('\r\n') + '\r\n\r\n');
      if (upHead?.length) socket.write(upHead);
      if (head?.length) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
      const close = () => { upstream.destroy(); socket.destroy(); };
      upstream.on('error', close);
      socket.on('error', close);
      upstream.on('close', close);
      socket.on('close', close);
    });
    up.on('response', (r) => {
      socket.end(`HTTP/1.1 ${r.statusCode} ${r.statusMessage}\r\n\r\n`);
    });
    up.on('error', () => socket.destroy());
    up.end();
    log(`ws ${user.username} ${req.url}`);
  });

  return new Promise((ok) => server.listen(port, () => ok({ server, issuer, token, close: () => new Promise((c) => { server.closeAllConnections?.(); server.close(c); }) })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k, d) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? process.argv[i + 1] : d;
  };
  const port = Number(arg('--port', 18080));
  await startDevGateway({ port, roomsUrl: arg('--rooms', 'http://localhost:18081'), staticDir: arg('--static', 'dist'), log: console.log });
  console.log(`dev gateway on http://localhost:${port} (issuer and JWKS at /jwks)`);
}

// History playback in headless Chromium against the real product (the e2e test's stack, e2e/stack.mjs; issue goal:
// play at 10x without dropped frames). A room is filled through the app as people would fill it: its document takes
// the B4 editing trace (259,778 edits, crdt/src/test/resources/bench/automerge-paper.json.gz) and its board 20,000
// operations (notes made, moved, written in), interleaved and spread over PLAYBACK_SEED_MINUTES (default 4). Then the
// history page plays the whole stretch at each speed asked (PLAYBACK_SPEEDS, default 10): each moment is a frame
// (board SVG and document HTML fetched, decoded, shown together; docs/rooms.md "Restoring"), and a frame still on its
// way when the next moment comes is dropped. Prints a table; asserts nothing (tests never assert on wall-clock times).
// Run: npm run perf:playback (about 8 minutes).
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, chromiumPath, signIn, startStack } from '../e2e/stack.mjs';

const BOARD_OPERATIONS = 20_000;
const CHUNKS = 100;
const SEED_MINUTES = Number(process.env.PLAYBACK_SEED_MINUTES ?? 4);
const SPEEDS = (process.env.PLAYBACK_SPEEDS ?? '10').split(',').map(Number);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5) ?? 0, p95: q(0.95) ?? 0, max: s[s.length - 1] ?? 0 };
};
const f = (x) => x.toFixed(0);

function b4() {
  const trace = JSON.parse(gunzipSync(readFileSync(new URL('../../crdt/src/test/resources/bench/automerge-paper.json.gz', import.meta.url))).toString());
  return trace.txns.flatMap((t) => t.patches);
}

/** In the page: one chunk of the day, board operations and document edits, through the app's own models. */
function applyChunk([ops, edits, first]) {
  const board = window.vetnet.board;
  const notes = window.vetnet.session.open('notes').doc;
  const ids = (window.__seedIds ??= []);
  for (const op of ops) {
    const kind = ids.length === 0 ? 0 : op.kind;
    if (kind < 4) ids.push(board.create({ type: 'note', x: op.x, y: op.y, text: `Idea ${op.n}` }));
    else if (kind < 8) board.moveTo(ids[op.pick % ids.length], op.x, op.y);
    else {
      const id = ids[op.pick % ids.length];
      board.setText(id, `${board.get(id)?.text ?? ''} more`);
    }
  }
  const fragment = notes.getXmlFragment('default');
  if (first && fragment.length === 0) {
    const Y = window.vetnet.yjs;
    notes.transact(() => {
      const p = new Y.XmlElement('paragraph');
      fragment.insert(0, [p]);
      p.insert(0, [new Y.XmlText()]);
    });
  }
  const text = fragment.get(0).get(0);
  for (let i = 0; i < edits.length; i += 100) {
    notes.transact(() => {
      for (const [at, deleted, inserted] of edits.slice(i, i + 100)) {
        if (deleted > 0) text.delete(at, deleted);
        if (inserted) text.insert(at, inserted);
      }
    });
  }
  return ids.length;
}

async function main() {
  const browserPath = chromiumPath();
  const stack = await startStack();
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'vetnet-playback-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(dir, { executablePath: browserPath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1360, height: 820 } });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('pageerror', (e) => console.log(`[fabio] ${e.message}`));
    await signIn(page, stack.baseUrl, 'fabio');
    const room = await page.evaluate(async () => {
      const csrf = decodeURIComponent(document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
      const r = await fetch('/api/rooms', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrf },
        body: JSON.stringify({ title: 'Playback', kind: 'WORKSHOP', access: { participants: [] } }) });
      return r.json();
    });
    await page.goto(`${stack.baseUrl}/rooms/${room.id}`);
    await page.waitForSelector('.conn[data-status="synced"]');

    const trace = b4();
    let random = 42;
    const next = () => (random = (random * 1103515245 + 12345) % 2147483648);
    const started = Date.now();
    let edit = 0;
    for (let c = 0; c < CHUNKS; c++) {
      const ops = [];
      for (let i = 0; i < BOARD_OPERATIONS / CHUNKS; i++) {
        const n = c * (BOARD_OPERATIONS / CHUNKS) + i;
        ops.push({ n, kind: next() % 10, x: next() % 4000, y: next() % 3000, pick: next() });
      }
      const target = Math.floor((trace.length * (c + 1)) / CHUNKS);
      const edits = trace.slice(edit, target);
      edit = target;
      await page.evaluate(applyChunk, [ops, edits, c === 0]);
      await page.waitForSelector('.conn[data-status="synced"]', { timeout: 120_000 });
      // Spread over the stretch asked for, so playing it takes a while.
      const due = started + ((c + 1) * SEED_MINUTES * 60_000) / CHUNKS;
      if (Date.now() < due) await page.waitForTimeout(due - Date.now());
    }
    const seeded = await page.evaluate(() => ({ objects: window.vetnet.store.list().length, chars: window.vetnet.session.open('notes').doc.getXmlFragment('default').toString().length }));
    rows.push([`room filled: ${seeded.objects} board objects, a document of ${seeded.chars} characters of XML`, f((Date.now() - started) / 1000), 's', '']);
    await page.goto('about:blank');
    await page.waitForTimeout(3000);

    for (const speed of SPEEDS) {
      await page.goto(`${stack.baseUrl}/rooms/${room.id}/history`);
      await page.waitForSelector('#replay-at');
      await page.selectOption('#replay-speed', String(speed));
      const span = await page.evaluate(() => {
        const s = document.querySelector('#replay-at');
        return Number(s.max) - Number(s.min);
      });
      await page.focus('#replay-at');
      await page.keyboard.press('Home');
      await page.waitForTimeout(1000);
      await page.evaluate(() => {
        Object.assign(window.vetnetReplay, { frames: 0, shown: 0, dropped: 0, ticks: [] });
        window.vetnetReplay.latencies.length = 0;
      });
      const t0 = Date.now();
      await page.click('button.replay-play');
      await page.waitForFunction(() => document.querySelector('button.replay-play')?.getAttribute('aria-pressed') === 'false',
        null, { timeout: Math.max(120_000, (span / speed) * 3) });
      const played = Date.now() - t0;
      await page.waitForTimeout(2000);
      const r = await page.evaluate(() => window.vetnetReplay);
      const l = stats(r.latencies);
      rows.push([`${speed}x over ${f(span / 1000)} s of the room (${f(played / 1000)} s from the click): frames due`, String(r.frames), '', '']);
      rows.push([`${speed}x: frames shown / dropped (not ready at their moment)`, `${r.shown} / ${r.dropped}`, '', '0 dropped']);
      // The clock: a page too busy to tick on time plays slower than asked, and drops nothing; so the ticks are timed too.
      const gaps = r.ticks.slice(1).map((t, i) => t - r.ticks[i]);
      const g = stats(gaps);
      const ran = r.ticks.length > 1 ? (r.ticks[r.ticks.length - 1] - r.ticks[0]) / 1000 : 0;
      rows.push([`${speed}x: time between ticks (500 ms asked), median / p95 / max`, `${f(g.median)} / ${f(g.p95)} / ${f(g.max)}`, 'ms', '500']);
      rows.push([`${speed}x: speed played (room time / wall time between the first and last tick)`,
        ran ? `${(((r.ticks.length - 1) * 0.5 * speed) / ran).toFixed(1)}x` : '-', '', `${speed}x`]);
      rows.push([`${speed}x: loading the first 9 frames before playing`, f(r.bufferedMs ?? 0), 'ms', '']);
      rows.push([`${speed}x: frame time, asked -> ready (board SVG + document HTML fetched, decoded), median`, f(l.median), 'ms', '']);
      rows.push([`${speed}x: frame time, p95 / max (a frame is asked for 8 ticks, 4 s, before its moment)`, `${f(l.p95)} / ${f(l.max)}`, 'ms', '< 4000']);
    }
  } catch (e) {
    console.error(e);
  } finally {
    await ctx?.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    await stack.stop();
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(12)}      target`);
  for (const [name, value, unit, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(12)} ${unit.padEnd(4)} ${target}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// Accessibility check of one view with axe-core (the engine behind Lighthouse's and Deque's checks), run in the
// page. A view passes when axe finds no violation of serious or critical impact (docs/frontend.md,
// "Accessibility"); moderate and minor ones are printed, not failed on. axe is injected through the DevTools
// protocol, so the gateway's Content-Security-Policy stays as strict in the test as in production.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FAILING = new Set(['serious', 'critical']);

/** The violations of one view, each as "rule (impact): help, at selector...". */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return result;
}

/** Fails (throws) when the view has a serious or critical violation; returns the lesser ones for the log. */
export async function expectAccessible(page, view) {
  const violations = await axeViolations(page);
  const failing = violations.filter((v) => FAILING.has(v.impact));
  const describe = (v) => `${v.id} (${v.impact}): ${v.help}, at ${v.targets.join(' | ')}`;
  if (failing.length) {
    throw new Error(`axe-core, ${view}: ${failing.length} serious or critical violation(s)\n  ${failing.map(describe).join('\n  ')}`);
  }
  return violations.map(describe);
}

// The step runner every e2e/*.e2e.mjs file shares: it launches Debian's
// chromium headless, runs the steps in order (after the first failure the
// rest are reported as not run), keeps a screenshot of a failure, fails the
// file on any uncaught error in the page, and prints "N passed, N failed"
// last. Steps use the page the runner hands to onPage.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.STEWARD_E2E_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Thrown by a step that cannot run here; it counts as passed, marked "# skip". */
export class Skip extends Error {}

/**
 * Runs steps ([name, async fn] pairs) and exits the process.
 * @param {[string, () => Promise<void>][]} steps
 * @param {{
 *   artifacts: string, failureShot: string, onPage: (page: import('playwright-core').Page) => void,
 *   timeout?: number, clipboardOrigin?: string,
 *   consoleProblem?: (text: string) => string | null,
 *   scrub?: (message: string) => string,
 *   after?: () => Promise<void>,
 * }} o
 */
export async function runSteps(steps, o) {
  const scrub = o.scrub ?? ((m) => m);
  const pageErrors = [];
  let currentStep = '';
  let passed = 0;
  let failed = 0;
  let browser;
  let page;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    if (o.clipboardOrigin) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: o.clipboardOrigin }).catch(() => {});
    }
    page = await context.newPage();
    page.setDefaultTimeout(o.timeout ?? 20_000);
    page.on('pageerror', (e) => {
      // The dev server's own injected scripts (/wails/ipc.js mounts a
      // connection overlay) can throw in a plain browser; only the app counts.
      const top = (e.stack ?? '').split('\n').find((l) => l.trim().startsWith('at ')) ?? '';
      if (top.includes('/wails/')) {
        console.log(`# ignored an error thrown by wails dev's own script: ${e.message}`);
        return;
      }
      pageErrors.push(`${e.message} [during: ${currentStep}]${process.env.STEWARD_E2E_STACKS ? `\n${e.stack}` : ''}`);
    });
    if (o.consoleProblem) {
      page.on('console', (m) => {
        const problem = o.consoleProblem(m.text());
        if (problem) pageErrors.push(`${problem} [during: ${currentStep}]`);
      });
    }
    o.onPage(page);
  } catch (e) {
    console.error(`not ok - launch chromium: ${e.message}`);
    failed = steps.length;
  }

  let broken = failed > 0;
  for (const [name, run] of steps) {
    if (broken) {
      if (failed < steps.length) failed++;
      console.log(`not ok - ${name} (not run: an earlier step failed)`);
      continue;
    }
    const started = Date.now();
    currentStep = name;
    try {
      await run();
      passed++;
      console.log(`ok - ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      if (e instanceof Skip) {
        passed++;
        console.log(`ok - ${name} # skip ${e.message}`);
        continue;
      }
      failed++;
      broken = true;
      console.log(`not ok - ${name}: ${scrub(e.message.split('\n')[0])}`);
      await page?.screenshot({ path: join(o.artifacts, o.failureShot) }).catch(() => {});
    }
  }
  if (pageErrors.length > 0) {
    failed++;
    console.log(`not ok - no uncaught errors in the page: ${scrub(pageErrors.join(' | '))}`);
  }
  if (o.after) await o.after().catch(() => {});
  await browser?.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

/** Moderate axe rules that fail the check too, so what was fixed stays fixed:
 * every screen has a top-level heading, and heading levels do not skip. */
const STRICT_RULES = ['page-has-heading-one', 'heading-order'];

const AXE = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core on the page as it is now and throws on any violation of
 * impact serious or critical, or of a rule in STRICT_RULES whatever its
 * impact, naming each rule, its impact and its first targets, and when the
 * page has not exactly one h1. Other lesser findings are printed as
 * comments, not failures.
 * @param {import('playwright-core').Page} page
 * @param {string} name what the page shows, for the message
 */
export async function checkA11y(page, name) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + (n.any?.[0]?.data?.contrastRatio ? ` (${n.any[0].data.fgColor} on ${n.any[0].data.bgColor}: ${n.any[0].data.contrastRatio})` : '')), count: v.nodes.length }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || STRICT_RULES.includes(v.id));
  const h1s = await page.evaluate(() => [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? ''));
  if (h1s.length > 1) bad.push({ id: 'one-h1', impact: 'moderate', targets: h1s.map((h) => `h1 "${h}"`), count: h1s.length });
  for (const v of violations.filter((v) => !bad.includes(v))) console.log(`# a11y ${name}: ${v.id} (${v.impact}) ${v.targets.join(', ')}`);
  if (bad.length > 0) {
    throw new Error(`accessibility (${name}): ${bad.map((v) => `${v.id} [${v.impact}] ×${v.count} at ${v.targets.join(', ')}`).join('; ')}`);
  }
}

// Helpers every suite uses.

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export async function waitForServer(url, ms = 90_000) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = new Error(`HTTP ${res.status}`);
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`server at ${url} not up: ${last?.message ?? 'timeout'}`);
}

/** Calls a bound Go method from page; resolves to {ok, value} or {ok: false, error}. */
export async function callGo(page, path, ...args) {
  return page.evaluate(
    async ([p, a]) => {
      try {
        let fn = window.go;
        for (const part of p.split('.')) fn = fn?.[part];
        if (typeof fn !== 'function') return { ok: false, error: `no binding ${p}` };
        return { ok: true, value: await fn(...a) };
      } catch (e) {
        return { ok: false, error: typeof e === 'string' ? e : (e?.message ?? JSON.stringify(e)) };
      }
    },
    [path, args],
  );
}

// End-to-end test of the Overview, the app's first screen, in a real browser.
//
// Runs against the app served by `wails dev` (default http://localhost:34115,
// override with STEWARD_E2E_URL) and runs FIRST (run.mjs orders it so): on the
// fresh data folder the Overview is a first-run guide. The test registers the
// e2e key (STEWARD_E2E_OPENAI_KEY) through the Keys screen and scans a folder
// holding that key; each guide step ticks itself, and the failing check the
// leak produces (KH-03) opens the Leak scan screen, the one that fixes it.
// The folder and its key are generated at run time: no key is written here.
//
// Steps run in order and depend on each other. Screenshots go to
// e2e/artifacts/overview-*.png. The last line printed is "N passed, N failed".
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, callGo, checkA11y, runSteps, Skip, waitForServer } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const OPENAI_KEY = process.env.STEWARD_E2E_OPENAI_KEY || '';
const EXPORT_DIR = process.env.STEWARD_E2E_EXPORT_DIR || '';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const WORKSPACE = `Overview ${Math.random().toString(36).slice(2, 7)}`;
const KEY_LABEL = 'e2e';
const MEMBER = 'E2E bot';
const SCAN_TIMEOUT = 120_000;

mkdirSync(ARTIFACTS, { recursive: true });

/** @type {import('playwright-core').Page} */
let page;
let folder = '';

const $ = (testid) => `[data-testid="${testid}"]`;
const step = (id) => `${$('guide-step')}[data-step="${id}"]`;

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `overview-${name}.png`), fullPage: false });
}

const goCall = (path, ...args) => callGo(page, path, ...args);

async function openOverview() {
  await page.click($('nav-overview'));
  await page.waitForSelector($('overview-screen'));
  await page.waitForSelector(`${$('overview-guide')}, ${$('error-banner')}`);
  assert((await page.locator($('error-banner')).count()) === 0, 'the overview shows an error banner');
}

async function stepDone(id) {
  return (await page.getAttribute(step(id), 'data-done')) === 'true';
}

async function dismissToasts() {
  for (const b of await page.locator(`${$('toast')} button`).all()) await b.click({ timeout: 1000 }).catch(() => {});
}

const steps = [
  [
    'the app opens on the Overview, a first-run guide',
    async () => {
      await waitForServer(BASE_URL);
      await page.goto(BASE_URL);
      await page.waitForSelector($('screen-overview'));
      await page.waitForSelector($('overview-guide'));
      const ids = await page.locator($('guide-step')).evaluateAll((els) => els.map((el) => el.dataset.step));
      assert(JSON.stringify(ids) === JSON.stringify(['org', 'keys', 'scan', 'moderation', 'gateway', 'privacy']), `the guide's steps are ${ids}`);
      assert(!(await stepDone('keys')), 'the "register keys" step is ticked before any key is registered (run this suite first, on a fresh data folder)');
      assert(!(await stepDone('scan')), 'the "scan" step is ticked before any scan');
      // With no workspace the posture explains what to do next.
      await page.waitForSelector($('overview-no-workspaces'));
      assert((await page.locator($('overview-run')).isDisabled()), 'Run checks is enabled with no workspace to check');
      await shot('01-first-run');
    },
  ],
  [
    'the empty state leads to the checklist; a workspace appears on the Overview',
    async () => {
      await page.click($('overview-open-checklist'));
      await page.waitForSelector($('screen-checklist'));
      const made = await goCall('gui.Checklist.CreateWorkspace', WORKSPACE);
      assert(made.ok, `create the workspace: ${made.error}`);
      await openOverview();
      await page.waitForSelector(`${$('posture')}[data-workspace="${WORKSPACE}"]`);
    },
  ],
  [
    'register a key through the Keys screen: the guide ticks "register keys"',
    async () => {
      if (!OPENAI_KEY) throw new Skip('STEWARD_E2E_OPENAI_KEY is not set');
      await page.click(`${step('keys')} ${$('guide-open')}`);
      await page.waitForSelector($('screen-keys'));
      await page.waitForSelector(`${$('add-key')}:not([disabled])`);
      await page.click($('add-key'));
      await page.waitForSelector($('add-key-dialog'));
      await page.selectOption($('key-member'), MEMBER);
      await page.click($('key-env-dev'));
      await page.fill($('key-label'), KEY_LABEL);
      await page.fill($('key-secret'), OPENAI_KEY);
      await page.click($('key-submit'));
      await page.waitForSelector($('add-key-dialog'), { state: 'detached' });
      await openOverview();
      await page.waitForSelector(`${step('keys')}[data-done="true"]`);
      assert(!(await stepDone('scan')), 'the "scan" step ticked before any scan');
      await shot('02-key-registered');
    },
  ],
  [
    'scan a folder holding the key: the guide ticks "scan"',
    async () => {
      if (!OPENAI_KEY) throw new Skip('STEWARD_E2E_OPENAI_KEY is not set');
      folder = mkdtempSync(join(tmpdir(), 'steward-e2e-overview-'));
      writeFileSync(join(folder, 'app.py'), `client = OpenAI(api_key="${OPENAI_KEY}")\n`);
      await page.click(`${step('scan')} ${$('guide-open')}`);
      await page.waitForSelector($('screen-leakscan'));
      await page.fill($('leak-path-input'), folder);
      await page.click($('leak-path-add'));
      await page.waitForSelector(`${$('leak-folder')}[data-path="${folder}"]`);
      await page.click($('leak-start'));
      await page.waitForSelector($('leak-results'), { timeout: SCAN_TIMEOUT });
      const critical = await page.locator(`${$('leak-finding')}[data-severity="critical"]`).count();
      assert(critical === 1, `the scan found ${critical} critical findings, not the registered key once`);
      // Leave the leak scan's folder list as the leak scan suite expects it.
      await page.evaluate(() => localStorage.removeItem('steward.leakscan.folders'));
      await openOverview();
      await page.waitForSelector(`${step('scan')}[data-done="true"]`);
      assert(await stepDone('keys'), 'the "register keys" step unticked itself');
      await shot('03-scanned');
    },
  ],
  [
    'Run checks shows its progress, then the leak as a failing check first',
    async () => {
      if (!OPENAI_KEY) throw new Skip('STEWARD_E2E_OPENAI_KEY is not set');
      await dismissToasts();
      await page.click($('overview-run'));
      await page.waitForSelector(`${$('overview-run')}[data-state="idle"]:not([disabled])`);
      const card = `${$('posture')}[data-workspace="${WORKSPACE}"]`;
      const kh03 = `${card} ${$('failing-check')}[data-item="KH-03"]`;
      await page.waitForSelector(kh03);
      assert((await page.getAttribute(kh03, 'data-screen')) === 'leakscan', 'KH-03 does not name the Leak scan screen');
      const failing = Number((await page.locator(`${card} ${$('posture-failing')} dd`).innerText()).trim());
      assert(failing >= 1, `the posture counts ${failing} failing checks`);
      // The leak is an open finding too, and opens the Leak scan screen.
      const leak = page.locator(`${$('finding')}[data-source="leakscan"]`);
      assert((await leak.count()) >= 1, 'the leak is not among the open findings');
      await shot('04-failing-check');
    },
  ],
  [
    'a failing check opens the screen that fixes it',
    async () => {
      if (!OPENAI_KEY) throw new Skip('STEWARD_E2E_OPENAI_KEY is not set');
      await page.click(`${$('posture')}[data-workspace="${WORKSPACE}"] ${$('failing-check')}[data-item="KH-03"] ${$('failing-check-fix')}`);
      await page.waitForSelector($('screen-leakscan'));
      assert((await page.evaluate(() => location.hash)).startsWith('#/leakscan'), 'the hash is not the leak scan screen');
    },
  ],
  [
    'the item page shows the check result with its evidence, and an override with a note',
    async () => {
      if (!OPENAI_KEY) throw new Skip('STEWARD_E2E_OPENAI_KEY is not set');
      await page.evaluate((ws) => localStorage.setItem('steward.workspace', ws), WORKSPACE);
      await page.evaluate(() => (location.hash = '#/checklist?item=KH-03'));
      await page.waitForSelector(`${$('item-panel')}[data-item="KH-03"] ${$('check-result')}[data-status="fail"]`);
      const body = await page.locator($('item-panel')).innerText();
      assert(!/on their way|即将推出/.test(body), 'the item page still says its tools are on their way');
      assert(!body.includes(OPENAI_KEY), 'the item page shows the key');
      await page.click(`${$('check-evidence')} summary`);
      const evidence = await page.locator(`${$('check-evidence')} pre`).innerText();
      assert(evidence.includes(folder), `the evidence snapshot does not name the scanned folder: ${evidence.slice(0, 200)}`);
      assert(!evidence.includes(OPENAI_KEY), 'the evidence snapshot holds the key');
      await page.click($('check-override-open'));
      await page.selectOption($('check-override-status'), 'not_applicable');
      await page.click($('check-override-save'));
      await page.waitForSelector(`${$('check-override-form')} [role="alert"]`);
      await page.fill($('check-override-note'), 'Test fixture, not a product folder');
      await page.click($('check-override-save'));
      await page.waitForSelector($('check-override'));
      const note = await page.locator($('check-override')).innerText();
      assert(note.includes('Test fixture'), `the override reads "${note}"`);
      await shot('05-item-check');
      // Back to the check's own verdict for the suites that follow.
      await goCall('gui.Checks.Override', WORKSPACE, 'KH-03', 'todo', 'e2e: back to the check');
    },
  ],
  [
    'Audit bundle… writes a zip',
    async () => {
      if (!EXPORT_DIR) throw new Skip('STEWARD_E2E_EXPORT_DIR is not set, so the save dialog cannot be answered');
      await openOverview();
      await dismissToasts();
      await page.click($('overview-bundle'));
      const toast = page.locator(`${$('toast')}[data-kind="success"]`).last();
      await toast.waitFor();
      const written = readdirSync(EXPORT_DIR).filter((f) => f.startsWith('steward-audit-') && f.endsWith('.zip'));
      assert(written.length >= 1, `no audit bundle in ${EXPORT_DIR}: ${readdirSync(EXPORT_DIR)}`);
      const size = statSync(join(EXPORT_DIR, written[0])).size;
      assert(size > 200, `the bundle is ${size} bytes`);
      await shot('06-bundle');
    },
  ],
  ['the overview screen, as this suite leaves it, has no serious accessibility problem', () => checkA11y(page, 'overview')],
  [
    'the Overview speaks Chinese too',
    async () => {
      await page.click($('nav-settings'));
      await page.waitForSelector(`${$('lang-zh-CN')}:not([disabled])`);
      let initial = 'lang-system';
      for (const id of ['lang-system', 'lang-en', 'lang-zh-CN']) {
        if ((await page.getAttribute($(id), 'aria-checked')) === 'true') initial = id;
      }
      await page.click($('lang-zh-CN'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('总览'), $('nav-overview'));
      await openOverview();
      const text = await page.locator($('overview-screen')).innerText();
      assert(text.includes('入门') && text.includes('运行检查'), `the overview in Chinese reads "${text.slice(0, 160)}"`);
      await shot('07-zh');
      await page.click($('nav-settings'));
      await page.click($(initial));
      await page.waitForSelector(`${$(initial)}[aria-checked="true"]`);
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'overview-failure.png',
  onPage: (p) => (page = p),
  scrub: (m) => (OPENAI_KEY ? m.split(OPENAI_KEY).join('[key]') : m),
  after: async () => {
    if (folder && existsSync(folder)) rmSync(folder, { recursive: true, force: true });
  },
});

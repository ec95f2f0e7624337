// End-to-end test of the Organization screen in a real browser: a key of the
// organization is registered, leaks into a file, is found by a leak scan and
// is revoked in OpenAI from the Leak scan screen's finding.
//
// Runs against the app served by `wails dev` (STEWARD_E2E_URL) and the
// OpenAI stand-in scripts/e2e.sh starts (STEWARD_E2E_OPENAI_URL) with an
// organization whose admin key is STEWARD_E2E_ADMIN_KEY and which holds the
// project key STEWARD_E2E_ORG_KEY; both are generated per run, never written
// here. Steps depend on each other. Screenshots go to e2e/artifacts/org-*.png.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, callGo, checkA11y, runSteps, Skip } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const OPENAI_URL = process.env.STEWARD_E2E_OPENAI_URL || '';
const ADMIN_KEY = process.env.STEWARD_E2E_ADMIN_KEY || '';
const ORG_KEY = process.env.STEWARD_E2E_ORG_KEY || '';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** @type {import('playwright-core').Page} */
let page;
const tag = randomBytes(4).toString('hex');
const fx = { dir: '', member: `E2E Org ${tag}`, label: `e2e-org-${tag}`, baseURL: null };

const $ = (testid) => `[data-testid="${testid}"]`;
function needsOrg() {
  if (!OPENAI_URL || !ADMIN_KEY || !ORG_KEY) {
    throw new Skip('STEWARD_E2E_OPENAI_URL, STEWARD_E2E_ADMIN_KEY and STEWARD_E2E_ORG_KEY are not set');
  }
}
async function waitForServer(url, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`server at ${url} not up`);
}
async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `org-${name}.png`), fullPage: false });
}
const goCall = (path, ...args) => callGo(page, path, ...args);
async function assertNoSecretShown() {
  const html = await page.content();
  for (const s of [ADMIN_KEY, ORG_KEY]) {
    const middle = s.slice(Math.floor(s.length / 2) - 8, Math.floor(s.length / 2) + 8);
    assert(!html.includes(s) && !html.includes(middle), 'part of a generated key is in the page');
  }
}
async function orgTab(id) {
  await page.click($(`tab-${id}`));
  await page.waitForSelector(`#org-panel-${id}`);
}

const steps = [
  [
    'app loads in English with the stand-in as base URL',
    async () => {
      needsOrg();
      await waitForServer(BASE_URL);
      await page.goto(BASE_URL);
      await page.waitForSelector($('screen-overview'));
      await page.click($('nav-settings'));
      await page.click($('lang-en'));
      await page.waitForSelector(`${$('lang-en')}[aria-checked="true"]`);
      const before = await goCall('gui.Settings.BaseURL');
      fx.baseURL = before.ok ? before.value : '';
      const set = await goCall('gui.Settings.SetBaseURL', OPENAI_URL);
      assert(set.ok, `set the base URL: ${set.error}`);
    },
  ],
  [
    'register the organization key and leak it into a file',
    async () => {
      needsOrg();
      const m = await goCall('gui.Keys.AddMember', { name: fx.member, email: '', role: 'E2E' });
      assert(m.ok, `add member: ${m.error}`);
      const k = await goCall('gui.Keys.AddKey', { label: fx.label, member: fx.member, environment: 'dev', notes: '' }, ORG_KEY);
      assert(k.ok, `add key: ${k.error}`);
      fx.dir = mkdtempSync(join(tmpdir(), 'steward-e2e-org-'));
      writeFileSync(join(fx.dir, '.env'), `OPENAI_API_KEY=${ORG_KEY}\n`);
    },
  ],
  [
    'a leak scan finds the registered key',
    async () => {
      needsOrg();
      await page.click($('nav-leakscan'));
      await page.waitForSelector($('screen-leakscan'));
      await page.waitForSelector(`${$('leak-empty')}, ${$('leak-folders')}, ${$('leak-results')}`);
      if (await page.locator($('leak-back')).count()) await page.click($('leak-back'));
      for (const b of await page.locator($('leak-folder-remove')).all()) await b.click();
      await page.fill($('leak-path-input'), fx.dir);
      await page.click($('leak-path-add'));
      await page.waitForSelector(`${$('leak-folder')}[data-path="${fx.dir}"]`);
      await page.click($('leak-start'));
      await page.waitForSelector($('leak-results'), { timeout: 120_000 });
      const text = await page.locator(`${$('leak-group-critical')} ${$('leak-finding')}`).innerText();
      assert(text.includes(fx.label), `the critical finding does not name ${fx.label}: ${text}`);
      await shot('01-leak');
    },
  ],
  [
    'a project key is refused as admin key, the admin key connects and syncs',
    async () => {
      needsOrg();
      await page.click($('nav-org'));
      await page.waitForSelector($('org-screen'));
      await page.waitForSelector(`${$('org-connect')}, ${$('org-status')}`);
      if (await page.locator($('org-status')).count()) await page.click($('org-disconnect'));
      await page.waitForSelector($('org-connect'));
      await page.fill($('org-admin-key'), ORG_KEY);
      await page.click($('org-connect-submit'));
      const banner = page.locator(`${$('org-connect')} ${$('error-banner')}`);
      await banner.waitFor();
      assert((await banner.getAttribute('data-code')) === 'org_not_admin_key', `refused with ${await banner.getAttribute('data-code')}`);
      assert((await banner.innerText()).includes('not an admin key'), 'the refusal does not say why');
      await page.fill($('org-admin-key'), ADMIN_KEY);
      await page.click($('org-connect-submit'));
      await page.waitForSelector($('org-status'));
      const row = page.locator(`${$('org-key-key_e2e_1')}[data-status="registered"]`);
      await row.waitFor();
      assert((await row.innerText()).includes(fx.label), 'the org key is not linked to the registered key');
      await assertNoSecretShown();
      await shot('02-keys');
    },
  ],
  [
    'revoke the leaked key in OpenAI',
    async () => {
      needsOrg();
      // From the Leak scan screen's finding for the registered key.
      await page.click($('nav-leakscan'));
      await page.waitForSelector(`${$('leak-results')}, ${$('leak-folders')}`);
      if (!(await page.locator($('leak-results')).count())) {
        await page.click($('leak-start'));
        await page.waitForSelector($('leak-results'), { timeout: 120_000 });
      }
      const finding = page.locator(`${$('leak-group-critical')} ${$('leak-finding')}`).filter({ hasText: fx.label }).first();
      await finding.locator($('org-link-revoke')).click();
      await page.waitForSelector($('org-revoke-dialog'));
      const call = await page.locator($('org-revoke-call')).innerText();
      assert(call === 'DELETE /organization/projects/proj_e2e/api_keys/key_e2e_1', `the dialog shows ${call}`);
      await shot('03-confirm');
      await page.click($('org-revoke-confirm'));
      await finding.locator($('org-revoked')).waitFor();
      // The Organization screen shows it revoked too.
      await page.click($('nav-org'));
      await page.waitForSelector($('org-screen'));
      await page.waitForSelector(`${$('org-key-key_e2e_1')}[data-status="revoked"]`);
      const keys = await goCall('gui.Keys.Keys');
      const rec = (keys.value ?? []).find((k) => k.label === fx.label);
      assert(rec?.status === 'revoked', `the local record is ${rec?.status}`);
    },
  ],
  [
    'the leak finding says it was revoked in OpenAI; the audit log and settings show',
    async () => {
      needsOrg();
      await orgTab('findings');
      const leak = page.locator(`${$('org-findings')} li[data-kind="leaked"]`).filter({ hasText: fx.label });
      await leak.first().waitFor();
      const text = (await leak.first().innerText()).replace(/\s+/g, ' ');
      assert(text.includes('revoked in OpenAI at'), `the leak finding reads ${text}`);
      await shot('04-findings');
      await orgTab('audit');
      const audit = await page.locator($('org-audit')).innerText();
      assert(audit.includes('api_key.deleted') && audit.includes(fx.label), 'the audit log lacks the deletion');
      await orgTab('settings');
      const settings = await page.locator($('org-project-proj_e2e')).innerText();
      assert(settings.includes('gpt-4o-mini'), `settings read ${settings}`);
      await assertNoSecretShown();
    },
  ],
  ['the org screen, as this suite leaves it, has no serious accessibility problem', () => checkA11y(page, 'org')],
  [
    'disconnect and restore the base URL',
    async () => {
      needsOrg();
      await orgTab('keys');
      await page.click($('org-disconnect'));
      await page.waitForSelector($('org-connect'));
      await goCall('gui.Settings.SetBaseURL', fx.baseURL ?? '');
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'org-failure.png',
  onPage: (p) => (page = p),
  scrub: (m) => [ADMIN_KEY, ORG_KEY].filter(Boolean).reduce((s, k) => s.split(k).join('sk-…'), m),
  after: async () => {
    if (fx.dir) rmSync(fx.dir, { recursive: true, force: true });
  },
});

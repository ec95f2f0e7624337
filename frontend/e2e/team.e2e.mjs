// End-to-end test of Settings → Team database and the Usage screen reading
// the team's log, read-only, in a real browser.
//
// scripts/e2e.sh starts a private PostgreSQL with tools/pgserver when this
// suite runs, seeded with sample team calls, and passes its URL (without the
// password) in STEWARD_E2E_TEAM_URL and the password's file in
// STEWARD_E2E_TEAM_PASSWORD_FILE. Without them every step is skipped.
// Screenshots go to e2e/artifacts/team-*.png, in English and Chinese.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkA11y, runSteps, Skip } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const TEAM_URL = process.env.STEWARD_E2E_TEAM_URL || '';
const PW_FILE = process.env.STEWARD_E2E_TEAM_PASSWORD_FILE || '';
const PASSWORD = PW_FILE ? readFileSync(PW_FILE, 'utf8').trim() : '';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** @type {import('playwright-core').Page} */
let page;
let initialLanguage = '';
const $ = (testid) => `[data-testid="${testid}"]`;

function need() {
  if (!TEAM_URL || !PASSWORD) throw new Skip('no team PostgreSQL (STEWARD_E2E_TEAM_URL)');
}
async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `team-${name}.png`), fullPage: false });
}
async function openSettingsCard() {
  await page.click($('nav-settings'));
  await page.waitForSelector($('team-db-card'));
  await page.locator($('team-db-card')).scrollIntoViewIfNeeded();
}
async function openUsage() {
  await page.click($('nav-usage'));
  await page.waitForSelector($('usage-screen'));
}

const steps = [
  [
    'app loads',
    async () => {
      need();
      await page.goto(BASE_URL);
      await page.waitForSelector($('nav-settings'));
    },
  ],
  [
    'a wrong password gives a clear error that never shows it',
    async () => {
      need();
      await openSettingsCard();
      await page.fill($('team-db-url'), TEAM_URL);
      await page.fill($('team-db-password'), 'wrong-e2e-password');
      await page.click($('team-db-test'));
      await page.waitForSelector($('team-db-error'));
      const text = await page.locator($('team-db-error')).innerText();
      assert(/refused user/.test(text) && !text.includes('wrong-e2e-password'), `error: ${text}`);
      assert((await page.getAttribute($('team-db-password'), 'type')) === 'password', 'the password field is not type=password');
    },
  ],
  [
    'test, then save the team database',
    async () => {
      need();
      await page.fill($('team-db-password'), PASSWORD);
      await page.click($('team-db-test'));
      await page.waitForSelector($('team-db-tested'));
      await page.click($('team-db-save'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('Connected to'), $('team-db-status'));
      assert((await page.inputValue($('team-db-password'))) === '', 'the password stays in the field after saving');
      const card = await page.locator($('team-db-card')).innerText();
      assert(!card.includes(PASSWORD), 'the card shows the password');
      await shot('01-settings-en');
    },
  ],
  [
    'the Usage screen reports on the team log, read-only',
    async () => {
      need();
      await openUsage();
      await page.waitForSelector(`${$('usage-team-banner')}[data-connected="true"]`);
      const banner = await page.locator($('usage-team-banner')).innerText();
      assert(banner.includes('Team log (read-only)') && banner.includes('/team'), `banner: ${banner}`);
      await page.waitForSelector($('usage-totals'));
      const requests = Number((await page.locator($('usage-total-requests')).innerText()).replace(/[^0-9]/g, ''));
      assert(requests > 0, 'the team log shows no requests');
      assert((await page.locator($('tab-reconcile')).count()) === 0, 'the reconciliation tab shows in team mode');
      assert((await page.locator($('tab-settings')).count()) === 0, 'the budget tab shows in team mode');
      assert((await page.locator($('usage-writer-stats')).count()) === 0, 'the local writer stats show in team mode');
      await shot('02-usage-en');
      await page.click($('tab-prices'));
      await page.waitForSelector($('usage-prices'));
      assert((await page.locator($('usage-price-add')).count()) === 0, 'prices can be added in team mode');
      assert((await page.locator($('usage-price-edit')).count()) === 0, 'prices can be edited in team mode');
      await page.click($('tab-overview'));
    },
  ],
  ['the team Usage screen has no serious accessibility problem', async () => (need(), checkA11y(page, 'usage (team)'))],
  [
    'in Chinese: the card and the banner',
    async () => {
      need();
      await page.click($('nav-settings'));
      await page.waitForSelector($('lang-zh-CN'));
      for (const id of ['lang-system', 'lang-en', 'lang-zh-CN']) {
        if ((await page.getAttribute($(id), 'aria-checked')) === 'true') initialLanguage = id;
      }
      await page.click($('lang-zh-CN'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('团队数据库'), $('team-db-card'));
      await page.locator($('team-db-card')).scrollIntoViewIfNeeded();
      await shot('03-settings-zh');
      await openUsage();
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('团队日志（只读）'), $('usage-team-banner'));
      await page.waitForSelector($('usage-totals'));
      await shot('04-usage-zh');
      await page.click($('nav-settings'));
      await page.click($(initialLanguage || 'lang-system'));
      await page.waitForSelector(`${$(initialLanguage || 'lang-system')}[aria-checked="true"]`);
    },
  ],
  [
    'disconnect: Usage shows this computer’s log again',
    async () => {
      need();
      await openSettingsCard();
      await page.click($('team-db-clear'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('Not set'), $('team-db-status'));
      await openUsage();
      await page.waitForSelector(`${$('usage-empty')}, ${$('usage-totals')}`);
      assert((await page.locator($('usage-team-banner')).count()) === 0, 'the team banner stays after disconnecting');
      assert((await page.locator($('tab-reconcile')).count()) === 1, 'the reconciliation tab is not back');
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'team-failure.png',
  timeout: 30_000,
  onPage: (p) => (page = p),
  scrub: (m) => (PASSWORD ? m.replaceAll(PASSWORD, 'xxxxx') : m),
});

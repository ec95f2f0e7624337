// Accessibility of every screen in a real browser: axe-core finds no serious
// or critical violation on any screen in English (light and dark theme) and
// in Chinese, and a task is done with the keyboard alone (Tab to Settings,
// Enter, switch the language there and back).
//
// Runs against the app served by `wails dev` (STEWARD_E2E_URL). Screenshots of a failure go to
// e2e/artifacts/a11y-failure.png.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkA11y, runSteps } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const SCREENS = ['overview', 'checklist', 'keys', 'leakscan', 'moderation', 'usage', 'gateway', 'org', 'privacy', 'settings'];

/** @type {import('playwright-core').Page} */
let page;
const $ = (testid) => `[data-testid="${testid}"]`;

/** Opens each screen in turn and checks it; reports every screen's problems together. */
async function checkEveryScreen(mode) {
  const problems = [];
  for (const s of SCREENS) {
    await page.goto(`${BASE_URL}/#/${s}`);
    await page.waitForSelector($(`screen-${s}`));
    // Let the screen load its data (spinners go, content comes).
    await page.waitForLoadState('networkidle').catch(() => {});
    // The screen's own heading once its chunk and data are in (a loaded
    // machine is slow); without one, axe's page-has-heading-one fails below.
    await page.waitForSelector(`${$(`screen-${s}`)} h1`, { state: 'attached', timeout: 10_000 }).catch(() => {});
    await page.waitForTimeout(400);
    try {
      await checkA11y(page, `${s}, ${mode}`);
    } catch (e) {
      problems.push(e.message);
    }
  }
  if (problems.length > 0) throw new Error(problems.join(' || '));
}

async function setLanguage(id) {
  await page.goto(`${BASE_URL}/#/settings`);
  await page.click($(`lang-${id}`));
  await page.waitForSelector(`${$(`lang-${id}`)}[aria-checked="true"]`);
}

const steps = [
  ['every screen in English, light theme, has no serious accessibility problem', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await setLanguage('en');
    await page.click($('theme-system'));
    await checkEveryScreen('en, light');
  }],
  ['every screen in English, dark theme, has no serious accessibility problem', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkEveryScreen('en, dark');
    await page.emulateMedia({ colorScheme: 'light' });
  }],
  ['every screen in Chinese has no serious accessibility problem', async () => {
    await setLanguage('zh-CN');
    await checkEveryScreen('zh-CN');
  }],
  ['the keyboard alone reaches Settings and switches the language', async () => {
    // A fresh load, so Tab starts at the top of the document.
    await page.goto(`${BASE_URL}/#/overview`);
    await page.reload();
    await page.waitForSelector($('screen-overview'));
    let onSettings = false;
    for (let i = 0; i < 200 && !onSettings; i++) {
      await page.keyboard.press('Tab');
      onSettings = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'nav-settings');
    }
    assert(onSettings, 'Tab never reached the Settings link');
    const ring = await page.evaluate(() => {
      const st = getComputedStyle(document.activeElement);
      return st.outlineStyle !== 'none' || st.boxShadow !== 'none';
    });
    assert(ring, 'the focused Settings link shows no focus ring');
    await page.keyboard.press('Enter');
    await page.waitForSelector($('screen-settings'));
    let onEnglish = false;
    for (let i = 0; i < 200 && !onEnglish; i++) {
      await page.keyboard.press('Tab');
      onEnglish = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'lang-en');
    }
    assert(onEnglish, 'Tab never reached the English language option');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${$('lang-en')}[aria-checked="true"]`);
    assert((await page.getAttribute('html', 'lang'))?.startsWith('en') ?? true, 'the page language is not English after the switch');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${$('lang-system')}[aria-checked="true"]`);
  }],
];

runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'a11y-failure.png',
  onPage: (p) => {
    page = p;
  },
});

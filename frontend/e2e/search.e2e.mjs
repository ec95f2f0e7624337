// End-to-end test of the search palette (Ctrl+K) and the shortcuts sheet (?)
// in a real browser, against the app served by `wails dev` (default
// http://localhost:34115, override with STEWARD_E2E_URL).
//
// A checklist id typed into the palette opens that item on the Checklist; a
// screen's name opens the screen; Escape closes the palette and gives focus
// back; ? (outside a text field) opens the sheet of shortcuts; "g" then "o"
// goes to the Overview. Keys are found by label and never show their secret.
// Screenshots go to e2e/artifacts/search-*.png. The last line printed is
// "N passed, N failed".
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, callGo, runSteps, waitForServer } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const OPENAI_KEY = process.env.STEWARD_E2E_OPENAI_KEY || '';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const WORKSPACE = `Search ${Math.random().toString(36).slice(2, 7)}`;

mkdirSync(ARTIFACTS, { recursive: true });

/** @type {import('playwright-core').Page} */
let page;
let initialLanguage = 'lang-system';

const $ = (testid) => `[data-testid="${testid}"]`;
const PALETTE = `${$('search-palette')}[open]`;
const HELP = `${$('help-sheet')}[open]`;

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `search-${name}.png`), fullPage: false });
}

const goCall = (path, ...args) => callGo(page, path, ...args);

const activeTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');

/** Waits until a dialog is closed (a closed dialog is not visible, so wait for it attached). */
async function closed(testid) {
  await page.waitForSelector(`${$(testid)}:not([open])`, { state: 'attached' });
}

/** Opens the palette with Ctrl+K and waits until everything is loaded into it. */
async function openPalette() {
  await page.keyboard.press('Control+k');
  await page.waitForSelector(PALETTE);
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), $('search-input'));
}

/** Types a query and waits until the first result is the wanted one. */
async function searchFor(query, group, id) {
  await page.fill($('search-input'), query);
  const first = `${$('search-result')}[aria-selected="true"][data-group="${group}"][data-id="${id}"]`;
  try {
    await page.waitForSelector(first, { timeout: 10_000 });
  } catch {
    const shown = await page.locator($('search-result')).evaluateAll((els) => els.map((e) => `${e.dataset.group}:${e.dataset.id}`));
    throw new Error(`"${query}" does not put ${group}:${id} first; the palette shows ${shown.slice(0, 8).join(', ') || 'nothing'}`);
  }
}

const steps = [
  [
    'the app opens; a workspace holds the checklist',
    async () => {
      await waitForServer(BASE_URL);
      await page.goto(BASE_URL);
      await page.waitForSelector($('screen-overview'));
      const list = await goCall('gui.Checklist.ListWorkspaces');
      assert(list.ok, `list workspaces: ${list.error}`);
      if ((list.value ?? []).length === 0) {
        const made = await goCall('gui.Checklist.CreateWorkspace', WORKSPACE);
        assert(made.ok, `create a workspace: ${made.error}`);
      }
    },
  ],
  [
    'Ctrl+K opens a labelled modal dialog with the input focused; the screens are listed',
    async () => {
      await page.focus($('nav-overview'));
      await openPalette();
      const dialog = page.locator($('search-palette'));
      assert((await dialog.getAttribute('aria-modal')) === 'true', 'the palette is not aria-modal');
      const labelledBy = await dialog.getAttribute('aria-labelledby');
      const label = labelledBy ? await page.locator(`#${labelledBy}`).textContent() : '';
      assert(label?.trim(), 'the palette has no label');
      const role = await dialog.evaluate((el) => el.getAttribute('role') ?? (el.tagName === 'DIALOG' ? 'dialog' : ''));
      assert(role === 'dialog', `the palette's role is "${role}"`);
      const screens = await page.locator(`${$('search-result')}[data-group="screen"]`).count();
      assert(screens >= 10, `an empty query lists ${screens} screens`);
      await shot('01-open');
    },
  ],
  [
    'typing a checklist id and Enter opens that item on the Checklist',
    async () => {
      await searchFor('KH-03', 'item', 'KH-03');
      await shot('02-item');
      await page.keyboard.press('Enter');
      await closed('search-palette');
      await page.waitForSelector($('screen-checklist'));
      await page.waitForSelector(`${$('item-panel')}[data-item="KH-03"]`);
    },
  ],
  [
    'typing a screen name opens the screen; arrow keys move the choice',
    async () => {
      await openPalette();
      await searchFor('leak scan', 'screen', 'leakscan');
      const before = await page.locator(`${$('search-result')}[aria-selected="true"]`).getAttribute('data-id');
      await page.keyboard.press('ArrowDown');
      const after = await page.locator(`${$('search-result')}[aria-selected="true"]`).getAttribute('data-id');
      const total = await page.locator($('search-result')).count();
      assert(total < 2 || after !== before, `ArrowDown kept ${before} chosen`);
      await page.keyboard.press('ArrowUp');
      await page.waitForSelector(`${$('search-result')}[aria-selected="true"][data-id="leakscan"]`);
      await page.keyboard.press('Enter');
      await page.waitForSelector($('screen-leakscan'));
    },
  ],
  [
    'a key is found by its label, never by or with its secret',
    async () => {
      const keys = await goCall('gui.Keys.Keys');
      const labels = keys.ok ? (keys.value ?? []).map((k) => k.label) : [];
      await openPalette();
      if (labels.includes('e2e')) {
        await searchFor('e2e', 'key', 'e2e');
        const text = await page.locator($('search-palette')).innerText();
        assert(!OPENAI_KEY || !text.includes(OPENAI_KEY), 'the palette shows the key');
        assert(text.includes('…'), 'the key row shows no redacted form');
      }
      if (OPENAI_KEY) {
        await page.fill($('search-input'), OPENAI_KEY.slice(0, 30));
        await page.waitForSelector(`${$('search-result')}[data-group="key"]`, { state: 'detached', timeout: 5000 }).catch(() => {});
        const hits = await page.locator(`${$('search-result')}[data-group="key"]`).count();
        assert(hits === 0, `part of a key's secret finds ${hits} key(s)`);
      }
      await page.keyboard.press('Escape');
      await closed('search-palette');
    },
  ],
  [
    'Escape closes the palette and gives focus back',
    async () => {
      await page.focus($('nav-keys'));
      await openPalette();
      await page.keyboard.press('Escape');
      await closed('search-palette');
      const focused = await activeTestId();
      assert(focused === 'nav-keys', `focus went to ${focused}, not back to the Keys link`);
    },
  ],
  [
    '? opens the shortcuts sheet (not while typing); Escape closes it',
    async () => {
      await openPalette();
      await page.keyboard.type('?');
      assert((await page.locator(HELP).count()) === 0, '? typed into the search field opened the sheet');
      await page.keyboard.press('Escape');
      await closed('search-palette');
      await page.focus($('nav-keys'));
      await page.keyboard.press('?');
      await page.waitForSelector(HELP);
      const sheet = page.locator($('help-sheet'));
      assert((await sheet.getAttribute('aria-modal')) === 'true', 'the sheet is not aria-modal');
      const text = await sheet.innerText();
      for (const want of ['Ctrl', 'K', '?', 'Esc', 'Overview']) assert(text.includes(want), `the sheet does not mention "${want}": ${text.slice(0, 200)}`);
      await shot('03-help');
      await page.keyboard.press('Escape');
      await closed('help-sheet');
      assert((await activeTestId()) === 'nav-keys', 'focus did not go back after the sheet closed');
    },
  ],
  [
    'g then o goes to the Overview',
    async () => {
      await page.click($('nav-settings'));
      await page.waitForSelector($('screen-settings'));
      await page.focus($('nav-settings'));
      await page.keyboard.press('g');
      await page.keyboard.press('o');
      await page.waitForSelector($('screen-overview'));
    },
  ],
  [
    'the palette and the sheet speak Chinese too',
    async () => {
      await page.click($('nav-settings'));
      await page.waitForSelector(`${$('lang-zh-CN')}:not([disabled])`);
      for (const id of ['lang-system', 'lang-en', 'lang-zh-CN']) {
        if ((await page.getAttribute($(id), 'aria-checked')) === 'true') initialLanguage = id;
      }
      await page.click($('lang-zh-CN'));
      await page.waitForSelector(`${$('lang-zh-CN')}[aria-checked="true"]`);
      await openPalette();
      await searchFor('KH-03', 'item', 'KH-03');
      const text = await page.locator($('search-palette')).innerText();
      assert(text.includes('检查项'), `the palette in Chinese reads "${text.slice(0, 160)}"`);
      await shot('04-zh');
      await page.keyboard.press('Escape');
      await closed('search-palette');
      await page.focus($('nav-settings'));
      await page.keyboard.press('?');
      await page.waitForSelector(HELP);
      const help = await page.locator($('help-sheet')).innerText();
      assert(help.includes('键盘快捷键'), `the sheet in Chinese reads "${help.slice(0, 160)}"`);
      await page.keyboard.press('Escape');
      await closed('help-sheet');
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'search-failure.png',
  onPage: (p) => (page = p),
  scrub: (m) => (OPENAI_KEY ? m.split(OPENAI_KEY).join('[key]') : m),
  after: async () => {
    // Leave the language as it was for the suites after this one.
    await page.click($('nav-settings')).catch(() => {});
    await page.click($(initialLanguage)).catch(() => {});
    await page.waitForSelector(`${$(initialLanguage)}[aria-checked="true"]`, { timeout: 5000 }).catch(() => {});
  },
});

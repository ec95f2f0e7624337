// End-to-end test of the checklist flow in a real browser.
//
// Runs against the app served by `wails dev` (default http://localhost:34115,
// override with STEWARD_E2E_URL). For exports the Go side skips the save
// dialog when STEWARD_E2E_EXPORT_DIR is set. The UI can also be exercised
// against the in-browser mock: STEWARD_E2E_URL='http://localhost:5173/?mock'.
//
// Steps run in order and depend on each other: after the first failure the
// rest are reported as failed without running. A screenshot of every step
// goes to e2e/artifacts/. The last line printed is "N passed, N failed".
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkA11y, runSteps, waitForServer } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const STEP_TIMEOUT = 20_000;
const WORKSPACE = `E2E ${new Date().toISOString().slice(0, 19).replace('T', ' ')}`;

mkdirSync(ARTIFACTS, { recursive: true });

/** @type {import('playwright-core').Page} */
let page;
// Item ids picked from the live list (the catalogue is the Go side's).
const picked = { done: '', na: '', notes: '' };
let initialLanguage = '';

const $ = (testid) => `[data-testid="${testid}"]`;

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

async function openItem(id) {
  await page.click($(`item-row-${id}`));
  await page.waitForSelector(`${$('item-panel')}[data-item="${id}"]`);
}

async function toast(kind) {
  const sel = `${$('toast')}[data-kind="${kind}"]`;
  await page.waitForSelector(sel);
  return page.locator(sel).last();
}

async function dismissToasts() {
  for (const b of await page.locator(`${$('toast')} button`).all()) await b.click({ timeout: 1000 }).catch(() => {});
}

const steps = [
  [
    'app loads on the Overview and the checklist opens from the sidebar',
    async () => {
      await waitForServer(BASE_URL);
      await page.goto(BASE_URL);
      await page.waitForSelector($('screen-overview'));
      await page.click($('nav-checklist'));
      await page.waitForSelector($('screen-checklist'));
      // Either the empty state or a workspace toolbar, never a stuck spinner.
      await page.waitForSelector(`${$('no-workspaces')}, ${$('workspace-picker')}, ${$('error-banner')}`);
      assert((await page.locator($('error-banner')).count()) === 0, 'an error banner is shown on start');
      await shot('01-start');
    },
  ],
  [
    'create a workspace',
    async () => {
      if (await page.locator($('no-workspaces')).count()) {
        await page.click($('create-workspace'));
      } else {
        await page.click($('workspace-picker'));
        await page.click($('workspace-new'));
      }
      await page.fill($('workspace-name-input'), WORKSPACE);
      await shot('02-create-workspace');
      await page.click($('workspace-create-submit'));
      await page.waitForSelector($('wizard-step-product'));
    },
  ],
  [
    'run the onboarding wizard',
    async () => {
      await page.click($('wizard-flag-consumer'));
      await page.click($('wizard-flag-chatbot'));
      await shot('03-wizard');
      await page.click($('wizard-next'));
      await page.click($('wizard-flag-medical'));
      await page.click($('wizard-next'));
      await page.click($('wizard-next'));
      await page.click($('wizard-flag-eu'));
      await page.click($('wizard-apply'));
      const summary = await page.waitForSelector($('wizard-result-summary'));
      assert(/\d/.test(await summary.innerText()), 'the wizard result shows no counts');
      await shot('04-wizard-result');
      await page.click($('wizard-close'));
      await page.waitForSelector($('wizard'), { state: 'hidden' });
      const current = await page.locator($('workspace-current')).innerText();
      assert(current.trim() === WORKSPACE, `current workspace is "${current}", not the new one`);
      await page.waitForSelector($('item-list'));
      await page.waitForSelector($('progress'));
      await shot('05-checklist');
    },
  ],
  [
    'sources cite public documents, in English in the English UI',
    async () => {
      await openItem('DP-17');
      await page.waitForSelector($('guidance'));
      const text = await page.locator(`${$('guidance')} .sources`).innerText();
      assert(text.includes('Personal Information Protection Law of the PRC'), `DP-17 sources lack the PIPL in English: ${text}`);
      assert(!/[\u4e00-\u9fff]/.test(text), `Chinese in the English sources: ${text}`);
      assert(!/\bseed\b|\.txt\b/i.test(text), `an internal file name in the sources: ${text}`);
      const links = await page.locator(`${$('guidance')} .sources a`).count();
      assert(links >= 2, `DP-17 shows ${links} source links, want every source linked`);
      await shot('05b-sources');
      await page.click($('item-close'));
    },
  ],
  [
    'mark an item done, with owner and due date',
    async () => {
      const todo = page.locator('[data-testid^="item-row-"][data-status="todo"]');
      assert((await todo.count()) >= 3, 'fewer than 3 items to do after the wizard');
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await todo.nth(i).getAttribute('data-testid')).replace('item-row-', ''));
      [picked.done, picked.na, picked.notes] = ids;

      await openItem(picked.done);
      await page.selectOption($('item-status'), 'done');
      await page.waitForSelector(`${$(`item-row-${picked.done}`)}[data-status="done"]`);
      await page.fill($('item-owner'), 'Alice');
      await page.press($('item-owner'), 'Enter');
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent?.includes('Alice'),
        `${$(`item-row-${picked.done}`)} ${$('item-row-owner')}`,
      );
      await page.fill($('item-due'), '2031-06-30');
      await page.waitForSelector(`${$(`item-row-${picked.done}`)} ${$('item-row-due')}`);
      await shot('06-item-done');
    },
  ],
  [
    'mark an item not applicable with a reason',
    async () => {
      await openItem(picked.na);
      await page.selectOption($('item-status'), 'not_applicable');
      await page.waitForSelector($('reason-input'));
      await shot('07-reason-dialog');
      await page.fill($('reason-input'), 'We have no users in this category.');
      await page.click($('reason-submit'));
      await page.waitForSelector(`${$(`item-row-${picked.na}`)}[data-status="not_applicable"]`);
      const reason = await page.inputValue($('item-reason'));
      assert(reason.includes('no users'), `reason field shows "${reason}"`);
    },
  ],
  [
    'write notes, set an overdue date and add URL evidence',
    async () => {
      await openItem(picked.notes);
      await page.fill($('item-notes'), 'Reviewed with legal on Monday.');
      await page.locator($('item-notes')).blur();
      await page.waitForSelector(`label[for="item-notes"] ${$('saved-indicator')}[data-state="saved"]`);
      await page.fill($('item-owner'), 'Bob');
      await page.press($('item-owner'), 'Enter');
      await page.fill($('item-due'), '2020-01-15');
      await page.waitForSelector(`${$(`item-row-${picked.notes}`)} ${$('item-row-due')}`);
      await page.click($('tab-evidence'));
      await page.click($('evidence-kind-url'));
      await page.fill($('evidence-ref'), 'https://example.com/dpa.pdf');
      await page.fill($('evidence-label'), 'Signed DPA');
      await page.click($('evidence-add'));
      await page.waitForSelector(`${$('evidence-item')}[data-kind="url"]`);
      const text = await page.locator($('evidence-list')).innerText();
      assert(text.includes('Signed DPA'), 'the evidence list lacks the new link');
      await shot('08-evidence');
    },
  ],
  [
    'history shows the changes',
    async () => {
      await page.click($('tab-history'));
      await page.waitForSelector($('history-entry'));
      const fields = await page.locator($('history-entry')).evaluateAll((els) => els.map((e) => e.dataset.field));
      for (const f of ['notes', 'owner', 'due', 'evidence']) {
        assert(fields.includes(f), `history lacks a "${f}" entry (has: ${fields.join(', ')})`);
      }
      await shot('09-history');
      await openItem(picked.done);
      await page.click($('tab-history'));
      await page.waitForSelector(`${$('history-entry')}[data-field="status"]`);
    },
  ],
  [
    'progress reflects the changes',
    async () => {
      await page.click($('item-close'));
      const percent = await page.locator($('progress-percent')).innerText();
      assert(/^[1-9]\d*%$/.test(percent.trim()), `overall progress is "${percent}" after marking an item done`);
      await page.waitForFunction((sel) => /[1-9]/.test(document.querySelector(sel)?.textContent ?? ''), $('progress-overdue'));
      await page.click($('progress-overdue'));
      await page.waitForSelector($(`item-row-${picked.notes}`));
      const rows = await page.locator('[data-testid^="item-row-"]').count();
      assert(rows >= 1, 'the overdue filter shows no rows');
      await shot('10-overdue-filter');
      await page.click($('filter-clear'));
    },
  ],
  [
    'switch the theme to dark and back, and test the connection, in Settings',
    async () => {
      await page.click($('nav-settings'));
      await page.waitForSelector($('about'));
      const before = await page.evaluate(() => document.documentElement.dataset.theme);
      await page.click($('theme-dark'));
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      assert((await page.getAttribute($('theme-dark'), 'aria-checked')) === 'true', 'Dark is not marked as chosen');
      await shot('11-settings-dark');
      await page.click($('theme-system'));
      await page.waitForFunction((b) => document.documentElement.dataset.theme === b, before);
      // Test connection answers with an outcome, whatever the network here.
      await page.click($('base-url-test'));
      const result = await page.waitForSelector($('base-url-test-result'), { timeout: 60_000 });
      assert(/\S/.test(await result.innerText()), 'the connection test shows no outcome');
    },
  ],
  [
    'switch the language to Chinese in Settings',
    async () => {
      await page.click($('nav-settings'));
      await page.waitForSelector($('about'));
      for (const id of ['lang-system', 'lang-en', 'lang-zh-CN']) {
        if ((await page.getAttribute($(id), 'aria-checked')) === 'true') initialLanguage = id;
      }
      await page.click($('lang-zh-CN'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('合规清单'), $('nav-checklist'));
      await shot('11-settings-zh');
      await page.click($('nav-checklist'));
      await page.waitForSelector($('item-list'));
      const text = await page.locator($('screen-checklist')).innerText();
      for (const word of ['总体', '已完成', '不适用']) assert(text.includes(word), `Chinese checklist lacks "${word}"`);
      await shot('12-checklist-zh');
    },
  ],
  [
    'export the checklist',
    async () => {
      await dismissToasts();
      await page.click($('export-button'));
      await page.click($('export-lang-en'));
      await shot('13-export-menu');
      await page.click($('export-md'));
      const t = await toast('success');
      const detail = await t.locator($('toast-detail')).innerText();
      assert(/[\\/]/.test(detail) && /\.md$/i.test(detail.trim()), `export toast shows "${detail}", not a .md path`);
      await shot('14-exported');
      await dismissToasts();
      await page.click($('export-button'));
      await page.click($('export-lang-zh-CN'));
      await page.click($('export-pdf'));
      const pdf = await toast('success');
      const pdfPath = await pdf.locator($('toast-detail')).innerText();
      assert(/\.pdf$/i.test(pdfPath.trim()), `PDF export toast shows "${pdfPath}"`);
    },
  ],
  ['the checklist screen, as this suite leaves it, has no serious accessibility problem', () => checkA11y(page, 'checklist')],
  [
    'restore the language and delete the workspace',
    async () => {
      await dismissToasts();
      await page.click($('nav-settings'));
      await page.click($(initialLanguage || 'lang-system'));
      await page.waitForSelector(`${$(initialLanguage || 'lang-system')}[aria-checked="true"]`);
      await page.click($('nav-checklist'));
      await page.click($('workspace-picker'));
      await page.click($('workspace-delete'));
      await page.fill($('workspace-delete-confirm'), WORKSPACE);
      await page.click($('workspace-delete-submit'));
      await toast('success');
      await page.waitForFunction(
        (name) => !document.querySelector('[data-testid="workspace-current"]')?.textContent?.includes(name),
        WORKSPACE,
      );
      await shot('15-deleted');
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'failure.png',
  timeout: STEP_TIMEOUT,
  onPage: (p) => (page = p),
});

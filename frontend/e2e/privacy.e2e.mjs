// End-to-end test of the privacy policy screen in a real browser.
//
// Runs against the app served by `wails dev` (default http://localhost:34115,
// override with STEWARD_E2E_URL). For exports the Go side skips the save
// dialog when STEWARD_E2E_EXPORT_DIR is set. It gives the checklist a
// workspace with onboarding answers first, so that there are suggestions to
// accept, and deletes it at the end. The privacy answers are one profile per
// data folder: the test works whatever it finds there (make test-e2e starts
// from an empty one).
//
// Steps run in order and depend on each other: after the first failure the
// rest are reported as failed without running. A screenshot of every step
// goes to e2e/artifacts/privacy-*.png. The last line printed is
// "N passed, N failed".
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkA11y, runSteps, waitForServer } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const STEP_TIMEOUT = 20_000;
const STAMP = new Date().toISOString().slice(0, 19).replace('T', ' ');
const WORKSPACE = `E2E privacy ${STAMP}`;
const ORG = 'Lumen Notes Ltd.';
const RENAMED = `Lumen Notes Ltd. (${STAMP.slice(11)})`;

mkdirSync(ARTIFACTS, { recursive: true });

/** @type {import('playwright-core').Page} */
let page;
let seeded = false;
const counts = { general: 0, pipl: 0 };
let versions = [];

const $ = (testid) => `[data-testid="${testid}"]`;

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `privacy-${name}.png`), fullPage: false });
}

async function toast(kind) {
  const sel = `${$('toast')}[data-kind="${kind}"]`;
  await page.waitForSelector(sel);
  return page.locator(sel).last();
}

async function dismissToasts() {
  for (const b of await page.locator(`${$('toast')} button`).all()) await b.click().catch(() => {});
}

/** Waits until nothing waits to be saved; then the save state must be one of `states`. */
async function settled(...states) {
  const want = states.length > 0 ? states : ['saved', 'idle'];
  await page.waitForFunction(
    ([sel, ok]) => ok.includes(document.querySelector(sel)?.getAttribute('data-state') ?? ''),
    [$('privacy-save'), want],
  );
}

async function section(id) {
  await page.click($(`privacy-section-${id}`));
  await page.waitForSelector(`${$('privacy-questionnaire')}[data-section="${id}"]`);
}

async function regime(name) {
  return page.locator($(`privacy-regime-${name}`)).evaluate((el) => ({
    inactive: el.dataset.inactive === 'true',
    missing: Number(el.dataset.missing ?? NaN),
    total: Number(el.dataset.total ?? NaN),
  }));
}

async function setRegion(id, on) {
  const chip = page.locator($(`privacy-region-${id}`));
  if ((await chip.getAttribute('data-checked')) !== String(on)) await chip.click();
  await page.waitForSelector(`${$(`privacy-region-${id}`)}[data-checked="${on}"]`);
  await settled();
}

/** Fills a field and leaves it, which saves at once. */
async function type(testid, value) {
  await page.fill($(testid), value);
  await page.locator($(testid)).blur();
}

const steps = [
  [
    'app loads and opens the privacy screen',
    async () => {
      await waitForServer(BASE_URL);
      await page.goto(BASE_URL);
      await page.waitForSelector($('screen-overview'));
      // A checklist workspace with onboarding answers gives the screen suggestions.
      await page.waitForFunction(() => !!window.go?.gui?.Checklist);
      await page.evaluate(async (name) => {
        const s = window.go.gui.Checklist;
        await s.CreateWorkspace(name);
        const flags = ['consumer', 'chatbot', 'medical', 'legal', 'financial', 'news', 'minors', 'impersonation', 'eu', 'california', 'china'];
        const profile = Object.fromEntries(flags.map((f) => [f, ['consumer', 'chatbot', 'eu', 'china'].includes(f)]));
        await s.ApplyProfile(name, profile, 'en');
      }, WORKSPACE);
      seeded = true;
      await page.click($('nav-privacy'));
      await page.waitForSelector($('screen-privacy'));
      // The empty state or the questionnaire, never a stuck spinner.
      await page.waitForSelector(`${$('privacy-empty')}, ${$('privacy-questionnaire')}, ${$('privacy-summary')}, ${$('error-banner')}`);
      assert((await page.locator($('error-banner')).count()) === 0, 'an error banner is shown on the privacy screen');
      await shot('01-open');
      if (await page.locator($('privacy-empty')).count()) {
        const n = Number(await page.getAttribute($('privacy-empty-suggestions'), 'data-count'));
        assert(n > 0, 'the empty state offers no suggestions although the checklist has onboarding answers');
        await page.click($('privacy-start'));
      } else if (!(await page.locator($('privacy-questionnaire')).count())) {
        await page.click($('tab-questionnaire'));
      }
      await page.waitForSelector($('privacy-questionnaire'));
    },
  ],
  [
    'choosing the EU and mainland China brings in GDPR and PIPL',
    async () => {
      // Start from a known state, whatever an earlier run left.
      await section('organisation');
      for (const id of ['privacy-org-name', 'privacy-org-email', 'privacy-org-address']) await type(id, '');
      await section('regions');
      await setRegion('eu', false);
      await setRegion('uk', false);
      await setRegion('china', false);
      await settled();
      assert((await regime('gdpr')).inactive, 'GDPR is checked without users in the EU or the UK');
      assert((await regime('pipl')).inactive, 'PIPL is checked without users in mainland China');
      await setRegion('eu', true);
      await setRegion('china', true);
      await settled();
      await page.waitForSelector(`${$('privacy-regime-gdpr')}:not([data-inactive])`);
      await page.waitForSelector(`${$('privacy-regime-pipl')}:not([data-inactive])`);
      const gdpr = await regime('gdpr');
      const pipl = await regime('pipl');
      assert(gdpr.total > 0 && gdpr.missing > 0, `GDPR shows ${gdpr.missing} missing of ${gdpr.total}`);
      assert(pipl.total > 0 && pipl.missing > 0, `PIPL shows ${pipl.missing} missing of ${pipl.total}`);
      counts.general = (await regime('general')).missing;
      counts.pipl = pipl.missing;
      await page.click($('tab-completeness'));
      await page.waitForSelector(`${$('privacy-check-gdpr')}:not([data-inactive]) ${$('privacy-element')}`);
      await page.waitForSelector(`${$('privacy-check-pipl')}:not([data-inactive]) ${$('privacy-element')}`);
      await shot('02-completeness');
    },
  ],
  [
    'filling in the organisation lowers the missing counts',
    async () => {
      // Clicking a missing element jumps to the question that fills it.
      await page.click(`${$('privacy-check-pipl')} ${$('privacy-element')}[data-id="pipl-17-1-1"]`);
      await page.waitForSelector(`${$('privacy-questionnaire')}[data-section="organisation"]`);
      await page.waitForSelector('#privacy-q-organisation');
      await page.fill($('privacy-org-name'), ORG);
      await page.fill($('privacy-org-email'), 'privacy@lumennotes.example');
      await type('privacy-org-address', '4 Quay Street, Galway, Ireland');
      await settled();
      await page.waitForFunction(
        ([sel, before]) => Number(document.querySelector(sel)?.dataset.missing) < before,
        [$('privacy-regime-pipl'), counts.pipl],
      );
      await page.waitForFunction(
        ([sel, before]) => Number(document.querySelector(sel)?.dataset.missing) < before,
        [$('privacy-regime-general'), counts.general],
      );
      await shot('03-organisation');
    },
  ],
  [
    'an invalid email shows Go’s message beside the field, then clears',
    async () => {
      await type('privacy-org-email', 'not-an-email');
      const error = page.locator(`${$('field-error')}[data-field="organisation.email"]`);
      await error.waitFor();
      const text = await error.innerText();
      assert(text.includes('not-an-email'), `the inline error says "${text}"`);
      await settled('partial');
      assert((await page.inputValue($('privacy-org-email'))) === 'not-an-email', 'the invalid email was not kept as typed');
      assert((await page.inputValue($('privacy-org-name'))) === ORG, 'the organisation name was lost');
      await shot('04-invalid-email');
      await type('privacy-org-email', 'privacy@lumennotes.example');
      await settled();
      await error.waitFor({ state: 'detached' });
    },
  ],
  [
    'accept a suggestion',
    async () => {
      await page.click($('privacy-suggestions-button'));
      await page.waitForSelector($('privacy-suggestions'));
      const items = page.locator($('privacy-suggestion'));
      const before = await items.count();
      await shot('05-suggestions');
      if (before === 0) {
        console.log('# no suggestions to accept');
      } else {
        const field = await items.first().getAttribute('data-field');
        await items.first().locator($('privacy-suggestion-accept')).click();
        await toast('success');
        await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length < n, [$('privacy-suggestion'), before]);
        await settled();
        console.log(`# accepted the suggestion for ${field}`);
      }
      await page.click($('privacy-suggestions-close'));
      await dismissToasts();
    },
  ],
  [
    'preview the draft in English and in Chinese',
    async () => {
      await page.click($('tab-draft'));
      await page.waitForSelector($('privacy-draft-banner'));
      await page.click($('privacy-preview-lang-en'));
      await page.waitForSelector(`${$('privacy-preview')}[data-lang="en"]`);
      const frame = page.frameLocator($('privacy-preview'));
      const title = await frame.locator('h1').innerText();
      assert(title.includes('Privacy Notice') && title.includes(ORG), `the English draft is titled "${title}"`);
      await shot('06-preview-en');
      await page.click($('privacy-preview-lang-zh-CN'));
      await page.waitForSelector(`${$('privacy-preview')}[data-lang="zh-CN"]`);
      const zh = await frame.locator('h1').innerText();
      assert(zh.includes('隐私政策'), `the Chinese draft is titled "${zh}"`);
      const headings = await frame.locator('h2').allInnerTexts();
      assert(headings.some((h) => /[\u4e00-\u9fff]/.test(h)), `the Chinese draft has no Chinese section heading (${headings.join(' | ')})`);
      await shot('07-preview-zh');
    },
  ],
  [
    'save a version, change an answer, save another',
    async () => {
      await page.click($('privacy-preview-lang-en'));
      await page.waitForSelector(`${$('privacy-preview')}[data-lang="en"]`);
      await page.click($('privacy-save-version'));
      await toast('success');
      await dismissToasts();
      await page.click($('tab-questionnaire'));
      await section('organisation');
      await type('privacy-org-name', RENAMED);
      await settled();
      await page.click($('tab-draft'));
      await page.waitForSelector(`${$('privacy-preview')}[data-lang="en"]`);
      await page.click($('privacy-save-version'));
      await toast('success');
      await dismissToasts();
      await page.click($('tab-versions'));
      await page.waitForSelector($('privacy-version'));
      versions = await page.locator($('privacy-version')).evaluateAll((els) => els.map((e) => e.dataset.id));
      assert(versions.length >= 2, `the versions list shows ${versions.length} version(s)`);
    },
  ],
  [
    'compare the two versions and see the added line',
    async () => {
      const [newer, older] = versions;
      await page.click($(`privacy-version-select-${older}`));
      await page.click($(`privacy-version-select-${newer}`));
      await page.click($('privacy-compare'));
      await page.waitForSelector($('privacy-diff'));
      const added = await page.locator(`${$('privacy-diff-line')}[data-op="added"]`).allInnerTexts();
      const removed = await page.locator(`${$('privacy-diff-line')}[data-op="removed"]`).allInnerTexts();
      assert(added.some((l) => l.includes(RENAMED)), `no added line names "${RENAMED}" (added: ${added.join(' | ')})`);
      assert(removed.length > 0, 'the comparison shows no removed line');
      await page.locator($('privacy-diff')).scrollIntoViewIfNeeded();
      await shot('08-compare');
    },
  ],
  [
    'export the draft as PDF',
    async () => {
      await dismissToasts();
      await page.click($('privacy-export-button'));
      await page.click($('privacy-export-lang-en'));
      await shot('09-export-menu');
      await page.click($('privacy-export-pdf'));
      const t = await toast('success');
      const path = (await t.locator($('toast-detail')).innerText()).trim();
      assert(/[\\/]/.test(path) && /\.pdf$/i.test(path), `the export toast shows "${path}", not a .pdf path`);
      await shot('10-exported');
    },
  ],
  ['the privacy screen, as this suite leaves it, has no serious accessibility problem', () => checkA11y(page, 'privacy')],
  [
    'remove the checklist workspace made for the test',
    async () => {
      await dismissToasts();
      await page.evaluate((name) => window.go.gui.Checklist.DeleteWorkspace(name), WORKSPACE);
      seeded = false;
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'privacy-failure.png',
  timeout: STEP_TIMEOUT,
  onPage: (p) => (page = p),
});

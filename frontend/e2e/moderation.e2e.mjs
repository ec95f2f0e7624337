// End-to-end test of the moderation tester in a real browser.
//
// Runs against the app served by `wails dev` (default http://localhost:34115,
// override with STEWARD_E2E_URL). Runs need an OpenAI-compatible API: set
// STEWARD_E2E_OPENAI_URL to a local stand-in (scripts/e2e.sh starts
// backend/openaitest's fakeopenai) and STEWARD_E2E_OPENAI_KEY to the key it
// accepts, registered in the app as "e2e" before it starts. Without them the
// steps that send runs are reported as skipped ("ok - … # skip …").
//
// Every screenshot uses the starter suite and the mild prompts below; never
// the evaluation set. Steps run in order and depend on each other: after the
// first failure the rest are reported as failed without running. Screenshots
// go to e2e/artifacts/moderation-*.png. The last line printed is
// "N passed, N failed".
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkA11y, runSteps, Skip, waitForServer } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const OPENAI_URL = process.env.STEWARD_E2E_OPENAI_URL || '';
const OPENAI_KEY = process.env.STEWARD_E2E_OPENAI_KEY || '';
const KEY_LABEL = 'e2e';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const STEP_TIMEOUT = 20_000;
const RUN_TIMEOUT = 90_000;

mkdirSync(ARTIFACTS, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'steward-moderation-e2e-'));

// Mild prompts only: these files end up in screenshots.
const TXT_PROMPTS = [
  'What is a polite way to decline a meeting invitation?',
  'The storm last night was loud, but everyone is safe.',
  '周末适合带孩子去哪里散步？',
];
// One row the importer must skip (line 2 is not JSON); the others carry
// expected labels, so the suite is labelled and has precision and recall.
const JSONL_LINES = [
  JSON.stringify({ prompt: 'Tips for a calm conversation with a noisy neighbour.', labels: { violence: false, harassment: false } }),
  'this line is not JSON',
  JSON.stringify({ prompt: 'A violent thunderstorm knocked out the power for an hour.', labels: { violence: true } }),
  JSON.stringify({ prompt: 'The film shows a sword fight, without gore.', labels: { violence: true, 'violence/graphic': false } }),
];
const EDITED = 'The storm last night was violent and loud, but everyone is safe.';

/** @type {import('playwright-core').Page} */
let page;
let suiteName = '';
let initialLanguage = '';
/** The base URL before this test set it; null when it didn't. */
let initialBaseURL = null;
let flaggedBefore = -1;

const $ = (testid) => `[data-testid="${testid}"]`;

function needsAPI() {
  if (!OPENAI_URL || !OPENAI_KEY) {
    throw new Skip('STEWARD_E2E_OPENAI_URL and STEWARD_E2E_OPENAI_KEY are not set, so there is no API to send runs to');
  }
}

/** A screenshot, without the toasts of earlier steps unless keepToasts. */
async function shot(name, keepToasts = false) {
  if (!keepToasts) await dismissToasts();
  await page.screenshot({ path: join(ARTIFACTS, `moderation-${name}.png`), fullPage: false });
}

async function toast(kind) {
  const sel = `${$('toast')}[data-kind="${kind}"]`;
  await page.waitForSelector(sel);
  return page.locator(sel).last();
}

async function dismissToasts() {
  for (const b of await page.locator(`${$('toast')} button`).all()) await b.click({ timeout: 1000 }).catch(() => {});
}

async function tab(id) {
  await page.click($(`tab-${id}`));
  await page.waitForSelector(`#mod-panel-${id}`);
}

/** The number shown in a results filter chip ("Flagged 3"). */
async function chipCount(id) {
  const text = await page.locator(`${$(`mod-filter-${id}`)} .n`).innerText();
  return Number(text.trim());
}

async function importFile(path) {
  await page.click($('mod-import'));
  await page.waitForSelector($('mod-import-path'));
  await page.fill($('mod-import-path'), path);
  await page.click($('mod-import-submit'));
  await page.waitForSelector(`${$('mod-import-result')}, ${$('mod-import-dialog')} ${$('error-banner')}`);
  const err = page.locator(`${$('mod-import-dialog')} ${$('error-banner')}`);
  if (await err.count()) throw new Error(`import failed: ${await err.innerText()}`);
}

async function waitForRun(status) {
  await page.waitForSelector(`${$('mod-run-row')}[data-status="${status}"]`, { timeout: RUN_TIMEOUT });
}

const steps = [
  [
    'app loads and shows the moderation screen',
    async () => {
      await waitForServer(BASE_URL);
      await page.goto(`${BASE_URL}/#/moderation`);
      await page.waitForSelector($('screen-moderation'));
      await page.waitForSelector(`${$('mod-no-suites')}, ${$('mod-suite-picker')}, ${$('error-banner')}`);
      assert((await page.locator($('error-banner')).count()) === 0, 'an error banner is shown on start');
      const nav = await page.locator($('nav-moderation')).innerText();
      assert(!/soon/i.test(nav), 'the sidebar still says the moderation screen is coming soon');
      await shot('01-start');
    },
  ],
  [
    'create the starter suite',
    async () => {
      if (await page.locator($('mod-no-suites')).count()) {
        await page.click($('mod-create-starter'));
      } else {
        await page.click($('mod-suite-picker'));
        await page.click($('mod-suite-starter'));
      }
      await toast('success');
      await page.waitForSelector($('mod-item-list'));
      suiteName = (await page.locator($('mod-suite-current')).innerText()).trim();
      assert(suiteName.startsWith('Starter suite'), `the current suite is "${suiteName}", not the starter suite`);
      const n = await page.locator($('mod-item')).count();
      assert(n >= 20, `the starter suite shows ${n} prompts`);
      const text = await page.locator($('mod-item-list')).innerText();
      assert(/[\u4e00-\u9fff]/.test(text), 'the starter suite has no Chinese prompts');
      await dismissToasts();
      await shot('02-starter-suite');
    },
  ],
  [
    'import a .txt file into the suite',
    async () => {
      const before = await page.locator($('mod-item')).count();
      const file = join(work, 'mild-prompts.txt');
      writeFileSync(file, `${TXT_PROMPTS.join('\n')}\n\n`);
      await importFile(file);
      const imported = await page.locator($('mod-import-imported')).innerText();
      assert(imported.includes(String(TXT_PROMPTS.length)), `the import says "${imported}"`);
      assert((await page.locator($('mod-import-skipped')).count()) === 0, 'a clean .txt file reports skipped rows');
      await page.click($('mod-import-close'));
      await page.waitForFunction(
        ([sel, n]) => document.querySelectorAll(sel).length === n,
        [$('mod-item'), before + TXT_PROMPTS.length],
      );
    },
  ],
  [
    'import a .jsonl file with a bad line and see it reported',
    async () => {
      const file = join(work, 'labelled.jsonl');
      writeFileSync(file, `${JSONL_LINES.join('\n')}\n`);
      await importFile(file);
      const summary = await page.locator($('mod-import-skipped-summary')).innerText();
      assert(/1 row skipped: line 2 — /.test(summary), `the skipped-rows report says "${summary}"`);
      assert(/JSON/.test(summary), `the skipped-rows report gives no reason: "${summary}"`);
      const imported = await page.locator($('mod-import-imported')).innerText();
      assert(imported.includes('3'), `the import says "${imported}"`);
      await shot('03-import-skipped', true);
      await page.click($('mod-import-close'));
      const meta = await page.locator($('mod-suite-meta')).innerText();
      assert(/3 labelled/.test(meta), `the suite line says "${meta}", not 3 labelled`);
    },
  ],
  [
    'edit a prompt inline with an expected label',
    async () => {
      const row = page.locator($('mod-item'), { hasText: TXT_PROMPTS[1] });
      await row.locator($('mod-item-view')).click();
      await page.waitForSelector($('mod-item-edit-editor'));
      await page.fill($('mod-item-edit-text'), EDITED);
      await page.click($('mod-item-edit-label-violence'));
      assert((await page.getAttribute($('mod-item-edit-label-violence'), 'data-state')) === 'yes', 'the label did not cycle to "yes"');
      await shot('04-edit-item');
      await page.click($('mod-item-edit-save'));
      await page.waitForSelector($('mod-item-edit-editor'), { state: 'detached' });
      const edited = page.locator($('mod-item'), { hasText: EDITED });
      assert((await edited.count()) === 1, 'the edited prompt is not in the list');
      const labels = await edited.locator($('mod-item-label')).allInnerTexts();
      assert(labels.some((l) => l.includes('violence')), `the edited prompt's labels are ${JSON.stringify(labels)}`);
      // Put the text back, so the second run can be compared with the first.
      await edited.locator($('mod-item-view')).click();
      await page.fill($('mod-item-edit-text'), TXT_PROMPTS[1]);
      await page.press($('mod-item-edit-text'), 'Control+Enter');
      await page.waitForSelector($('mod-item-edit-editor'), { state: 'detached' });
      await page.waitForSelector(`${$('mod-item-text')}:text-is("${TXT_PROMPTS[1]}")`);
    },
  ],
  [
    'export the suite as JSONL',
    async () => {
      await dismissToasts();
      await page.click($('mod-export-suite'));
      await page.click($('mod-export-suite-jsonl'));
      const t = await toast('success');
      const detail = await t.locator($('toast-detail')).innerText();
      assert(/[\\/]/.test(detail) && /\.jsonl$/i.test(detail.trim()), `export toast shows "${detail}", not a .jsonl path`);
      await dismissToasts();
    },
  ],
  [
    'empty states explain what to do next',
    async () => {
      await tab('results');
      await page.waitForSelector(`${$('mod-results-empty')}, ${$('mod-result-list')}`);
      if (await page.locator($('mod-results-empty')).count()) await shot('05-results-empty');
      await tab('compare');
      await page.waitForSelector(`${$('mod-compare-empty')}, ${$('mod-compare-summary')}, ${$('mod-compare-a')}`);
      await tab('metrics');
      await page.waitForSelector(`${$('mod-metrics-noruns')}, ${$('mod-metrics-table')}, ${$('mod-metrics-nolabels')}`);
      assert((await page.locator($('mod-metrics-nolabels')).count()) === 0, 'a labelled suite says it has no labels');
    },
  ],
  [
    'set the base URL to the local API in Settings',
    async () => {
      needsAPI();
      await page.click($('nav-settings'));
      await page.waitForSelector($('base-url-input'));
      initialBaseURL = await page.evaluate(() => window.go?.gui?.Settings?.BaseURL?.() ?? null).catch(() => null);
      await page.fill($('base-url-input'), OPENAI_URL);
      if (await page.locator($('base-url-save')).isEnabled()) {
        await page.click($('base-url-save'));
        await toast('success');
      }
      await dismissToasts();
      await page.click($('nav-moderation'));
      await page.waitForSelector($('mod-suite-picker'));
    },
  ],
  [
    'choose the key, run with batch 4 under a rate limit, see it wait, pause and resume',
    async () => {
      needsAPI();
      await tab('run');
      await page.waitForSelector(`${$('mod-run-key')}, ${$('mod-run-no-key')}`);
      assert(
        (await page.locator($('mod-run-no-key')).count()) === 0,
        `no registered key: register "${KEY_LABEL}" before starting the app`,
      );
      const labels = await page.locator(`${$('mod-run-key')} option`).evaluateAll((os) => os.map((o) => o.value));
      assert(labels.includes(KEY_LABEL), `the key list (${labels.join(', ')}) has no "${KEY_LABEL}"`);
      await page.selectOption($('mod-run-key'), KEY_LABEL);
      await page.selectOption($('mod-run-model'), 'omni-moderation-latest');
      for (const [id, v] of [
        ['mod-run-batch', '4'],
        ['mod-run-concurrency', '2'],
        ['mod-run-rpm', '6'],
        ['mod-run-tpm', ''],
      ]) {
        await page.fill($(id), v);
        await page.press($(id), 'Tab');
      }
      await shot('06-run-settings');
      await page.click($('mod-run-start'));
      await page.waitForSelector($('mod-run-progress'));
      // 6 requests a minute: the seventh batch waits for the limit.
      await page.waitForSelector($('mod-run-waiting'), { timeout: 30_000 });
      const waiting = await page.locator($('mod-run-waiting')).innerText();
      assert(/until \d\d:\d\d:\d\d/.test(waiting), `the waiting state says "${waiting}"`);
      assert((await page.getAttribute($('mod-run-waiting'), 'data-reason')) === 'rate_limit', 'the wait is not for the rate limit');
      const done = await page.locator($('mod-run-done')).innerText();
      assert(/^\d+\s*\/\s*\d+$/.test(done.replace(/\s+/g, ' ').trim()), `the progress shows "${done}"`);
      const requests = Number(await page.locator($('mod-run-requests')).innerText());
      assert(requests >= 1, `the progress counts ${requests} requests`);
      await shot('07-run-waiting');
      await page.click($('mod-run-pause'));
      await waitForRun('paused');
      await page.waitForSelector($('mod-run-progress'), { state: 'detached' });
      await shot('08-run-paused', true);
      await dismissToasts();
      await page.click(`${$('mod-run-row')}[data-status="paused"] ${$('mod-run-resume')}`);
      await waitForRun('completed');
      const row = page.locator($('mod-run-row')).first();
      const text = await row.innerText();
      assert(!/failed/i.test(text), `the run row says "${text}"`);
      await shot('09-run-completed');
    },
  ],
  [
    'results show flags, category chips, score bars and input types',
    async () => {
      needsAPI();
      await page.click(`${$('mod-run-row')}[data-status="completed"] ${$('mod-run-results')}`);
      await page.waitForSelector($('mod-result-list'));
      const total = await chipCount('all');
      assert(total >= 30, `the results list ${total} rows`);
      assert((await chipCount('error')) === 0, 'some prompts ended in an error');
      flaggedBefore = await chipCount('flagged');
      assert(flaggedBefore >= 1, 'nothing was flagged (the starter suite mentions gore)');
      await page.click($('mod-filter-flagged'));
      const chips = await page.locator($('mod-result-chip')).allInnerTexts();
      assert(chips.includes('violence'), `flagged rows show the chips ${JSON.stringify(chips)}`);
      await page.locator(`${$('mod-result-row')} button`).first().click();
      await page.waitForSelector($('mod-result-detail'));
      const types = await page.locator(`${$('mod-score-row')}[data-category="violence"]`).innerText();
      assert(/text/.test(types), `the violence row of the details says "${types}"`);
      await shot('10-results');
      await page.click($('mod-filter-all'));
      await page.fill($('mod-filter-search'), '周末');
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, $('mod-result-row'));
      await page.fill($('mod-filter-search'), '');
    },
  ],
  [
    'a stricter threshold flags more, live, and is saved with the suite',
    async () => {
      needsAPI();
      await page.click($('mod-thresholds-toggle'));
      await page.waitForSelector($('mod-thresholds'));
      // The stand-in scores everyday text between 0.000001 and 0.001.
      await page.fill($('mod-threshold-input-harassment'), '0.0005');
      await page.waitForFunction(
        ([sel, n]) => Number(document.querySelector(sel)?.textContent?.trim()) > n,
        [`${$('mod-filter-flagged')} .n`, flaggedBefore],
      );
      await page.waitForSelector(`${$('mod-result-row')}[data-changed="true"]`);
      await page.waitForSelector($('mod-thresholds-dirty'));
      await shot('11-thresholds-live');
      await page.click($('mod-thresholds-save'));
      await toast('success');
      await page.waitForSelector($('mod-thresholds-dirty'), { state: 'detached' });
      const meta = await page.locator($('mod-suite-meta')).innerText();
      assert(/1 custom threshold/.test(meta), `the suite line says "${meta}"`);
      await dismissToasts();
    },
  ],
  [
    'run again after an edit and compare the runs',
    async () => {
      needsAPI();
      await tab('items');
      const row = page.locator($('mod-item'), { hasText: TXT_PROMPTS[1] });
      await row.locator($('mod-item-view')).click();
      await page.fill($('mod-item-edit-text'), EDITED);
      await page.click($('mod-item-edit-save'));
      await page.waitForSelector($('mod-item-edit-editor'), { state: 'detached' });
      await tab('run');
      await page.fill($('mod-run-rpm'), '');
      await page.press($('mod-run-rpm'), 'Tab');
      await page.click($('mod-run-start'));
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length >= 2, `${$('mod-run-row')}[data-status="completed"]`, {
        timeout: RUN_TIMEOUT,
      });
      await tab('compare');
      await page.waitForSelector($('mod-compare-summary'));
      const changed = Number(await page.locator($('mod-compare-changed')).innerText());
      assert(changed >= 1, `the comparison finds ${changed} changes`);
      // A change shows the prompt as the first run sent it.
      const change = page.locator($('mod-compare-change'), { hasText: TXT_PROMPTS[1] });
      assert((await change.count()) === 1, 'the edited prompt is not among the changes');
      const text = await change.innerText();
      assert(/violence/.test(text), `the change does not show violence as the new top category: "${text}"`);
      await shot('12-compare');
    },
  ],
  [
    'labelled prompts give precision, recall and a threshold sweep',
    async () => {
      needsAPI();
      await tab('metrics');
      await page.waitForSelector($('mod-metrics-table'));
      const violence = page.locator(`${$('mod-metrics-row')}[data-category="violence"]`);
      const precision = await violence.locator($('mod-metrics-precision')).innerText();
      const recall = await violence.locator($('mod-metrics-recall')).innerText();
      assert(/\d+%/.test(precision) && /\d+%/.test(recall), `violence shows precision ${precision}, recall ${recall}`);
      await page.waitForSelector(`${$('mod-sweep-chart')} path.precision`, { state: 'attached' });
      const d = await page.getAttribute(`${$('mod-sweep-chart')} path.precision`, 'd');
      assert(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+)+$/.test(d ?? ''), `the precision line is "${d}"`);
      const box = await page.locator(`${$('mod-sweep-chart')} svg`).boundingBox();
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
      await page.waitForSelector($('mod-sweep-readout'));
      await shot('13-metrics');
    },
  ],
  [
    'export the HTML and PDF reports',
    async () => {
      needsAPI();
      await dismissToasts();
      await tab('results');
      await page.waitForSelector($('mod-result-list'));
      for (const [format, lang] of [
        ['html', 'en'],
        ['pdf', 'zh-CN'],
      ]) {
        await page.click($('mod-export-button'));
        await page.click($(`mod-export-lang-${lang}`));
        if (format === 'html') await shot('14-export-menu', true);
        await page.click($(`mod-export-${format}`));
        const t = await toast('success');
        const detail = await t.locator($('toast-detail')).innerText();
        assert(/[\\/]/.test(detail) && detail.trim().toLowerCase().endsWith(`.${format}`), `export toast shows "${detail}", not a .${format} path`);
        if (format === 'html') await shot('15-exported', true);
        await dismissToasts();
      }
    },
  ],
  [
    'switch to Chinese once and look at the screen',
    async () => {
      await dismissToasts();
      await page.click($('nav-settings'));
      await page.waitForSelector($('about'));
      for (const id of ['lang-system', 'lang-en', 'lang-zh-CN']) {
        if ((await page.getAttribute($(id), 'aria-checked')) === 'true') initialLanguage = id;
      }
      await page.click($('lang-zh-CN'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('内容审核'), $('nav-moderation'));
      await page.click($('nav-moderation'));
      await page.waitForSelector($('mod-suite-picker'));
      const hasRuns = OPENAI_URL && OPENAI_KEY;
      await tab(hasRuns ? 'results' : 'items');
      await page.waitForSelector(hasRuns ? $('mod-result-list') : $('mod-item-list'));
      const text = await page.locator($('screen-moderation')).innerText();
      const words = hasRuns ? ['测试集', '已标记', '阈值', '对比', '导出报告'] : ['测试集', '提示词', '运行', '对比'];
      for (const word of words) assert(text.includes(word), `the Chinese screen lacks "${word}"`);
      await shot('16-results-zh');
      if (hasRuns) {
        await tab('run');
        await page.waitForSelector($('mod-run-settings'));
        const run = await page.locator($('mod-run-tab')).innerText();
        for (const word of ['批大小', '并发', '每分钟请求数']) assert(run.includes(word), `the Chinese run panel lacks "${word}"`);
        await shot('17-run-zh');
      }
    },
  ],
  ['the moderation screen, as this suite leaves it, has no serious accessibility problem', () => checkA11y(page, 'moderation')],
  [
    'restore the language and the base URL, and delete the suite',
    async () => {
      await dismissToasts();
      await page.click($('nav-settings'));
      await page.click($(initialLanguage || 'lang-system'));
      await page.waitForSelector(`${$(initialLanguage || 'lang-system')}[aria-checked="true"]`);
      if (initialBaseURL !== null && initialBaseURL !== OPENAI_URL) {
        await page.fill($('base-url-input'), initialBaseURL);
        await page.click($('base-url-save'));
        await toast('success');
        await dismissToasts();
      }
      await page.click($('nav-moderation'));
      await page.click($('mod-suite-picker'));
      await page.click($('mod-suite-delete'));
      await page.click($('mod-delete-suite-submit'));
      await toast('success');
      await page.waitForFunction(
        ([sel, name]) => !document.querySelector(sel)?.textContent?.includes(name) || document.querySelector('[data-testid="mod-no-suites"]'),
        [$('mod-suite-current'), suiteName],
      );
      await shot('18-deleted', true);
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'moderation-failure.png',
  timeout: STEP_TIMEOUT,
  onPage: (p) => (page = p),
  after: async () => rmSync(work, { recursive: true, force: true }),
});

// End-to-end test of the Usage screen in a real browser.
//
// Runs against the app served by `wails dev` (default http://localhost:34115,
// override with STEWARD_E2E_URL). scripts/e2e.sh starts a local OpenAI
// stand-in (STEWARD_E2E_OPENAI_URL) and registers its key as "e2e"; this
// test points the app at it and verifies that key on the Keys screen, so the
// app's own call lands in the usage log. Without the stand-in it tests the
// empty state and the settings only. For exports the Go side skips the save
// dialog when STEWARD_E2E_EXPORT_DIR is set.
//
// Steps run in order and depend on each other: after the first failure the
// rest are reported as failed without running. A screenshot of every step
// goes to e2e/artifacts/usage-*.png. The last line printed is "N passed, N failed".
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkA11y, runSteps, waitForServer } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const OPENAI_URL = process.env.STEWARD_E2E_OPENAI_URL || '';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const STEP_TIMEOUT = 20_000;
// Verifying a key calls the API; a row then reaches the log within the writer's flush.
const VERIFY_TIMEOUT = 90_000;
const RUN = randomBytes(3).toString('hex');
const MODEL = `e2e-model-${RUN}`;
const KEY_ID = `key_e2e${RUN}`;

mkdirSync(ARTIFACTS, { recursive: true });

/** @type {import('playwright-core').Page} */
let page;
let initialLanguage = '';
/** Whether the app's own call was logged, so the overview has data. */
let logged = false;

const $ = (testid) => `[data-testid="${testid}"]`;
const priceRow = (model) => `${$('usage-price-row')}[data-model="${model}"]`;

function utcDay(offsetDays = 0) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `usage-${name}.png`), fullPage: false });
}

async function toast(kind) {
  const sel = `${$('toast')}[data-kind="${kind}"]`;
  await page.waitForSelector(sel);
  return page.locator(sel).last();
}

async function dismissToasts() {
  // A toast may close on its own between listing and clicking: don't wait for it.
  for (const b of await page.locator(`${$('toast')} button`).all()) await b.click({ timeout: 1000 }).catch(() => {});
}

/** The number a totals card shows, e.g. "1,234" → 1234. */
async function total(metric) {
  const text = await page.locator($(`usage-total-${metric}`)).innerText();
  return Number(text.replace(/[^0-9.]/g, ''));
}

async function openUsageTab(id) {
  await page.click($(`tab-${id}`));
  await page.waitForSelector(`${$(`tab-${id}`)}[aria-selected="true"]`);
}

/** Scrolls the screen's content so a part of it is in the screenshot. */
async function scrollTo(selector) {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
}

const steps = [
  [
    'app loads and shows the Usage screen',
    async () => {
      await waitForServer(BASE_URL);
      await page.goto(BASE_URL);
      await page.waitForSelector($('nav-usage'));
      await page.click($('nav-usage'));
      await page.waitForSelector($('usage-screen'));
      // The empty state or the overview, never a stuck spinner.
      await page.waitForSelector(`${$('usage-empty')}, ${$('usage-totals')}, ${$('error-banner')}`);
      assert((await page.locator($('error-banner')).count()) === 0, 'an error banner is shown on start');
      await page.waitForSelector($('usage-writer-stats'));
      if (await page.locator($('usage-empty')).count()) {
        const text = await page.locator($('usage-empty')).innerText();
        assert(/Gateway/.test(text), 'the empty state does not mention the Gateway');
        await page.waitForSelector($('usage-empty-gateway'));
      }
      await shot('01-start');
    },
  ],
  [
    'the app’s own call lands in the usage log',
    async () => {
      if (!OPENAI_URL) {
        console.log('# STEWARD_E2E_OPENAI_URL is not set: no call is made, the overview steps test the empty state');
        return;
      }
      await page.click($('nav-settings'));
      await page.waitForSelector($('base-url-input'));
      await page.fill($('base-url-input'), OPENAI_URL);
      if (await page.isEnabled($('base-url-save'))) {
        await page.click($('base-url-save'));
        await toast('success');
      }
      await page.click($('nav-keys'));
      const row = `${$('key-row')}[data-label="e2e"]`;
      await page.waitForSelector(`${row}, ${$('vault-panel')}, ${$('no-members')}`);
      assert((await page.locator(row).count()) === 1, 'the Keys screen shows no key labelled "e2e"');
      await page.click(`${row} ${$('key-verify')}`);
      await page.waitForFunction(
        (sel) => {
          const r = document.querySelector(sel);
          const v = r?.querySelector('[data-testid="key-verified"]');
          return !!v?.getAttribute('data-result') || !!r?.querySelector('[data-testid="verify-error"]');
        },
        row,
        { timeout: VERIFY_TIMEOUT },
      );
      await page.click($('nav-usage'));
      // The screen re-reads the log every few seconds while it is empty.
      await page.waitForSelector($('usage-totals'), { timeout: 30_000 });
      logged = true;
    },
  ],
  [
    'the overview shows requests, the chart, the breakdown and the writer’s counters',
    async () => {
      if (!logged) {
        await page.waitForSelector($('usage-empty'));
        await page.click($('usage-empty-settings'));
        await page.waitForSelector(`${$('tab-settings')}[aria-selected="true"]`);
        await openUsageTab('overview');
        return;
      }
      await page.waitForFunction((sel) => /[1-9]/.test(document.querySelector(sel)?.textContent ?? ''), $('usage-total-requests'));
      assert((await total('requests')) >= 1, 'no requests in the last 30 days');
      const points = await page.getAttribute($('usage-chart'), 'data-points');
      assert(points === '30', `the 30-day chart has ${points} points`);
      assert((await page.locator($('usage-breakdown-row')).count()) >= 1, 'the breakdown has no rows');
      const total30 = await page.locator($('usage-breakdown-total')).innerText();
      assert(/[1-9]/.test(total30), `the breakdown total reads "${total30}"`);
      // Nothing dropped: the counters sit behind the toggle.
      await page.click($('usage-writer-toggle'));
      const stats = await page.locator($('usage-writer-stats')).innerText();
      assert(/[1-9]\d* written/.test(stats), `the writer stats read "${stats}"`);
      assert((await page.getAttribute($('usage-writer-stats'), 'data-dropped')) === '0', 'the writer dropped calls');
      await shot('02-overview');
    },
  ],
  [
    'the chart switches metrics and shows a tooltip',
    async () => {
      if (!logged) return;
      for (const m of ['tokens', 'cost', 'errors', 'rate_limited', 'requests']) {
        await page.click($(`usage-metric-${m}`));
        await page.waitForSelector(`${$('usage-chart')}[data-metric="${m}"]`);
        assert((await page.getAttribute($(`usage-metric-${m}`), 'aria-pressed')) === 'true', `the ${m} card is not pressed`);
      }
      const svg = page.locator(`${$('usage-chart')} svg`);
      const box = await svg.boundingBox();
      assert(box, 'the chart has no drawing');
      // Today's bar is the last one, at the right edge.
      await page.mouse.move(box.x + box.width - 12, box.y + box.height / 2);
      const tip = await page.waitForSelector($('usage-chart-tip'));
      const text = await tip.innerText();
      assert(/Requests\s+[1-9]/.test(text), `the tooltip over today reads "${text.replace(/\s+/g, ' ')}"`);
      await shot('03-tooltip');
      await page.mouse.move(box.x - 40, box.y - 40);
      await page.waitForSelector($('usage-chart-tip'), { state: 'detached' });
    },
  ],
  [
    'periods and sources filter the overview',
    async () => {
      if (!logged) return;
      await page.click($('usage-range-7d'));
      await page.waitForSelector(`${$('usage-chart')}[data-points="7"]`);
      await page.click($('usage-range-90d'));
      await page.waitForSelector(`${$('usage-chart')}[data-points="90"]`);
      // A custom range of two days is drawn per hour.
      await page.click($('usage-range-custom'));
      await page.fill($('usage-range-since'), utcDay(-1));
      await page.fill($('usage-range-until'), utcDay(0));
      await page.click($('usage-range-apply'));
      await page.waitForSelector(`${$('usage-chart')}[data-points="48"]`);
      const summary = await page.locator($('usage-summary')).innerText();
      assert(/2 days/.test(summary), `the toolbar summary reads "${summary}"`);
      await shot('04-custom-range');
      // An impossible range is refused with a reason.
      await page.fill($('usage-range-since'), utcDay(0));
      await page.fill($('usage-range-until'), utcDay(-3));
      await page.click($('usage-range-apply'));
      await page.waitForSelector(`${$('usage-custom-range')} [role="alert"]`);
      await page.click($('usage-range-30d'));
      await page.waitForSelector(`${$('usage-chart')}[data-points="30"]`);

      // Each source shows its own calls; together they are all of them.
      const all = await total('requests');
      const bySource = {};
      for (const source of ['app', 'gateway']) {
        await page.click($(`usage-source-${source}`));
        await page.waitForSelector(`${$(`usage-source-${source}`)}[aria-checked="true"]`);
        await page.waitForSelector(`${$('usage-breakdown')}[data-loading="false"]`);
        await page.waitForSelector(`${$('usage-chart')}[data-loading="false"]`);
        bySource[source] = await total('requests');
      }
      assert(bySource.app >= 1, 'the app source shows no requests, but the app verified a key');
      assert(bySource.app + bySource.gateway === all, `app ${bySource.app} + gateway ${bySource.gateway} ≠ all ${all}`);
      await page.click($('usage-source-all'));
      await page.waitForSelector(`${$('usage-source-all')}[aria-checked="true"]`);
    },
  ],
  [
    'the breakdown groups by member, model, endpoint, key and source',
    async () => {
      if (!logged) return;
      for (const by of ['model', 'endpoint', 'source', 'key']) {
        await page.click($(`usage-by-${by}`));
        await page.waitForSelector(`${$('usage-breakdown')}[data-by="${by}"][data-loading="false"] ${$('usage-breakdown-row')}`);
      }
      const rows = await page.locator($('usage-breakdown-row')).allInnerTexts();
      assert(rows.some((r) => r.includes('e2e')), `no key row names the "e2e" key: ${rows.join(' / ')}`);
      await scrollTo($('usage-breakdown'));
      await shot('05-breakdown-by-key');
      await page.click($('usage-by-member'));
      await page.waitForSelector(`${$('usage-breakdown')}[data-by="member"]`);
    },
  ],
  [
    'edit a model’s price, then reset it',
    async () => {
      await openUsageTab('prices');
      await page.waitForSelector(priceRow('gpt-4o-mini'));
      const asOf = await page.locator($('usage-prices')).innerText();
      assert(/openai\.com\/api\/pricing/.test(asOf), 'the price table does not say where to check the prices');
      await page.click(`${priceRow('gpt-4o-mini')} ${$('usage-price-edit')}`);
      await page.fill($('usage-price-input'), 'abc');
      await page.click($('usage-price-save'));
      await page.waitForSelector(`${priceRow('gpt-4o-mini')} [role="alert"]`);
      await page.fill($('usage-price-input'), '0.2');
      await page.fill($('usage-price-output'), '0.8');
      await page.click($('usage-price-save'));
      await page.waitForSelector(`${priceRow('gpt-4o-mini')}[data-custom="true"]`, { timeout: 60_000 });
      await toast('success');
      const text = await page.locator(priceRow('gpt-4o-mini')).innerText();
      assert(text.includes('$0.20') && text.includes('$0.80'), `the edited row reads "${text.replace(/\s+/g, ' ')}"`);
      await shot('06-price-edited');
      await dismissToasts();
      await page.click(`${priceRow('gpt-4o-mini')} ${$('usage-price-reset')}`);
      await page.waitForSelector(`${priceRow('gpt-4o-mini')}[data-custom="false"]`, { timeout: 60_000 });
      const back = await page.locator(priceRow('gpt-4o-mini')).innerText();
      assert(back.includes('$0.15') && back.includes('$0.60'), `the reset row reads "${back.replace(/\s+/g, ' ')}"`);
    },
  ],
  [
    'add a price for a new model, then remove it',
    async () => {
      await dismissToasts();
      await page.click($('usage-price-add'));
      await page.waitForSelector($('usage-price-dialog-model'));
      await page.fill($('usage-price-dialog-model'), 'gpt-4o');
      await page.fill($('usage-price-dialog-input'), '1');
      await page.click($('usage-price-dialog-save'));
      await page.waitForSelector(`${$('usage-price-dialog')} [role="alert"]`);
      await page.fill($('usage-price-dialog-model'), MODEL);
      await page.fill($('usage-price-dialog-input'), '1.5');
      await page.fill($('usage-price-dialog-output'), '6');
      await shot('07-add-price');
      await page.click($('usage-price-dialog-save'));
      await page.waitForSelector(`${priceRow(MODEL)}[data-custom="true"]`, { timeout: 60_000 });
      await page.waitForSelector($('usage-price-dialog-model'), { state: 'detached' });
      await page.fill($('usage-price-search'), RUN);
      assert((await page.locator($('usage-price-row')).count()) === 1, 'the filter does not narrow the table to the new model');
      await page.click(`${priceRow(MODEL)} ${$('usage-price-reset')}`);
      await page.waitForSelector(priceRow(MODEL), { state: 'detached', timeout: 60_000 });
      await page.fill($('usage-price-search'), '');
    },
  ],
  [
    'set a monthly budget and alert rules',
    async () => {
      await dismissToasts();
      await openUsageTab('settings');
      await page.waitForSelector($('usage-budget-amount'));
      await page.waitForFunction((sel) => /\$/.test(document.querySelector(sel)?.textContent ?? ''), $('usage-month-spend'));
      await page.fill($('usage-budget-warn'), '150');
      await page.click($('usage-budget-save'));
      await page.waitForSelector(`${$('usage-budget')} [role="alert"]`);
      await page.fill($('usage-budget-amount'), '250');
      await page.fill($('usage-budget-warn'), '90');
      await page.fill($('usage-rule-burst-count'), '20');
      await page.click($('usage-budget-save'));
      await toast('success');
      await page.waitForFunction((sel) => /250/.test(document.querySelector(sel)?.textContent ?? ''), $('usage-month-spend'));
      await shot('08-budget');
      await dismissToasts();
      // With spend this month (the gateway's calls), a budget below it raises the budget alert.
      const spent = Number((await page.getAttribute($('usage-month-spend'), 'data-spent')) || 0);
      if (spent > 0) {
        await page.fill($('usage-budget-amount'), (spent / 2).toFixed(8));
        await page.click($('usage-budget-save'));
        await toast('success');
        const alert = await page.waitForSelector(`${$('usage-alert')}[data-kind="budget"][data-severity="critical"]`);
        assert(/budget/i.test(await alert.innerText()), 'the budget alert does not mention the budget');
        await page.locator($('usage-screen')).locator('.content').evaluate((el) => el.scrollTo(0, 0)).catch(() => {});
        await shot('08-budget-alert');
        await dismissToasts();
      } else {
        console.log('# nothing was spent this month: the budget alert is not raised');
      }
      // Back to no budget and the default rules.
      await page.fill($('usage-budget-amount'), '');
      await page.fill($('usage-budget-warn'), '80');
      await page.fill($('usage-rule-burst-count'), '10');
      await page.click($('usage-budget-save'));
      await toast('success');
      await page.waitForSelector(`${$('usage-budget-save')}:disabled`);
    },
  ],
  [
    'body logging is explained, can be switched on and off, retention is kept',
    async () => {
      await dismissToasts();
      const toggle = $('usage-bodies-toggle');
      if (await page.isChecked(toggle)) {
        await page.click($('usage-privacy-defaults'));
        await toast('success');
        await dismissToasts();
      }
      assert(!(await page.isChecked(toggle)), 'body logging is on after restoring the defaults');
      const off = await page.locator($('usage-bodies-explain')).innerText();
      assert(/never written to disk/.test(off), `the explanation with body logging off reads "${off}"`);
      assert((await page.inputValue($('usage-row-days'))) === '365', 'usage rows are not kept 365 days by default');
      await page.click(toggle);
      await page.fill($('usage-body-days'), '7');
      assert(await page.isChecked($('usage-redact')), 'redaction is not on by default');
      await page.fill($('usage-row-days'), '400');
      await scrollTo($('usage-privacy'));
      await shot('09-privacy');
      await page.click($('usage-privacy-save'));
      await toast('success');
      await dismissToasts();
      await page.click($('usage-bodies-view'));
      await page.waitForSelector(`${$('usage-bodies')}[open]`);
      await page.keyboard.press('Escape');
      await page.waitForSelector(`${$('usage-bodies')}[open]`, { state: 'detached' });
      await page.click($('usage-privacy-defaults'));
      await toast('success');
      await page.waitForFunction((sel) => document.querySelector(sel)?.value === '365', $('usage-row-days'));
      assert(!(await page.isChecked(toggle)), 'restoring the defaults leaves body logging on');
    },
  ],
  [
    'reconcile with the organization usage and map a key id',
    async () => {
      await dismissToasts();
      await openUsageTab('reconcile');
      await page.waitForSelector($('usage-reconcile'));
      await page.waitForSelector(`${$('usage-admin-key')}:enabled`);
      const options = await page.locator(`${$('usage-admin-key')} option`).evaluateAll((os) => os.map((o) => o.value));
      if (options.includes('e2e')) {
        await page.selectOption($('usage-admin-key'), 'e2e');
        await toast('success');
        // "e2e" is a project key: the screen says an admin key is needed.
        await page.waitForSelector($('usage-rec-not-admin'));
        await page.click($('usage-rec-run'));
        await page.waitForSelector(`${$('usage-rec-result')}, ${$('usage-reconcile')} ~ ${$('error-banner')}`, { timeout: 60_000 });
        await shot('10-reconcile');
        await dismissToasts();
        await page.fill($('usage-map-id'), KEY_ID);
        await page.selectOption($('usage-map-key'), 'e2e');
        await page.click($('usage-map-add'));
        await page.waitForSelector(`${$('usage-mapping')}[data-id="${KEY_ID}"]`, { timeout: 60_000 });
        const mapped = await page.locator(`${$('usage-mapping')}[data-id="${KEY_ID}"]`).innerText();
        assert(mapped.includes('e2e'), `the mapping reads "${mapped}"`);
        await page.click(`${$('usage-mapping')}[data-id="${KEY_ID}"] button`);
        await page.waitForSelector(`${$('usage-mapping')}[data-id="${KEY_ID}"]`, { state: 'detached', timeout: 60_000 });
        await page.selectOption($('usage-admin-key'), '');
        await toast('success');
      } else {
        console.log('# no "e2e" key registered: reconciliation not run');
        await page.waitForSelector($('usage-rec-no-admin'));
      }
    },
  ],
  [
    'export the report as CSV, JSON, HTML and PDF',
    async () => {
      for (const [format, lang] of [
        ['csv', 'en'],
        ['json', 'en'],
        ['html', 'zh-CN'],
        ['pdf', 'zh-CN'],
      ]) {
        await dismissToasts();
        await page.click($('usage-export-button'));
        await page.waitForSelector($('usage-export-menu'));
        await page.click($(`usage-export-lang-${lang}`));
        await page.selectOption($('usage-export-by'), format === 'html' ? 'model' : 'day');
        if (format === 'csv') await shot('11-export-menu');
        await page.click($(`usage-export-${format}`));
        // The toast of this export: earlier ones may still be closing.
        const detail = await page.waitForFunction(
          (ext) =>
            [...document.querySelectorAll('[data-testid="toast"][data-kind="success"] [data-testid="toast-detail"]')]
              .map((d) => d.textContent?.trim() ?? '')
              .find((p) => p.toLowerCase().endsWith(ext)),
          `.${format}`,
        );
        const path = await detail.jsonValue();
        assert(/[\\/]/.test(path), `the ${format} export toast shows "${path}", not a path`);
        if (format === 'html') assert(path.includes('model'), `the report grouped by model was saved as "${path}"`);
      }
      await dismissToasts();
    },
  ],
  [
    'the evidence note counts the items it lists (not-applicable ones apart, uncounted)',
    async () => {
      await page.goto(`${BASE_URL}/#/usage`);
      await page.waitForSelector($('screen-usage'));
      await openUsageTab('overview');
      const note = await page.waitForSelector($('usage-evidence'), { state: 'attached', timeout: 10_000 }).catch(() => null);
      if (!note) {
        assert(!logged, 'the Usage screen has data but no evidence note');
        return; // no usage data, no note
      }
      await note.scrollIntoViewIfNeeded();
      await shot('11b-evidence');
      const got = await page.evaluate(() => {
        const lead = document.querySelector('[data-testid="usage-evidence-lead"]');
        const listed = document.querySelectorAll('[data-testid="usage-evidence"] .items:not(.na) a').length;
        const more = Number(/\d+/.exec(document.querySelector('[data-testid="usage-evidence"] .more')?.textContent ?? '0')?.[0] ?? 0);
        return { count: Number(lead?.getAttribute('data-count') ?? 0), text: lead?.textContent ?? '', listed, more };
      });
      assert(got.count === got.listed + got.more, `the note says ${got.count} items ("${got.text}") and lists ${got.listed} + ${got.more} more`);
      assert(got.text.includes(String(got.count)), `the note's text "${got.text}" does not say ${got.count}`);
    },
  ],
  ['the usage screen, as this suite leaves it, has no serious accessibility problem', () => checkA11y(page, 'usage')],
  [
    'switch to Chinese, see the Usage screen in Chinese, and switch back',
    async () => {
      await page.click($('nav-settings'));
      await page.waitForSelector($('lang-zh-CN'));
      for (const id of ['lang-system', 'lang-en', 'lang-zh-CN']) {
        if ((await page.getAttribute($(id), 'aria-checked')) === 'true') initialLanguage = id;
      }
      await page.click($('lang-zh-CN'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('用量'), $('nav-usage'));
      await page.click($('nav-usage'));
      await openUsageTab('overview');
      await page.waitForSelector(`${$('usage-empty')}, ${$('usage-totals')}`);
      const text = await page.locator($('usage-screen')).innerText();
      const words = logged ? ['用量', '请求数', '令牌', '费用（估算）', '错误', '速率限制 (429)', '按成员', '价格表', '对账'] : ['用量', '还没有任何记录', '网关'];
      for (const w of words) assert(text.includes(w), `the Chinese Usage screen lacks "${w}"`);
      await shot('12-zh');
      await openUsageTab('settings');
      await page.waitForSelector($('usage-budget'));
      const settings = await page.locator($('usage-screen')).innerText();
      for (const w of ['预算', '告警']) assert(settings.includes(w), `the Chinese settings lack "${w}"`);
      await page.click($('nav-settings'));
      await page.click($(initialLanguage || 'lang-system'));
      await page.waitForSelector(`${$(initialLanguage || 'lang-system')}[aria-checked="true"]`);
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'usage-failure.png',
  timeout: STEP_TIMEOUT,
  onPage: (p) => (page = p),
});

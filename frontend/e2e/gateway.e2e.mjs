// End-to-end test of the Gateway screen in a real browser.
//
// Runs against the app served by `wails dev` (default http://localhost:34115,
// override with STEWARD_E2E_URL). scripts/e2e.sh starts a local OpenAI
// stand-in (STEWARD_E2E_OPENAI_URL), registers its key as "e2e" and adds the
// member "E2E bot": this test points the gateway at the stand-in with that
// key, starts it on a free port, gives the member a token and a policy, makes
// calls through it with fetch, and checks the counters, the recent errors and
// the Usage screen. Without the stand-in it tests the screens only. Every
// setting it changes is put back, and the gateway is stopped at the end.
//
// Steps run in order and depend on each other: after the first failure the
// rest are reported as failed without running (the gateway is still
// stopped). A screenshot of every step goes to e2e/artifacts/gateway-*.png.
// The last line printed is "N passed, N failed".
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkA11y, runSteps, waitForServer } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const OPENAI_URL = process.env.STEWARD_E2E_OPENAI_URL || '';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const STEP_TIMEOUT = 20_000;
const MEMBER = 'E2E bot';

mkdirSync(ARTIFACTS, { recursive: true });

/** @type {import('playwright-core').Page} */
let page;
let initialLanguage = '';
/** The settings found on arrival, put back at the end. */
let saved = null;
let port = 0;
let baseURL = '';
let token = '';
/** Whether calls can go through the gateway (a stand-in, its key and a member). */
let live = false;

const $ = (testid) => `[data-testid="${testid}"]`;
const policyRow = (member) => `${$('gateway-policy-row')}[data-member="${member}"]`;

/** A port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port: p } = srv.address();
      srv.close(() => resolve(p));
    });
  });
}

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `gateway-${name}.png`), fullPage: false });
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

async function openTab(id) {
  await page.click($(`tab-${id}`));
  await page.waitForSelector(`${$(`tab-${id}`)}[aria-selected="true"]`);
}

async function counter(name) {
  return Number((await page.locator($(`gateway-stat-${name}`)).innerText()).replace(/[^0-9]/g, ''));
}

/** A chat completion through the gateway; resolves to the HTTP status. */
async function chat(bearer, model = 'gpt-4o-mini') {
  const res = await fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Say hello to the gateway test.' }] }),
  });
  await res.arrayBuffer();
  return res.status;
}

async function stopIfRunning() {
  if ((await page.getAttribute($('gateway-toggle'), 'data-running')) === 'true') {
    await page.click($('gateway-toggle'));
    await page.waitForSelector(`${$('gateway-toggle')}[data-running="false"]`);
  }
}

const steps = [
  [
    'app loads and shows the Gateway screen',
    async () => {
      await waitForServer(BASE_URL);
      await page.goto(BASE_URL);
      await page.waitForSelector($('nav-gateway'));
      await page.click($('nav-gateway'));
      await page.waitForSelector($('gateway-screen'));
      await page.waitForSelector(`${$('gateway-status')}, ${$('error-banner')}`);
      assert((await page.locator($('error-banner')).count()) === 0, 'an error banner is shown on start');
      const url = await page.locator($('gateway-base-url')).innerText();
      assert(/^http:\/\/.+\/v1$/.test(url.trim()), `the base URL reads "${url}"`);
      await page.waitForSelector($('gateway-snippet'));
      await page.click($('gateway-snippet-python'));
      const code = await page.locator($('gateway-snippet')).innerText();
      assert(code.includes('base_url=') && code.includes(url.trim()), `the Python snippet reads "${code}"`);
      await page.click($('gateway-snippet-shell'));
      await shot('01-start');
    },
  ],
  [
    'settings: a free port, the stand-in upstream and the e2e key',
    async () => {
      await openTab('settings');
      await page.waitForSelector($('gateway-settings'));
      saved = {
        listen: await page.inputValue($('gateway-listen')),
        upstream: await page.inputValue($('gateway-upstream')),
        key: await page.inputValue($('gateway-upstream-key')),
      };
      port = await freePort();
      await page.fill($('gateway-listen'), `127.0.0.1:${port}`);
      if (OPENAI_URL) await page.fill($('gateway-upstream'), OPENAI_URL);
      const keys = await page.locator(`${$('gateway-upstream-key')} option`).evaluateAll((os) => os.map((o) => o.value));
      if (keys.includes('e2e')) await page.selectOption($('gateway-upstream-key'), 'e2e');
      live = !!OPENAI_URL && keys.includes('e2e');
      // A bad size is refused before anything is saved.
      await page.fill($('gateway-max-body'), 'lots');
      await page.click($('gateway-settings-save'));
      await page.waitForSelector(`${$('gateway-settings')} [role="alert"]`);
      await page.fill($('gateway-max-body'), '64');
      await shot('02-settings');
      await page.click($('gateway-settings-save'));
      await toast('success');
      await page.waitForSelector(`${$('gateway-settings-save')}:disabled`);
    },
  ],
  [
    'start the gateway',
    async () => {
      await dismissToasts();
      await openTab('status');
      await stopIfRunning();
      await page.click($('gateway-toggle'));
      await page.waitForSelector(`${$('gateway-toggle')}[data-running="true"]`);
      await page.waitForSelector(`${$('gateway-status')}[data-running="true"]`);
      baseURL = (await page.locator($('gateway-base-url')).innerText()).trim();
      assert(baseURL === `http://127.0.0.1:${port}/v1`, `the running gateway's base URL is "${baseURL}"`);
      const summary = await page.locator($('gateway-summary')).innerText();
      assert(summary.includes(baseURL), `the toolbar reads "${summary}"`);
      const res = await fetch(`${baseURL}/models`, { headers: { authorization: 'Bearer stw_not-a-token' } });
      assert(res.status === 401, `a bogus token got HTTP ${res.status}`);
      await shot('03-running');
    },
  ],
  [
    'providers: add a fallback, test it, run a drill, remove it',
    async () => {
      await dismissToasts();
      await openTab('providers');
      await page.waitForSelector(`${$('gateway-provider')}[data-name="primary"]`);
      if (!live) {
        console.log('# no stand-in upstream: providers are not exercised');
        return;
      }
      await page.fill($('gateway-provider-name'), 'backup');
      await page.fill($('gateway-provider-url'), OPENAI_URL);
      await page.selectOption($('gateway-provider-key'), 'e2e');
      await page.fill($('gateway-provider-models'), 'gpt-4o-mini=gpt-4o');
      await page.click($('gateway-provider-add-submit'));
      await toast('success');
      const row = `${$('gateway-provider')}[data-name="backup"]`;
      await page.waitForSelector(row);
      await page.click(`${row} ${$('gateway-provider-test')}`);
      await page.waitForSelector(`${row} ${$('gateway-provider-check')}`);
      const check = await page.locator(`${row} ${$('gateway-provider-check')}`).innerText();
      assert(/answered in \d+ ms/.test(check), `the provider test reads "${check}"`);
      await page.click($('gateway-drill'));
      await page.waitForSelector(`${$('gateway-drill-result')}[data-passed="true"]`);
      const drill = await page.locator($('gateway-drill-result')).innerText();
      assert(drill.includes('backup would answer') && drill.includes('OP-09'), `the drill reads "${drill}"`);
      await shot('03b-providers');
      await dismissToasts();
      await page.click(`${row} ${$('gateway-provider-remove')}`);
      await toast('success');
      await page.waitForFunction((sel) => !document.querySelector(sel), row);
    },
  ],
  [
    'create a member token',
    async () => {
      await dismissToasts();
      await openTab('access');
      await page.waitForSelector(`${$('gateway-tokens')}, ${$('gateway-no-members')}`);
      const members = await page.locator(policyRow(MEMBER)).count();
      if (members === 0) {
        live = false;
        console.log(`# no member "${MEMBER}": tokens and policies are not exercised`);
        return;
      }
      await page.click($('gateway-token-create'));
      await page.selectOption($('gateway-token-member'), MEMBER);
      await page.click($('gateway-token-submit'));
      const value = await page.waitForSelector($('gateway-token-value'));
      token = (await value.innerText()).trim();
      assert(/^stw_[A-Za-z0-9]{40}$/.test(token), `the new token looks like "${token.slice(0, 8)}…"`);
      await shot('04-token');
      await page.click($('gateway-token-done'));
      await page.waitForSelector(`${$('gateway-token-row')}[data-member="${MEMBER}"][data-active="true"]`);
      const shown = await page.locator($('gateway-tokens')).innerText();
      assert(!shown.includes(token), 'the token list shows the whole token');
    },
  ],
  [
    'give the member a policy',
    async () => {
      if (!token) return;
      await dismissToasts();
      await page.click(`${policyRow(MEMBER)} ${$('gateway-policy-edit')}`);
      await page.waitForSelector($('gateway-policy-rpm'));
      await page.fill($('gateway-policy-rpm'), 'fast');
      await page.click($('gateway-policy-save'));
      await page.waitForSelector(`${$('gateway-policy-dialog')} [role="alert"]`);
      await page.fill($('gateway-policy-rpm'), '2');
      await page.fill($('gateway-policy-models'), 'gpt-4o-mini, text-embedding-3*');
      await page.click($('gateway-policy-pii-redact'));
      await shot('05-policy');
      await page.click($('gateway-policy-save'));
      await toast('success');
      await page.waitForFunction((sel) => /2\D+min/.test(document.querySelector(sel)?.textContent ?? ''), policyRow(MEMBER));
      const row = await page.locator(policyRow(MEMBER)).innerText();
      assert(row.includes('gpt-4o-mini') && row.includes('text-embedding-3*'), `the policy row reads "${row}"`);
    },
  ],
  [
    'calls through the gateway are counted, limited and logged',
    async () => {
      if (!live || !token) {
        console.log('# no stand-in upstream or member token: no calls are made');
        return;
      }
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push(await chat(token));
      codes.push(await chat(token, 'gpt-4o'));
      assert(codes.filter((c) => c === 200).length === 2, `statuses ${codes.join(', ')}: not two successes under a limit of 2/min`);
      assert(codes.slice(2).every((c) => c === 429 || c === 403), `statuses ${codes.join(', ')}: calls over the limit were let through`);
      await openTab('status');
      await page.waitForFunction(
        (sel) => Number(document.querySelector(sel)?.textContent?.replace(/\D/g, '') ?? 0) >= 6,
        $('gateway-stat-requests'),
      );
      assert((await counter('refused')) >= 3, 'the refused calls are not counted');
      await page.waitForSelector($('gateway-error-row'));
      const errors = await page.locator($('gateway-errors')).innerText();
      assert(errors.includes(MEMBER), `the recent errors don't name the member: ${errors.slice(0, 200)}`);
      assert(!errors.includes(token), 'the recent errors show the token');
      await page.locator($('gateway-errors')).scrollIntoViewIfNeeded();
      await shot('06-counters');
    },
  ],
  [
    'the Usage screen shows the gateway’s calls',
    async () => {
      if (!live || !token) return;
      await page.click($('gateway-usage-link'));
      await page.waitForSelector($('usage-screen'));
      await page.waitForSelector(`${$('usage-source-gateway')}[aria-checked="true"]`);
      await page.waitForSelector(`${$('usage-breakdown')}[data-loading="false"] ${$('usage-breakdown-row')}[data-group="${MEMBER}"]`);
      const text = await page.locator($('usage-total-requests')).innerText();
      assert(Number(text.replace(/\D/g, '')) >= 5, `the gateway's requests read "${text}"`);
      const tokens = await page.locator($('usage-total-tokens')).innerText();
      assert(/[1-9]/.test(tokens), `the gateway's calls report no tokens: "${tokens}"`);
      await shot('07-usage');
      await page.click($('usage-source-all'));
      await page.click($('nav-gateway'));
      await page.waitForSelector($('gateway-status'));
    },
  ],
  [
    'revoke the token, remove the policy, stop the gateway',
    async () => {
      await dismissToasts();
      if (token) {
        await openTab('access');
        await page.click(`${$('gateway-token-row')}[data-member="${MEMBER}"][data-active="true"] ${$('gateway-token-revoke')}`);
        await page.waitForSelector($('gateway-revoke-confirm'));
        await shot('08-revoke');
        await page.click($('gateway-revoke-confirm'));
        await toast('success');
        if (live) assert((await chat(token)) === 401, 'the revoked token still works');
        await dismissToasts();
        await page.click(`${policyRow(MEMBER)} ${$('gateway-policy-edit')}`);
        await page.click($('gateway-policy-clear'));
        await toast('success');
        await page.waitForFunction((sel) => !/min/.test(document.querySelector(sel)?.textContent ?? ''), policyRow(MEMBER));
      }
      await openTab('status');
      await page.click($('gateway-toggle'));
      await page.waitForSelector(`${$('gateway-toggle')}[data-running="false"]`);
      await page.waitForSelector(`${$('gateway-status')}[data-running="false"]`);
      const refused = await fetch(`${baseURL}/models`).then(
        () => 'answered',
        () => 'refused',
      );
      assert(refused === 'refused', 'the stopped gateway still answers');
    },
  ],
  [
    'put the settings back',
    async () => {
      await dismissToasts();
      await openTab('settings');
      await page.fill($('gateway-listen'), saved.listen);
      await page.fill($('gateway-upstream'), saved.upstream);
      await page.selectOption($('gateway-upstream-key'), saved.key);
      await page.fill($('gateway-max-body'), '');
      await page.click($('gateway-settings-save'));
      await toast('success');
    },
  ],
  ['the gateway screen, as this suite leaves it, has no serious accessibility problem', () => checkA11y(page, 'gateway')],
  [
    'switch to Chinese, see the Gateway screen in Chinese, and switch back',
    async () => {
      await page.click($('nav-settings'));
      await page.waitForSelector($('lang-zh-CN'));
      for (const id of ['lang-system', 'lang-en', 'lang-zh-CN']) {
        if ((await page.getAttribute($(id), 'aria-checked')) === 'true') initialLanguage = id;
      }
      await page.click($('lang-zh-CN'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('网关'), $('nav-gateway'));
      await page.click($('nav-gateway'));
      await openTab('status');
      await page.waitForSelector($('gateway-status'));
      const text = await page.locator($('gateway-screen')).innerText();
      for (const w of ['网关', '已停止', '接入应用', '最近的错误']) assert(text.includes(w), `the Chinese Gateway screen lacks "${w}"`);
      await shot('09-zh');
      await openTab('access');
      await page.waitForSelector(`${$('gateway-tokens')}, ${$('gateway-no-members')}`);
      const access = await page.locator($('gateway-screen')).innerText();
      for (const w of ['成员令牌', '成员策略']) assert(access.includes(w), `the Chinese access tab lacks "${w}"`);
      await shot('10-zh-access');
      await page.click($('nav-settings'));
      await page.click($(initialLanguage || 'lang-system'));
      await page.waitForSelector(`${$(initialLanguage || 'lang-system')}[aria-checked="true"]`);
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'gateway-failure.png',
  timeout: STEP_TIMEOUT,
  onPage: (p) => (page = p),
});

// End-to-end test of the Keys screen in a real browser.
//
// Runs against the app served by `wails dev` (default http://localhost:34115,
// override with STEWARD_E2E_URL). scripts/e2e.sh runs it inside a private
// D-Bus session with an unlocked gnome-keyring, so keys go to a real OS
// keychain that is thrown away afterwards.
//
// The API keys used here are generated at run time with the shape of OpenAI
// project keys; none is committed and none works against the API.
//
// Steps run in order and depend on each other: after the first failure the
// rest are reported as failed without running. A screenshot of every step
// goes to e2e/artifacts/keys-*.png. The last line printed is "N passed, N failed".
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkA11y, runSteps, waitForServer } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const STEP_TIMEOUT = 20_000;
// Verification calls the API (or says it isn't set up); offline it may retry before giving up.
const VERIFY_TIMEOUT = 120_000;
const RUN = randomBytes(3).toString('hex');
const ALICE = `Alice ${RUN}`;
const BOB = `Bob ${RUN}`;
const LABEL = `alice-${RUN}-dev`;
const PLACE = 'GitHub Actions secret OPENAI_API_KEY';
const VAULT_PASSPHRASE = 'steward e2e vault passphrase';

/** A random string shaped like an OpenAI project key. */
function fakeProjectKey() {
  const part = (n) => randomBytes(n).toString('base64url');
  return `sk-proj-${part(30)}T3BlbkFJ${part(30)}`;
}
const firstKey = fakeProjectKey();
const secondKey = fakeProjectKey();
const secrets = [firstKey, secondKey];

mkdirSync(ARTIFACTS, { recursive: true });

/** @type {import('playwright-core').Page} */
let page;
let initialLanguage = '';
let firstKeyId = '';

const $ = (testid) => `[data-testid="${testid}"]`;
const member = (name) => `${$('member')}[data-member="${name}"]`;
const keyRow = (label) => `${$('key-row')}[data-label="${label}"]`;

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `keys-${name}.png`), fullPage: false });
}

async function toast(kind) {
  const sel = `${$('toast')}[data-kind="${kind}"]`;
  await page.waitForSelector(sel);
  return page.locator(sel).last();
}

async function dismissToasts() {
  for (const b of await page.locator(`${$('toast')} button`).all()) await b.click({ timeout: 1000 }).catch(() => {});
}

/** Fails if a full key is anywhere in the page: its text, its HTML or a field's value. */
async function assertNoSecretShown(where) {
  const found = await page.evaluate((keys) => {
    const fields = [...document.querySelectorAll('input, textarea')].map((el) => el.value);
    const hay = [document.body.innerText, document.documentElement.outerHTML, ...fields].join('\n');
    return keys.filter((k) => hay.includes(k)).length;
  }, secrets);
  assert(found === 0, `a full API key is in the page ${where}`);
}

async function openPastKeys() {
  if ((await page.getAttribute($('past-keys-toggle'), 'aria-expanded')) !== 'true') await page.click($('past-keys-toggle'));
}

async function addMember(name, role, email) {
  if (await page.locator($('add-first-member')).count()) await page.click($('add-first-member'));
  else await page.click($('add-member'));
  await page.waitForSelector($('member-dialog'));
  await page.fill($('member-name-input'), name);
  await page.fill($('member-role-input'), role);
  await page.fill($('member-email-input'), email);
  await page.click($('member-submit'));
  await page.waitForSelector(member(name));
  await page.waitForSelector($('member-dialog'), { state: 'detached' });
}

const steps = [
  [
    'app loads and shows the keys screen',
    async () => {
      await waitForServer(BASE_URL);
      await page.goto(BASE_URL);
      await page.waitForSelector($('nav-keys'));
      const soon = await page.locator(`${$('nav-keys')} .soon`).count();
      assert(soon === 0, 'the Keys link is still marked "Soon"');
      await page.click($('nav-keys'));
      await page.waitForSelector($('keys-screen'));
      // The empty state, the team or a vault panel, never a stuck spinner.
      await page.waitForSelector(`${$('no-members')}, ${$('team')}, ${$('vault-panel')}, ${$('error-banner')}`);
      await shot('01-start');
      if (await page.locator($('vault-panel')).count()) {
        const problem = await page.locator($('vault-panel')).innerText();
        throw new Error(`the vault is not ready (is the keyring session running?): ${problem.replace(/\s+/g, ' ')}`);
      }
      assert((await page.locator($('error-banner')).count()) === 0, 'an error banner is shown on start');
      const store = await page.getAttribute($('vault-store'), 'data-kind');
      assert(store === 'keychain', `keys are kept in "${store}", not the system keychain`);
    },
  ],
  [
    'add two members',
    async () => {
      await addMember(ALICE, 'Backend engineer', `alice.${RUN}@example.com`);
      await shot('02-member-added');
      await addMember(BOB, 'Data scientist', `bob.${RUN}@example.com`);
      await page.waitForSelector(`${member(BOB)} ${$('member-no-keys')}`);
      await shot('03-two-members');
    },
  ],
  [
    'add a key for one member',
    async () => {
      await page.click(`${member(ALICE)} ${$('member-add-key')}`);
      await page.waitForSelector($('add-key-dialog'));
      const chosen = await page.inputValue($('key-member'));
      assert(chosen === ALICE, `the dialog preselected "${chosen}", not ${ALICE}`);
      await page.click($('key-env-dev'));
      await page.fill($('key-label'), LABEL);
      const type = await page.getAttribute($('key-secret'), 'type');
      assert(type === 'password', `the key field is of type "${type}", not password`);
      // Something that isn't a key is refused with Go's reason, and the field emptied.
      await page.fill($('key-secret'), 'my-openai-key');
      await page.click($('key-submit'));
      const refusal = await page.locator(`${$('add-key-dialog')} ${$('error-banner')}`).innerText();
      assert(refusal.includes('sk-'), `refusing a non-key says "${refusal.replace(/\s+/g, ' ')}"`);
      assert((await page.inputValue($('key-secret'))) === '', 'the key field was not emptied after a failed submit');
      await page.fill($('key-secret'), firstKey);
      await page.waitForSelector($('key-detected'));
      await page.fill($('key-notes'), 'Local development');
      await shot('04-add-key-dialog');
      await page.click($('key-submit'));
      await page.waitForSelector(keyRow(LABEL));
      await page.waitForSelector($('add-key-dialog'), { state: 'detached' });
      const redacted = (await page.locator(`${keyRow(LABEL)} ${$('key-redacted')}`).innerText()).trim();
      assert(redacted !== firstKey, 'the key is shown in full');
      assert(redacted === `sk-proj-…${firstKey.slice(-4)}`, `the redacted form is "${redacted}"`);
      await assertNoSecretShown('after adding the key');
      await shot('05-key-added');
    },
  ],
  [
    'the member without a key shows up as a finding',
    async () => {
      if (await page.locator($('key-panel')).count()) await page.click($('key-panel-close'));
      const bobFinding = page.locator(`${$('finding')}[data-kind="member_without_key"]`, { hasText: BOB });
      await bobFinding.waitFor();
      const aliceFinding = page.locator(`${$('finding')}[data-kind="member_without_key"]`, { hasText: ALICE });
      assert((await aliceFinding.count()) === 0, `${ALICE} is flagged as having no key of her own`);
      const text = await bobFinding.innerText();
      assert(text.length > 80, 'the finding does not say why it matters and what to do');
      const href = await bobFinding.locator($('finding-item')).first().getAttribute('href');
      assert(href === '#/checklist?item=KH-01', `the finding links to "${href}", not KH-01`);
      await page.locator($('findings')).scrollIntoViewIfNeeded();
      await shot('06-findings');
    },
  ],
  [
    'verify the key and see the outcome',
    async () => {
      await page.locator(keyRow(LABEL)).scrollIntoViewIfNeeded();
      await page.click(`${keyRow(LABEL)} ${$('key-verify')}`);
      // Either the check ran (valid, invalid, network error...) or the build says it can't check.
      await page.waitForFunction(
        (sel) => {
          const row = document.querySelector(sel);
          if (!row) return false;
          const result = row.querySelector('[data-testid="key-verified"]')?.getAttribute('data-result');
          return !!result || !!row.querySelector('[data-testid="verify-error"]');
        },
        keyRow(LABEL),
        { timeout: VERIFY_TIMEOUT },
      );
      const row = page.locator(keyRow(LABEL));
      const message = (await row.locator(`${$('verify-error')}, ${$('key-verified')}`).first().innerText()).trim();
      assert(message.length > 0, 'verifying shows no message');
      console.log(`# verification: ${message.replace(/\s+/g, ' ')}`);
      await shot('07-verified');
      await dismissToasts();
    },
  ],
  [
    'a link from another screen opens the key, ready to rotate',
    async () => {
      if (await page.locator($('key-panel')).count()) await page.click($('key-panel-close'));
      await page.evaluate((label) => {
        location.hash = `#/keys?rotate=${encodeURIComponent(label)}`;
      }, LABEL);
      await page.waitForSelector(`${$('key-panel')}[data-label="${LABEL}"] ${$('panel-rotate-hint')}`);
      await page.waitForFunction(() => location.hash === '#/keys');
      assert((await page.locator($('rotate-dialog')).count()) === 0, 'the link opened a dialog that holds the user on this screen');
    },
  ],
  [
    'list a place the key is used',
    async () => {
      await page.click(`${keyRow(LABEL)} ${$('key-open')}`);
      await page.waitForSelector(`${$('key-panel')}[data-label="${LABEL}"]`);
      firstKeyId = await page.getAttribute($('key-panel'), 'data-id');
      await page.waitForSelector($('places-empty'));
      await page.fill($('place-input'), PLACE);
      await page.click($('place-add'));
      await page.waitForSelector(`${$('place')}[data-done="false"]`);
      await shot('08-place-added');
    },
  ],
  [
    'rotate the key and tick the place off',
    async () => {
      await page.click($('panel-mark'));
      await page.waitForSelector(`${keyRow(LABEL)}[data-status="rotation_due"]`);
      await page.click($('panel-rotate'));
      await page.waitForSelector($('rotate-dialog'));
      assert((await page.getAttribute($('rotate-secret'), 'type')) === 'password', 'the new key field is not a password field');
      await page.fill($('rotate-secret'), firstKey);
      await page.click($('rotate-submit'));
      // Pasting the key being replaced is refused, and the field is emptied.
      const refusal = await page.locator(`${$('rotate-dialog')} ${$('error-banner')}`).innerText();
      assert(refusal.includes('platform.openai.com'), `pasting the same key again says "${refusal.replace(/\s+/g, ' ')}"`);
      assert((await page.inputValue($('rotate-secret'))) === '', 'the key field still holds the key after a failed submit');
      await page.fill($('rotate-secret'), secondKey);
      await shot('09-rotate-dialog');
      await page.click($('rotate-submit'));
      await page.waitForSelector($('rotate-dialog'), { state: 'detached' });
      await page.waitForSelector($('places-rotated'));
      const newId = await page.getAttribute($('key-panel'), 'data-id');
      assert(newId && newId !== firstKeyId, 'the panel does not show the successor');
      const redacted = (await page.locator($('key-panel-redacted')).innerText()).trim();
      assert(redacted === `sk-proj-…${secondKey.slice(-4)}`, `the successor shows as "${redacted}"`);
      await page.waitForSelector(`${$('place')}[data-done="false"]`);
      await page.click($('place-tick'));
      await page.waitForSelector(`${$('place')}[data-done="true"]`);
      const progress = await page.locator($('places-progress')).innerText();
      assert(progress.includes('1'), `places progress reads "${progress}"`);
      await assertNoSecretShown('after rotating');
      await shot('10-rotated');
    },
  ],
  [
    'the key history records the rotation',
    async () => {
      await page.click($('tab-history'));
      await page.waitForSelector(`${$('key-event')}[data-event="rotated"]`);
      const events = await page.locator($('key-event')).evaluateAll((els) => els.map((e) => e.dataset.event));
      for (const e of ['added', 'place_added', 'marked_for_rotation', 'rotated', 'place_ticked']) {
        assert(events.includes(e), `the history lacks "${e}" (has: ${events.join(', ')})`);
      }
      await shot('11-history');
      await openPastKeys();
      await page.waitForSelector(`${$('past-key')}[data-label="${LABEL}"]`);
    },
  ],
  [
    'move the keys in use to an encrypted file vault and back',
    async () => {
      await dismissToasts();
      await page.locator($('vault-switch')).scrollIntoViewIfNeeded();
      await page.click($('vault-switch'));
      await page.waitForSelector($('vault-switch-dialog'));
      await page.fill($('vault-pass'), VAULT_PASSPHRASE);
      if (await page.locator($('vault-pass-confirm')).count()) await page.fill($('vault-pass-confirm'), VAULT_PASSPHRASE);
      await shot('12-vault-switch');
      await page.click($('vault-switch-submit'));
      await page.waitForSelector(`${$('vault-store')}[data-kind="file"]`);
      await dismissToasts();
      await page.click($('vault-switch'));
      await page.waitForSelector($('vault-switch-dialog'));
      await page.click($('vault-switch-submit'));
      await page.waitForSelector(`${$('vault-store')}[data-kind="keychain"]`);
      // The key still reads from the keychain after the round trip: rotating needs it.
      await page.waitForSelector(keyRow(LABEL));
      await shot('13-vault-back');
    },
  ],
  [
    'change a rotation policy',
    async () => {
      await dismissToasts();
      await page.click($('key-panel-close'));
      await page.locator($('policy')).scrollIntoViewIfNeeded();
      const before = await page.inputValue($('policy-days-prod'));
      await page.fill($('policy-days-prod'), '60');
      await page.click($('policy-save-prod'));
      await toast('success');
      await page.waitForSelector($('policy-save-prod'), { state: 'detached' });
      assert((await page.inputValue($('policy-days-prod'))) === '60', 'the prod policy did not keep 60 days');
      await shot('14-policy');
      await page.fill($('policy-days-prod'), before);
      await page.click($('policy-save-prod'));
      await page.waitForSelector($('policy-save-prod'), { state: 'detached' });
      await dismissToasts();
    },
  ],
  [
    'switch the language to Chinese and back',
    async () => {
      await page.click($('nav-settings'));
      await page.waitForSelector($('about'));
      for (const id of ['lang-system', 'lang-en', 'lang-zh-CN']) {
        if ((await page.getAttribute($(id), 'aria-checked')) === 'true') initialLanguage = id;
      }
      await page.click($('lang-zh-CN'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('密钥'), $('nav-keys'));
      await page.click($('nav-keys'));
      await page.waitForSelector(member(ALICE));
      const text = await page.locator($('keys-screen')).innerText();
      for (const word of ['密钥安全检查', '团队', '轮换策略', '添加成员']) assert(text.includes(word), `Chinese keys screen lacks "${word}"`);
      await shot('15-chinese');
      await page.click($('nav-settings'));
      await page.click($(initialLanguage || 'lang-system'));
      await page.waitForSelector(`${$(initialLanguage || 'lang-system')}[aria-checked="true"]`);
      await page.click($('nav-keys'));
      await page.waitForSelector(member(ALICE));
    },
  ],
  [
    'remove the member with keys, revoking them',
    async () => {
      await dismissToasts();
      await page.click(`${member(ALICE)} ${$('member-menu-button')}`);
      await page.click($('member-remove'));
      await page.waitForSelector($('remove-member-dialog'));
      await page.click($('remove-decision-revoke'));
      const text = await page.locator($('remove-member-dialog')).innerText();
      assert(text.includes(LABEL), 'the dialog does not list the keys the member holds');
      assert(text.includes('platform.openai.com'), 'the dialog does not remind to revoke at platform.openai.com');
      await shot('16-remove-member');
      await page.click($('remove-submit'));
      await page.waitForSelector(member(ALICE), { state: 'detached' });
      await toast('success');
      await openPastKeys();
      await page.waitForSelector(`${$('past-key')}[data-label="${LABEL}"]`);
      const statuses = await page.locator(`${$('past-key')}[data-label="${LABEL}"]`).allInnerTexts();
      assert(statuses.some((s) => /revoked/i.test(s)), 'the removed member’s key is not listed as revoked');
      await page.click($('activity-toggle'));
      await page.waitForSelector(`${$('activity-log')} ${$('key-event')}[data-event="member_removed"]`);
      const removal = await page.locator(`${$('key-event')}[data-event="member_removed"]`).first().innerText();
      assert(removal.includes(ALICE) && /revoked/.test(removal), `the removal is recorded as "${removal}"`);
      await assertNoSecretShown('after removing the member');
      await shot('17-member-removed');
    },
  ],
  ['the keys screen, as this suite leaves it, has no serious accessibility problem', () => checkA11y(page, 'keys')],
  [
    'remove the other member',
    async () => {
      await dismissToasts();
      await page.click(`${member(BOB)} ${$('member-menu-button')}`);
      await page.click($('member-remove'));
      await page.waitForSelector($('remove-member-dialog'));
      assert((await page.locator($('remove-decision-revoke')).count()) === 0, 'a member without keys is asked what to do with them');
      await page.click($('remove-submit'));
      await page.waitForSelector(member(BOB), { state: 'detached' });
      await page.waitForFunction(
        (name) => ![...document.querySelectorAll('[data-testid="finding"]')].some((f) => f.textContent?.includes(name)),
        BOB,
      );
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'keys-failure.png',
  timeout: STEP_TIMEOUT,
  onPage: (p) => (page = p),
  consoleProblem: (text) => (secrets.some((k) => text.includes(k)) ? 'a full API key was logged to the console' : null),
  // Never print a key, even inside an error message.
  scrub: (msg) => secrets.reduce((m, k) => m.split(k).join('sk-proj-…'), msg),
});

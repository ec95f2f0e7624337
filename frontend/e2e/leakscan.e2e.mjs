// End-to-end test of the Leak scan screen in a real browser.
//
// Runs against the app served by `wails dev` (default http://localhost:34115,
// override with STEWARD_E2E_URL); the app runs on this machine, so the test
// builds its own fixture folder on disk for it to scan. The keys in it are
// generated here at run time: no key is written in this file.
//
// The native folder dialog can't be driven from a browser, so folders are
// added with the screen's "Add folder by path" field. A key of the fixture is
// registered in the key register (through the bindings) to see it reported
// as critical; if the register's vault isn't usable here, that part is
// skipped and the key is expected as a plain (high) finding.
//
// Steps run in order and depend on each other: after the first failure the
// rest are reported as failed without running. Screenshots go to
// e2e/artifacts/leakscan-*.png. The last line printed is "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, callGo, checkA11y, runSteps, waitForServer } from './harness.mjs';

const BASE_URL = process.env.STEWARD_E2E_URL || 'http://localhost:34115';
// A big folder to start a scan that is still running when it is cancelled.
const BIG_DIR = process.env.STEWARD_E2E_BIG_DIR || '/usr/share';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const STEP_TIMEOUT = 30_000;
const SCAN_TIMEOUT = 120_000;

mkdirSync(ARTIFACTS, { recursive: true });

/** @type {import('playwright-core').Page} */
let page;
let initialLanguage = '';

// --- the fixture -------------------------------------------------------------

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const alnum = (n) => [...randomBytes(n)].map((b) => ALNUM[b % ALNUM.length]).join('');
const b64url = (n) => randomBytes(n).toString('base64url').slice(0, n);
const projectKey = () => `sk-proj-${b64url(40)}T3BlbkFJ${b64url(40)}`;
const legacyKey = () => `sk-${alnum(20)}T3BlbkFJ${alnum(20)}`;

const fx = {
  dir: '',
  /** In src/config.py (registered as a team key when the vault allows). */
  project: projectKey(),
  /** In .env, as OPENAI_API_KEY's value. */
  legacy: legacyKey(),
  /** In .env.local: a literal that is no key format (the env rule). */
  literal: alnum(40),
  /** Committed in old_settings.py, then deleted: only the history has it. */
  deleted: projectKey(),
  member: `E2E Leak ${alnum(6)}`,
  label: `e2e-leak-${alnum(6).toLowerCase()}`,
  registered: false,
  git: false,
};
const secrets = () => [fx.project, fx.legacy, fx.literal, fx.deleted];

function git(...args) {
  execFileSync('git', args, {
    cwd: fx.dir,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'E2E Tester',
      GIT_AUTHOR_EMAIL: 'e2e@example.invalid',
      GIT_COMMITTER_NAME: 'E2E Tester',
      GIT_COMMITTER_EMAIL: 'e2e@example.invalid',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
}

function makeFixture() {
  fx.dir = mkdtempSync(join(tmpdir(), 'steward-e2e-leak-'));
  mkdirSync(join(fx.dir, 'src'));
  try {
    git('init', '-q');
    git('checkout', '-q', '-b', 'main');
    writeFileSync(join(fx.dir, 'old_settings.py'), `OPENAI_KEY = "${fx.deleted}"\n`);
    git('add', 'old_settings.py');
    git('commit', '-q', '-m', 'settings');
    git('rm', '-q', 'old_settings.py');
    git('commit', '-q', '-m', 'remove the key');
    fx.git = true;
  } catch (e) {
    console.log(`# git unavailable, the history steps check only the skip notice: ${e.message.split('\n')[0]}`);
  }
  writeFileSync(join(fx.dir, 'src', 'config.py'), `import os\n\nclient = OpenAI(api_key="${fx.project}")\n`);
  mkdirSync(join(fx.dir, 'docs'));
  writeFileSync(join(fx.dir, 'docs', 'setup.md'), 'Put `OPENAI_API_KEY=sk-...` in your shell, never in a file.\n');
  writeFileSync(join(fx.dir, 'README.md'), '# Demo\n\nCopy `.env.example` and set `OPENAI_API_KEY=sk-your-key-here`.\n');
  writeFileSync(join(fx.dir, '.env'), `OPENAI_API_KEY=${fx.legacy}\n`);
  writeFileSync(join(fx.dir, '.env.local'), `OPENAI_API_KEY=${fx.literal}\n`);
  symlinkSync(join(fx.dir, 'missing-target.txt'), join(fx.dir, 'dangling-link'));
}

// --- helpers -----------------------------------------------------------------

const $ = (testid) => `[data-testid="${testid}"]`;

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `leakscan-${name}.png`), fullPage: false });
}

async function dismissToasts() {
  for (const b of await page.locator(`${$('toast')} button`).all()) await b.click().catch(() => {});
}

const goCall = (path, ...args) => callGo(page, path, ...args);

async function openLeakScan() {
  await page.click($('nav-leakscan'));
  await page.waitForSelector($('screen-leakscan'));
  await page.waitForSelector(`${$('leak-empty')}, ${$('leak-folders')}, ${$('leak-results')}, ${$('leak-progress')}`);
}

async function overview() {
  if (await page.locator($('leak-back')).count()) await page.click($('leak-back'));
  await page.waitForSelector(`${$('leak-empty')}, ${$('leak-folders')}`);
}

async function addFolder(path) {
  await page.fill($('leak-path-input'), path);
  await page.click($('leak-path-add'));
  await page.waitForSelector(`${$('leak-folder')}[data-path="${path}"]`);
}

async function removeFolder(path) {
  const row = page.locator(`${$('leak-folder')}[data-path="${path}"]`);
  if (await row.count()) {
    await row.locator($('leak-folder-remove')).click();
    await row.waitFor({ state: 'detached' });
  }
}

async function setOption(testid, on) {
  const box = page.locator($(testid));
  if ((await box.isChecked()) !== on) await box.click();
}

/** Starts a scan and waits for its results; returns the status shown. */
async function scan() {
  await page.click($('leak-start'));
  await page.waitForSelector($('leak-results'), { timeout: SCAN_TIMEOUT });
  return page.locator($('leak-results')).getAttribute('data-status');
}

/** The findings shown: severity, rule, file, commit, redacted form, text. */
async function findings() {
  return page.locator($('leak-finding')).evaluateAll((els) =>
    els.map((el) => ({
      severity: el.dataset.severity,
      rule: el.dataset.rule,
      file: el.dataset.file,
      commit: el.dataset.commit ?? '',
      secret: el.querySelector('[data-testid="leak-finding-secret"]')?.textContent?.trim() ?? '',
      text: el.textContent ?? '',
    })),
  );
}

/** Throws if any part of a generated secret is anywhere in the page. */
async function assertNoSecretShown() {
  const html = await page.content();
  const text = await page.locator('body').innerText();
  for (const s of secrets()) {
    // The whole value, and a chunk of its middle (redaction keeps only the ends).
    const middle = s.slice(Math.floor(s.length / 2) - 8, Math.floor(s.length / 2) + 8);
    for (const probe of [s, middle]) {
      assert(!html.includes(probe) && !text.includes(probe), `part of a generated secret is in the page: …${probe.slice(-4)}`);
    }
  }
}

const last4 = (s) => s.slice(-4);

// --- steps -------------------------------------------------------------------

const steps = [
  [
    'app loads and the leak scan screen opens',
    async () => {
      await waitForServer(BASE_URL);
      await page.goto(BASE_URL);
      await page.waitForSelector($('screen-overview'));
      // The checks read English: switch to it, and put the language back at the end.
      await page.click($('nav-settings'));
      await page.waitForSelector(`${$('lang-en')}:not([disabled])`);
      for (const id of ['lang-system', 'lang-en', 'lang-zh-CN']) {
        if ((await page.getAttribute($(id), 'aria-checked')) === 'true') initialLanguage = id;
      }
      await page.click($('lang-en'));
      await page.waitForSelector(`${$('lang-en')}[aria-checked="true"]`);
      await openLeakScan();
      assert((await page.locator($('error-banner')).count()) === 0, 'an error banner is shown on the leak scan screen');
      assert((await page.locator($('nav-leakscan')).innerText()).trim() === 'Leak scan', 'the sidebar still marks Leak scan as coming soon');
      await shot('01-start');
    },
  ],
  [
    'build the fixture folder and register one of its keys',
    async () => {
      makeFixture();
      const member = await goCall('gui.Keys.AddMember', { name: fx.member, email: '', role: 'E2E' });
      if (!member.ok) {
        console.log(`# couldn't add a member, critical findings not checked: ${member.error}`);
        return;
      }
      const key = await goCall('gui.Keys.AddKey', { label: fx.label, member: fx.member, environment: 'dev', notes: 'leak scan e2e' }, fx.project);
      fx.registered = key.ok;
      if (!key.ok) console.log(`# couldn't register a key (vault not usable?), critical findings not checked: ${key.error}`);
    },
  ],
  [
    'add the folder by path',
    async () => {
      const input = page.locator($('leak-path-input'));
      // A relative path is refused with a hint.
      await input.fill('relative/path');
      await page.click($('leak-path-add'));
      await page.waitForSelector($('leak-path-problem'));
      await addFolder(fx.dir);
      await page.waitForSelector($('leak-folders'));
      // The list is remembered.
      const stored = await page.evaluate(() => localStorage.getItem('steward.leakscan.folders') ?? '');
      assert(stored.includes(fx.dir), `the folder list in localStorage is ${stored}`);
      await setOption('leak-opt-history', false);
      await setOption('leak-opt-gitignore', true);
      await shot('02-folders');
    },
  ],
  [
    'a missing folder is refused when it is added',
    async () => {
      const missing = join(fx.dir, 'no-such-folder');
      await page.fill($('leak-path-input'), missing);
      await page.click($('leak-path-add'));
      const problem = page.locator(`${$('leak-path-problem')}[data-code="leak_root_missing"]`);
      await problem.waitFor();
      const text = await problem.innerText();
      assert(text.includes(missing) && !text.includes('[object Object]'), `the refusal reads "${text}"`);
      assert((await page.locator(`${$('leak-folder')}[data-path="${missing}"]`).count()) === 0, 'the missing folder was listed');
      await page.fill($('leak-path-input'), '');
    },
  ],
  [
    'a folder gone since it was added is reported, not left spinning',
    async () => {
      const gone = join(fx.dir, 'gone-later');
      mkdirSync(gone);
      await addFolder(gone);
      rmSync(gone, { recursive: true });
      await removeFolder(fx.dir);
      await page.click($('leak-start'));
      const banner = page.locator(`${$('error-banner')}[data-code="leak_root_missing"]`);
      await banner.waitFor();
      const text = await banner.innerText();
      assert(text.includes(gone) && !text.includes('[object Object]'), `the error reads "${text}"`);
      await page.waitForSelector($('leak-folders'));
      await shot('03-missing-folder');
      await removeFolder(gone);
      await addFolder(fx.dir);
      await page.click(`${$('error-banner')} button[aria-label="Dismiss"]`);
    },
  ],

  [
    'scan the folder: findings grouped by severity, keys redacted',
    async () => {
      const status = await scan();
      assert(status === 'completed', `scan status is ${status}`);
      await shot('04-results');
      const got = await findings();
      const files = got.map((f) => f.file).sort();
      assert(
        JSON.stringify(files) === JSON.stringify(['.env', '.env.local', 'src/config.py']),
        `findings are in ${files.join(', ')}, not .env, .env.local and src/config.py (README's placeholder must not count)`,
      );
      const by = Object.fromEntries(got.map((f) => [f.file, f]));
      const config = by['src/config.py'];
      const env = by['.env'];
      const local = by['.env.local'];
      assert(config.rule === 'openai-project-key', `config.py's rule is ${config.rule}`);
      assert(config.severity === (fx.registered ? 'critical' : 'high'), `config.py's severity is ${config.severity}`);
      assert(env.rule === 'openai-legacy-key' && env.severity === 'high', `.env is ${env.rule}/${env.severity}`);
      assert(local.rule === 'openai-env-assignment' && local.severity === 'medium', `.env.local is ${local.rule}/${local.severity}`);
      assert(config.secret === `sk-proj-…${last4(fx.project)}`, `config.py's key shows as ${config.secret}`);
      assert(env.secret === `sk-…${last4(fx.legacy)}`, `.env's key shows as ${env.secret}`);
      assert(local.secret.endsWith(last4(fx.literal)) && local.secret.includes('…'), `.env.local's value shows as ${local.secret}`);
      // Severity groups, most urgent first.
      const groups = await page.locator('[data-testid^="leak-group-"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
      const want = fx.registered
        ? ['leak-group-critical', 'leak-group-high', 'leak-group-medium']
        : ['leak-group-high', 'leak-group-medium'];
      assert(JSON.stringify(groups) === JSON.stringify(want), `severity groups are ${groups.join(', ')}`);
      assert(
        (await page.locator(`${$('leak-group-high')} ${$('leak-finding')}`).count()) === (fx.registered ? 1 : 2),
        'the High group has the wrong number of findings',
      );
      if (fx.registered) {
        const reg = await page.locator(`${$('leak-group-critical')} ${$('leak-finding-registered')}`).innerText();
        assert(reg.includes(fx.label) && reg.includes(fx.member), `the critical finding says "${reg}"`);
        await page.waitForSelector(`${$('leak-group-critical')} ${$('leak-rotate')}`);
      }
      // Every finding can be opened in the file manager; the location reads file:line:col.
      assert((await page.locator($('leak-finding-open')).count()) === 3, 'not every finding has "Open in file manager"');
      const loc = await page.locator(`[data-file="src/config.py"] ${$('leak-finding-location')}`).innerText();
      assert(/^src\/config\.py:3:\d+$/.test(loc.trim()), `config.py's location reads "${loc}"`);
      // The broken symlink is listed as skipped, with its reason.
      await page.click(`${$('leak-skipped')} summary`);
      const skipped = await page.locator($('leak-skipped')).innerText();
      assert(skipped.includes('dangling-link') && skipped.includes('Broken symbolic link'), `skipped list reads "${skipped}"`);
      const stats = await page.locator($('leak-stats')).innerText();
      assert(/Files scanned: \d/.test(stats) && /Read: /.test(stats), `stats footer reads "${stats}"`);
      await assertNoSecretShown();
      await shot('05-skipped');
    },
  ],
  [
    'copy a finding’s location',
    async () => {
      await dismissToasts();
      await page.click(`[data-file="src/config.py"] ${$('leak-finding-location')}`);
      const toast = page.locator(`${$('toast')}[data-kind="success"]`).last();
      await toast.waitFor();
      const detail = (await toast.locator($('toast-detail')).innerText()).trim();
      assert(new RegExp(`^${fx.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/src/config\\.py:3:\\d+$`).test(detail), `copied "${detail}"`);
      const clip = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
      if (clip !== null) assert(clip === detail, `the clipboard holds "${clip}"`);
      await dismissToasts();
    },
  ],
  [
    '“Rotate now” opens the Keys screen for that key',
    async () => {
      if (!fx.registered) {
        console.log('# no registered key: skipped');
        return;
      }
      await page.evaluate(() => {
        window.__leakHashes = [];
        window.addEventListener('hashchange', () => window.__leakHashes.push(location.hash));
      });
      await page.click(`${$('leak-group-critical')} ${$('leak-rotate')}`);
      await page.waitForSelector($('screen-keys'));
      const hashes = await page.evaluate(() => window.__leakHashes);
      assert(hashes.includes(`#/keys?rotate=${fx.label}`), `navigated to ${hashes.join(', ')}`);
      await shot('06-rotate');
      // The results are still there on coming back.
      await openLeakScan();
      await page.waitForSelector($('leak-results'));
    },
  ],
  [
    'the dashboard lists the folder’s last scan and opens it',
    async () => {
      await overview();
      const row = page.locator(`${$('leak-last-row')}[data-root="${fx.dir}"]`);
      await row.waitFor();
      assert((await row.getAttribute('data-findings')) === '3', `the dashboard row has ${await row.getAttribute('data-findings')} findings`);
      const text = await row.innerText();
      assert(/3 findings/.test(text) && /History off/.test(text), `the dashboard row reads "${text}"`);
      assert(
        (await page.locator($('leak-last-row')).first().getAttribute('data-root')) === fx.dir,
        'the folder just scanned isn’t first on the dashboard',
      );
      await page.locator($('leak-last')).scrollIntoViewIfNeeded();
      await shot('07-dashboard');
      await row.click();
      await page.waitForSelector(`${$('leak-results')}[data-source="saved"]`);
      assert((await page.locator($('leak-finding')).count()) === 3, 'the saved scan doesn’t show its 3 findings');
      await assertNoSecretShown();
      await overview();
    },
  ],
  [
    'a clean scan is highlighted as checklist evidence',
    async () => {
      const docs = join(fx.dir, 'docs');
      await removeFolder(fx.dir);
      await addFolder(docs);
      const status = await scan();
      assert(status === 'completed', `clean scan status is ${status}`);
      await page.waitForSelector($('leak-clean'));
      assert((await page.locator($('leak-finding')).count()) === 0, 'a clean folder shows findings');
      const link = page.locator(`${$('leak-clean')} ${$('leak-evidence-item')}`);
      assert((await link.getAttribute('href')) === '#/checklist?item=KH-03', `the evidence link is ${await link.getAttribute('href')}`);
      await shot('08-clean');
      await overview();
      const row = page.locator(`${$('leak-last-row')}[data-root="${docs}"]`);
      assert((await row.getAttribute('data-clean')) === 'true', 'the dashboard doesn’t mark the clean scan');
      assert(/Clean/.test(await row.innerText()), 'the dashboard row doesn’t say Clean');
      await page.waitForSelector(`${$('leak-last')} ${$('leak-evidence')}`);
      await page.evaluate(() => {
        window.__leakHashes = [];
        window.addEventListener('hashchange', () => window.__leakHashes.push(location.hash));
      });
      await page.click(`${$('leak-last')} ${$('leak-evidence-item')}`);
      await page.waitForSelector($('screen-checklist'));
      const hashes = await page.evaluate(() => window.__leakHashes);
      assert(hashes.includes('#/checklist?item=KH-03'), `navigated to ${hashes.join(', ')}`);
      await openLeakScan();
      await overview();
      await removeFolder(docs);
      await addFolder(fx.dir);
    },
  ],
  [
    'scan the git history: a key in a deleted file',
    async () => {
      await setOption('leak-opt-history', true);
      const status = await scan();
      assert(status === 'completed', `history scan status is ${status}`);
      if (!fx.git) {
        await page.waitForSelector($('leak-history-skipped'));
        return;
      }
      const got = await findings();
      const old = got.filter((f) => f.file === 'old_settings.py');
      assert(old.length === 1, `${old.length} findings in old_settings.py (all: ${got.map((f) => f.file).join(', ')})`);
      const f = old[0];
      assert(f.commit.length >= 7 && f.severity === 'high', `the history finding is ${JSON.stringify({ ...f, text: undefined })}`);
      assert(f.secret === `sk-proj-…${last4(fx.deleted)}`, `the deleted key shows as ${f.secret}`);
      const commit = await page.locator(`[data-file="old_settings.py"] ${$('leak-finding-commit')}`).innerText();
      assert(commit.includes(f.commit.slice(0, 7)) && commit.includes('E2E Tester'), `the commit line reads "${commit}"`);
      assert(got.length === 4, `${got.length} findings with history, not 4`);
      const stats = await page.locator($('leak-stats')).innerText();
      assert(/Commits: 2/.test(stats), `stats footer reads "${stats}"`);
      await assertNoSecretShown();
      await page.locator('[data-file="old_settings.py"]').scrollIntoViewIfNeeded();
      await shot('09-history');
      await overview();
      const row = await page.locator(`${$('leak-last-row')}[data-root="${fx.dir}"]`).innerText();
      assert(/History on/.test(row) && /4 findings/.test(row), `the dashboard row reads "${row}"`);
      await setOption('leak-opt-history', false);
    },
  ],
  [
    'cancel a long scan: what was found so far is kept',
    async () => {
      assert(existsSync(BIG_DIR), `${BIG_DIR} doesn't exist; set STEWARD_E2E_BIG_DIR to a big folder`);
      // The fixture is walked first, then the big folder, still running when cancelled.
      await addFolder(BIG_DIR);
      await page.click($('leak-start'));
      await page.waitForSelector($('leak-progress'));
      await page.waitForFunction((sel) => /[1-9]/.test(document.querySelector(sel)?.textContent ?? ''), $('leak-progress-files'));
      await shot('10-progress');
      await page.click($('leak-cancel'));
      await page.waitForSelector($('leak-results'), { timeout: SCAN_TIMEOUT });
      const status = await page.locator($('leak-results')).getAttribute('data-status');
      assert(status === 'cancelled', `the scan ended "${status}" (did ${BIG_DIR} finish before the cancel?)`);
      const banner = await page.locator($('leak-cancelled')).innerText();
      assert(banner.includes('Scan cancelled — showing what was found so far'), `the banner reads "${banner}"`);
      console.log(`# ${await page.locator($('leak-finding')).count()} findings kept after the cancel`);
      await assertNoSecretShown();
      await shot('11-cancelled');
      await overview();
      // Each folder is saved on its own: the fixture, scanned to the end before the cancel, keeps a
      // completed scan; only the big folder's last scan is the cancelled one.
      const lastRow = (root) => page.locator(`${$('leak-last-row')}[data-root="${root}"]`);
      await lastRow(BIG_DIR).waitFor();
      const fixtureStatus = await lastRow(fx.dir).getAttribute('data-status');
      const bigStatus = await lastRow(BIG_DIR).getAttribute('data-status');
      assert(fixtureStatus === 'completed' && bigStatus === 'cancelled', `last scans: fixture ${fixtureStatus}, ${BIG_DIR} ${bigStatus}`);
      await removeFolder(BIG_DIR);
    },
  ],
  [
    'switch to Chinese once',
    async () => {
      await page.click($('nav-settings'));
      await page.click($('lang-zh-CN'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('泄露扫描'), $('nav-leakscan'));
      await openLeakScan();
      await page.click(`${$('leak-last-row')}[data-root="${fx.dir}"]`);
      await page.waitForSelector(`${$('leak-results')}[data-source="saved"]`);
      const text = await page.locator($('screen-leakscan')).innerText();
      // The newest scan of the fixture is the completed one it got before the cancel (each folder is saved on its own).
      for (const word of ['最近一次扫描', '项发现', '在文件管理器中打开', '仅工作区文件']) {
        assert(text.includes(word), `the Chinese results lack "${word}"`);
      }
      const groupTitles = await page.locator('[data-testid^="leak-group-"] h3').allInnerTexts();
      const want = [...(fx.registered ? ['严重'] : []), '高', '中'];
      assert(
        groupTitles.length === want.length && groupTitles.every((g, i) => g.startsWith(want[i])),
        `the Chinese severity groups read ${groupTitles.join(', ')}`,
      );
      if (fx.registered) {
        // Saved findings name the registered key too.
        const reg = await page.locator(`${$('leak-group-critical')} ${$('leak-finding-registered')}`).innerText();
        assert(reg.includes(fx.label) && reg.includes(fx.member), `the saved critical finding says "${reg}"`);
      }
      await assertNoSecretShown();
      await shot('12-zh');
      await overview();
      const overviewText = await page.locator($('screen-leakscan')).innerText();
      for (const word of ['泄露扫描', '要扫描的文件夹', '包括 git 提交历史', '最近的扫描', '已取消']) {
        assert(overviewText.includes(word), `the Chinese overview lacks "${word}"`);
      }
      await shot('13-zh-overview');
    },
  ],
  ['the leakscan screen, as this suite leaves it, has no serious accessibility problem', () => checkA11y(page, 'leakscan')],
  [
    'restore the language and clean up',
    async () => {
      await page.click($('nav-settings'));
      await page.click($(initialLanguage || 'lang-system'));
      await page.waitForSelector(`${$(initialLanguage || 'lang-system')}[aria-checked="true"]`);
      initialLanguage = '';
      await openLeakScan();
      await overview();
      await removeFolder(fx.dir);
      if (fx.registered || (await goCall('gui.Keys.Members')).value?.some?.((m) => m.name === fx.member)) {
        const res = await goCall('gui.Keys.RemoveMember', fx.member, { action: 'revoke', to: '' });
        if (!res.ok) console.log(`# couldn't remove the test member: ${res.error}`);
      }
      await shot('14-done');
    },
  ],
];

await runSteps(steps, {
  artifacts: ARTIFACTS,
  failureShot: 'leakscan-failure.png',
  timeout: STEP_TIMEOUT,
  onPage: (p) => (page = p),
  clipboardOrigin: new URL(BASE_URL).origin,
  // Whatever happened, stop any scan still running, put the language back and
  // leave no fixture behind.
  after: async () => {
    if (page) {
      await goCall('gui.LeakScan.CancelScan').catch(() => {});
      const lang = { 'lang-system': '', 'lang-en': 'en', 'lang-zh-CN': 'zh-CN' }[initialLanguage];
      if (lang !== undefined) await goCall('gui.Settings.SetLanguage', lang).catch(() => {});
    }
    if (fx.dir) rmSync(fx.dir, { recursive: true, force: true });
  },
});

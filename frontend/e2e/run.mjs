// Runs every e2e/*.e2e.mjs file in turn against the same app and prints the
// total as its last line, "N passed, N failed". Each file prints its own
// "N passed, N failed" last; a file that crashes counts as one failure.
//
// overview.e2e.mjs runs first: it needs the fresh data folder, where the
// Overview is a first-run guide, and registers the e2e key (STEWARD_E2E_OPENAI_KEY,
// labelled "e2e") through the Keys screen. Before the other suites the key is
// registered with the CLI if it is not there yet (when overview is skipped or
// failed early), since they send calls with it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const FIRST = 'overview.e2e.mjs';
const LAST = 'a11y.e2e.mjs'; // checks every screen with the data the other suites left
// File name prefixes, comma-separated, e.g. org or keys,search.
const only = (process.argv[2] || process.env.STEWARD_E2E_ONLY || '').split(',').filter(Boolean);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.mjs') && (only.length === 0 || only.some((p) => f.startsWith(p))))
  .sort((a, b) => Number(b === FIRST) - Number(a === FIRST) || Number(a === LAST) - Number(b === LAST) || a.localeCompare(b));
let passed = 0;
let failed = 0;
let keyEnsured = false;
for (const f of files) {
  if (f !== FIRST && !keyEnsured) {
    keyEnsured = true;
    ensureE2EKey();
  }
  console.log(`# ${f}`);
  const res = spawnSync(process.execPath, [join(dir, f)], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(res.stdout);
  const m = /(\d+) passed, (\d+) failed\s*$/.exec(res.stdout.trim());
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (!m || res.status !== 0) failed += m && Number(m[2]) > 0 ? 0 : 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** Registers STEWARD_E2E_OPENAI_KEY as "e2e" for "E2E bot" with the CLI, unless it is registered. */
function ensureE2EKey() {
  const key = process.env.STEWARD_E2E_OPENAI_KEY;
  const cli = join(dir, '..', '..', 'build', 'artifacts', 'steward-cli');
  if (!key || !process.env.STEWARD_DATA_DIR || !existsSync(cli)) return;
  const list = spawnSync(cli, ['keys', 'list', '--format', 'json'], { encoding: 'utf8' });
  if (list.status === 0 && /"label":\s*"e2e"/.test(list.stdout)) return;
  const add = spawnSync(cli, ['keys', 'add', '--member', 'E2E bot', '--label', 'e2e', '--env', 'dev'], { input: key, encoding: 'utf8' });
  console.log(add.status === 0 ? '# registered the e2e key with the CLI' : `# couldn't register the e2e key: ${add.stderr.trim()}`);
}

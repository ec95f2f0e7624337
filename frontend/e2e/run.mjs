// Runs every e2e/*.e2e.mjs file in turn against the same app and prints the
// total as its last line, "N passed, N failed". Each file prints its own
// "N passed, N failed" last; a file that crashes counts as one failure.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2] || process.env.STEWARD_E2E_ONLY; // a file name prefix, e.g. org
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.mjs') && (!only || f.startsWith(only)))
  .sort();
let passed = 0;
let failed = 0;
for (const f of files) {
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

#!/usr/bin/env bash
# One-instance test: under Xvfb, starts the app, waits for its window, then
# launches it again. The second launch must exit on its own, leaving exactly
# one "Steward" window and the first process running; the CLI must still run
# beside the open app.
# Usage: scripts/second-instance.sh [BINARY]   (default build/bin/steward)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-${STEWARD_BIN:-build/bin/steward}}"
out=build/artifacts
mkdir -p "$out"
[ -x "$bin" ] || { echo "second-instance: $bin is missing; run make build" >&2; exit 2; }

if [ -z "${DISPLAY:-}" ] || [ -z "${STEWARD_SECOND_INNER:-}" ]; then
  exec env STEWARD_SECOND_INNER=1 xvfb-run -a -s "-screen 0 1366x900x24" scripts/with-keyring.sh "$0" "$bin"
fi

data="$(mktemp -d)"
export STEWARD_DATA_DIR="$data"
"$bin" >"$out/second-first.log" 2>&1 &
first=$!
second=""
cleanup() {
  kill "$first" 2>/dev/null || true
  [ -n "$second" ] && kill "$second" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

windows() { xwininfo -root -tree 2>/dev/null | grep -c '"Steward"' || true; }

for _ in $(seq 1 60); do
  [ "$(windows)" -ge 1 ] && break
  kill -0 "$first" 2>/dev/null || { echo "second-instance: the first launch exited"; cat "$out/second-first.log"; exit 1; }
  sleep 1
done
[ "$(windows)" -ge 1 ] || { echo "second-instance: no Steward window after 60 s"; exit 1; }
before="$(windows)"

"$bin" >"$out/second-second.log" 2>&1 &
second=$!
exited=""
for _ in $(seq 1 30); do
  if ! kill -0 "$second" 2>/dev/null; then exited=1; break; fi
  sleep 1
done
[ -n "$exited" ] || { echo "second-instance: the second launch is still running after 30 s"; exit 1; }
# Wails hands the launch to the first instance over D-Bus, then exits with 1.
code=0
wait "$second" || code=$?
second=""
[ "$code" -le 1 ] || { echo "second-instance: the second launch failed ($code)"; cat "$out/second-second.log"; exit 1; }
sleep 2 # give a wrongly opened second window time to map
kill -0 "$first" 2>/dev/null || { echo "second-instance: the first app quit"; exit 1; }
after="$(windows)"
[ "$after" = "$before" ] || { echo "second-instance: $before Steward window(s) before, $after after the second launch"; exit 1; }

"$bin" version >"$out/second-cli.log" 2>&1 || { echo "second-instance: the CLI did not run beside the app"; cat "$out/second-cli.log"; exit 1; }
grep -q '^steward ' "$out/second-cli.log" || { echo "second-instance: unexpected CLI output"; cat "$out/second-cli.log"; exit 1; }
echo "second-instance: the second launch exited and left one window; the CLI ran beside the app"
echo "1 passed, 0 failed"

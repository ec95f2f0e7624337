#!/usr/bin/env bash
# Launch smoke test: starts the production binary under Xvfb and a private
# D-Bus session, waits for its "Steward" window, keeps a screenshot and checks
# the window is not blank.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${STEWARD_BIN:-build/bin/steward}" # test-package points it at the installed /usr/bin/steward
out=build/artifacts
mkdir -p "$out"
[ -x "$bin" ] || { echo "smoke: $bin is missing; run make build" >&2; exit 2; }

if [ -z "${DISPLAY:-}" ] || [ -z "${STEWARD_SMOKE_INNER:-}" ]; then
  exec env STEWARD_SMOKE_INNER=1 xvfb-run -a -s "-screen 0 1366x900x24" scripts/with-keyring.sh "$0" "$@"
fi

data="$(mktemp -d)"
STEWARD_DATA_DIR="$data" "$bin" >"$out/smoke-app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT

found=""
for _ in $(seq 1 60); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"Steward"'; then found=1; break; fi
  kill -0 $pid 2>/dev/null || { echo "smoke: the app exited early"; cat "$out/smoke-app.log"; exit 1; }
  sleep 1
done
[ -n "$found" ] || { echo "smoke: no Steward window after 60 s"; cat "$out/smoke-app.log"; exit 1; }
sleep 4 # let the first screen render
import -window root "$out/smoke.png"
colours=$(identify -format '%k' "$out/smoke.png")
if [ "$colours" -lt 40 ]; then
  echo "smoke: the window looks blank ($colours colours); see $out/smoke.png"
  exit 1
fi
echo "smoke: window shown, screenshot $out/smoke.png ($colours colours)"
echo "1 passed, 0 failed"

#!/usr/bin/env bash
# Browser end-to-end tests: serves the real app with live Go bindings through
# `wails dev` (under Xvfb, with a throwaway data folder) and drives it with
# playwright-core in Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${STEWARD_E2E_INNER:-}" ]; then
  exec env STEWARD_E2E_INNER=1 xvfb-run -a -s "-screen 0 1366x900x24" scripts/with-keyring.sh "$0" "$@"
fi
wails="$(go env GOPATH)/bin/wails"
tags="$(scripts/webkit-tags.sh)"
export STEWARD_DATA_DIR="$(mktemp -d)" STEWARD_E2E_EXPORT_DIR="$(mktemp -d)" LANG=en_US.UTF-8
log=build/artifacts/wails-dev.log
mkdir -p build/artifacts

setsid "$wails" dev -m -nosyncgomod -noreload -nogorebuild -loglevel Warning ${tags:+-tags "$tags"} >"$log" 2>&1 &
dev=$!
trap 'kill -- -$dev 2>/dev/null || true; rm -rf "$STEWARD_DATA_DIR" "$STEWARD_E2E_EXPORT_DIR"' EXIT

for _ in $(seq 1 240); do
  curl -sf http://localhost:34115/ >/dev/null 2>&1 && break
  kill -0 $dev 2>/dev/null || { echo "e2e: wails dev exited"; cat "$log"; exit 1; }
  sleep 1
done
curl -sf http://localhost:34115/ >/dev/null || { echo "e2e: the dev server never answered"; cat "$log"; exit 1; }
sleep 2
cd frontend && STEWARD_E2E_URL=http://localhost:34115 npm run --silent e2e

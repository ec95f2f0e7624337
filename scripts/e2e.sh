#!/usr/bin/env bash
# Browser end-to-end tests: serves the real app with live Go bindings through
# `wails dev` (under Xvfb, with a throwaway data folder) and drives it with
# playwright-core in Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${STEWARD_E2E_LOCKED:-}" ]; then exec env STEWARD_E2E_LOCKED=1 flock /tmp/steward-e2e.lock "$0" "$@"; fi
if [ -z "${STEWARD_E2E_INNER:-}" ]; then
  exec env STEWARD_E2E_INNER=1 xvfb-run -a -s "-screen 0 1366x900x24" scripts/with-keyring.sh "$0" "$@"
fi
wails="$(go env GOPATH)/bin/wails"
tags="$(scripts/webkit-tags.sh)"
export STEWARD_DATA_DIR="$(mktemp -d)" STEWARD_E2E_EXPORT_DIR="$(mktemp -d)" LANG=en_US.UTF-8
log=build/artifacts/wails-dev.log
mkdir -p build/artifacts

# A local stand-in for the OpenAI API (nothing else is reachable here), with
# a key generated for this run and registered in the app as "e2e" (see below).
rand() { head -c 200 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "$1"; }
export STEWARD_E2E_OPENAI_KEY="sk-proj-$(rand 40)T3BlbkFJ$(rand 40)"
go build -o build/artifacts/fakeopenai ./tools/fakeopenai
go build ${tags:+-tags "$tags"} -o build/artifacts/steward-cli .
# An organization for the Organization screen: its admin key, and a project
# key in it that the test registers, leaks into a file and revokes.
export STEWARD_E2E_ADMIN_KEY="sk-admin-$(rand 48)" STEWARD_E2E_ORG_KEY="sk-proj-$(rand 40)T3BlbkFJ$(rand 40)"
FAKEOPENAI_KEY="$STEWARD_E2E_OPENAI_KEY" FAKEOPENAI_ADMIN_KEY="$STEWARD_E2E_ADMIN_KEY" FAKEOPENAI_ORG_KEYS="$STEWARD_E2E_ORG_KEY" \
  build/artifacts/fakeopenai -listen 127.0.0.1:18080 >build/artifacts/fakeopenai.log 2>&1 &
fake=$!
dev=""
pg=""
pgdir="$(mktemp -d)"
trap 'kill $fake 2>/dev/null || true; [ -z "$pg" ] || { kill -TERM $pg 2>/dev/null; wait $pg 2>/dev/null; } || true; [ -z "$dev" ] || kill -- -$dev 2>/dev/null || true; rm -rf "$STEWARD_DATA_DIR" "$STEWARD_E2E_EXPORT_DIR" "$pgdir"' EXIT
# The team suite reads a team database: a private PostgreSQL (tools/pgserver,
# as a non-root user on a free port) seeded with team calls. Its password is
# in a 0600 file, never on a command line or in the output.
case ",${STEWARD_E2E_ONLY:-team}," in
*,team*)
  go build -o build/artifacts/pgserver ./tools/pgserver
  build/artifacts/pgserver -seed 40 -password-file "$pgdir/password" >"$pgdir/url" 2>build/artifacts/pgserver.log &
  pg=$!
  for _ in $(seq 1 60); do [ -s "$pgdir/url" ] && break; kill -0 $pg 2>/dev/null || break; sleep 1; done
  if [ -s "$pgdir/url" ]; then
    export STEWARD_E2E_TEAM_URL="$(head -n1 "$pgdir/url")" STEWARD_E2E_TEAM_PASSWORD_FILE="$pgdir/password"
  else
    echo "e2e: PostgreSQL for the team suite did not start (install Debian's postgresql: make deps-test):"
    cat build/artifacts/pgserver.log
    exit 1
  fi
  ;;
esac
export STEWARD_E2E_OPENAI_URL=http://127.0.0.1:18080/v1
# The overview suite runs first and registers the key through the Keys screen,
# to see the first-run guide tick; frontend/e2e/run.mjs registers it with the
# CLI before the other suites if it is still missing.
build/artifacts/steward-cli members add "E2E bot" >/dev/null

setsid "$wails" dev -m -nosyncgomod -noreload -nogorebuild -loglevel Warning ${tags:+-tags "$tags"} >"$log" 2>&1 &
dev=$!

for _ in $(seq 1 240); do
  curl -sf http://localhost:34115/ >/dev/null 2>&1 && break
  kill -0 $dev 2>/dev/null || { echo "e2e: wails dev exited"; cat "$log"; exit 1; }
  sleep 1
done
curl -sf http://localhost:34115/ >/dev/null || { echo "e2e: the dev server never answered"; cat "$log"; exit 1; }
sleep 2
cd frontend && STEWARD_E2E_URL=http://localhost:34115 npm run --silent e2e

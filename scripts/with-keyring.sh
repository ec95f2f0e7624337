#!/usr/bin/env bash
# Runs a command on a private D-Bus session with a fresh HOME and an unlocked
# gnome-keyring Secret Service, so tests use a real OS keychain and never the
# user's own. Go's caches keep their usual places.
set -euo pipefail
if [ -z "${STEWARD_IN_KEYRING_SESSION:-}" ]; then
  GOPATH="$(go env GOPATH)" GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)" \
    STEWARD_IN_KEYRING_SESSION=1 exec dbus-run-session -- "$0" "$@"
fi
export GOPATH GOCACHE GOMODCACHE
HOME="$(mktemp -d)"
export HOME
trap 'rm -rf "$HOME"' EXIT
printf 'steward-test' | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
"$@"

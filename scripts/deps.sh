#!/usr/bin/env bash
# Installs what building and testing Steward needs on Debian/Ubuntu, skipping
# whatever is already there: system packages (with sudo when not root), the
# Wails CLI and the frontend's npm packages. With --test, also what only the
# tests need: PostgreSQL's server binaries from Debian's postgresql package
# (the tests start private servers of their own, backend/store/pgtest, so
# the package's system cluster is left stopped).
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.16.0
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"

# WebKitGTK 4.0 on Debian 12 / Ubuntu 22.04; 4.1 on newer releases.
webkit_pkg() {
  if apt-cache show libwebkit2gtk-4.0-dev >/dev/null 2>&1; then echo libwebkit2gtk-4.0-dev; else echo libwebkit2gtk-4.1-dev; fi
}

packages=(build-essential pkg-config libgtk-3-dev xvfb xauth x11-utils imagemagick
  gnome-keyring dbus-x11 chromium poppler-utils fonts-droid-fallback fonts-dejavu-core fonts-noto-cjk xfonts-base git ca-certificates curl)
if [ "${1:-}" = "--test" ]; then packages+=(postgresql); fi

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ! dpkg -s libwebkit2gtk-4.0-dev >/dev/null 2>&1 && ! dpkg -s libwebkit2gtk-4.1-dev >/dev/null 2>&1; then
  missing+=("webkit")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  missing=("${missing[@]/webkit/$(webkit_pkg)}")
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's postinst may start the system cluster; the tests never use it.
if command -v pg_lsclusters >/dev/null; then
  pg_lsclusters -h 2>/dev/null | while read -r ver name _port status _rest; do
    case "$status" in online*) $sudo_cmd pg_ctlcluster "$ver" "$name" stop || true ;; esac
  done
fi

command -v go >/dev/null || { echo "Go 1.26 or newer is required: https://go.dev/dl/" >&2; exit 2; }
command -v npm >/dev/null || { echo "Node.js 20 and npm are required" >&2; exit 2; }

wails="$(go env GOPATH)/bin/wails"
if ! "$wails" version 2>/dev/null | grep -q "${WAILS_VERSION}"; then
  echo "Installing the Wails CLI ${WAILS_VERSION}"
  (cd /tmp && go install "github.com/wailsapp/wails/v2/cmd/wails@${WAILS_VERSION}")
fi

for dir in frontend backend/gateway/testdata/node-sdk; do
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

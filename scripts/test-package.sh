#!/usr/bin/env bash
# Tests what `make package` built (CI, as root on Debian 12; uses sudo when
# not root): lintian passes the .deb without errors; apt installs it; the
# installed `steward version` and the launch smoke test run from /usr/bin; it
# is removed again; the Windows installer carries the version from wails.json;
# SHA256SUMS matches; a second GUI launch leaves one window.
# Usage: scripts/test-package.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: test-package.sh VERSION}"
dist=build/dist
arch="$(dpkg --print-architecture)"
deb="$dist/steward_${version}_${arch}.deb"
installer="$dist/Steward-${version}-windows-amd64-installer.exe"
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
passed=0
mkdir -p build/artifacts
pass() { echo "ok: $*"; passed=$((passed + 1)); }

(cd "$dist" && sha256sum --quiet -c SHA256SUMS) && pass "SHA256SUMS matches $(wc -l <"$dist/SHA256SUMS") files"

lintian --fail-on error --suppress-tags-from-file /dev/null "$deb" | tee build/artifacts/lintian.txt
pass "lintian: no errors ($(grep -c '^W:' build/artifacts/lintian.txt || true) warnings)"

if dpkg -s steward >/dev/null 2>&1; then
  echo "test-package: a steward package is installed already; remove it first (apt remove steward)" >&2
  exit 2
fi
removed=""
remove() { [ -n "$removed" ] || { removed=1; $sudo_cmd apt-get remove -y -qq steward >/dev/null; }; }
trap remove EXIT
# No network in CI: the runtime libraries are there already from scripts/deps.sh.
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
pass "apt installed $deb"

out="$(/usr/bin/steward version)"
echo "$out"
grep -q "^steward $version\$" <<<"$out" || { echo "test-package: the installed steward is not version $version" >&2; exit 1; }
grep -q '^commit: *[0-9a-f]' <<<"$out" && grep -q '^built: *20' <<<"$out" && grep -q '^go version: *go1' <<<"$out" ||
  { echo "test-package: steward version lacks commit, build date or Go version" >&2; exit 1; }
pass "installed steward version"

for f in /usr/share/applications/dev.steward.Steward.desktop /usr/share/metainfo/dev.steward.Steward.metainfo.xml \
  /usr/share/icons/hicolor/48x48/apps/steward.png /usr/share/icons/hicolor/256x256/apps/steward.png; do
  [ -f "$f" ] || { echo "test-package: $f was not installed" >&2; exit 1; }
done
pass "desktop file, metainfo and icons installed"

STEWARD_BIN=/usr/bin/steward scripts/smoke.sh
pass "launch smoke test from /usr/bin/steward"

remove
[ ! -e /usr/bin/steward ] || { echo "test-package: /usr/bin/steward is still there after removal" >&2; exit 1; }
pass "apt removed steward"

go run ./scripts/peversion -want "$version" "$installer"
go run ./scripts/peversion -want "$version" build/bin/steward.exe
if go run ./scripts/peversion -want "0.0.0-not-$version" "$installer" >/dev/null 2>&1; then
  echo "test-package: the version check accepts a wrong version" >&2
  exit 1
fi
pass "Windows installer and app version resources are $version"

scripts/second-instance.sh build/bin/steward
pass "second launch"
echo "$passed passed, 0 failed"

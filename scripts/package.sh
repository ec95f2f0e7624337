#!/usr/bin/env bash
# Builds the installers into build/dist after `make build`: the Linux .deb,
# the Windows NSIS installer (cross-built; Wails' template installs WebView2
# on machines without it) and SHA256SUMS over both. Installs Debian's nsis
# and lintian first when missing — only here, never for `make test`.
# Usage: scripts/package.sh VERSION LDFLAGS
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: package.sh VERSION LDFLAGS}"
ldflags="${2:-}"
dist=build/dist
wails="$(go env GOPATH)/bin/wails"

ensure_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "package: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
ensure_packages nsis lintian dpkg-dev

wails_version="$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)"
if [ "$wails_version" != "$version" ]; then
  echo "package: version $version differs from wails.json's productVersion $wails_version;" \
    "the Windows version resource comes from wails.json, so set it there first" >&2
  exit 2
fi

rm -rf "$dist"
mkdir -p "$dist"
scripts/package-deb.sh "$version"

# -s: the frontend was just built by `make build`; no -clean, so build/bin/steward stays.
"$wails" build -m -nosyncgomod -s -platform windows/amd64 -nsis -trimpath -ldflags "$ldflags" -o steward.exe
installer=build/bin/Steward-amd64-installer.exe
[ -f "$installer" ] || { echo "package: Wails wrote no installer ($installer); is makensis installed?" >&2; exit 1; }
cp "$installer" "$dist/Steward-${version}-windows-amd64-installer.exe"

(cd "$dist" && sha256sum -- *.deb *.exe >SHA256SUMS)
echo "package: built"
(cd "$dist" && ls -l --block-size=K -- * | awk '{print "  " $5 "  " $9}')

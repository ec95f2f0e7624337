#!/usr/bin/env bash
# macOS (runs on a GitHub macOS runner, not here): builds a universal
# Steward.app, puts it in build/dist/Steward-VERSION-macos-universal.dmg and
# adds the .dmg to build/dist/SHA256SUMS. Signing and notarisation happen
# only when their secrets are set (see README, "Releases"):
#   MACOS_CERTIFICATE           base64 of a "Developer ID Application" .p12
#   MACOS_CERTIFICATE_PASSWORD  its password
#   MACOS_SIGNING_IDENTITY      e.g. "Developer ID Application: Name (TEAMID)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD  (an app-specific password) for notarytool
# Usage: scripts/package-macos.sh VERSION LDFLAGS
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: package-macos.sh VERSION LDFLAGS}"
ldflags="${2:-}"
dist=build/dist
wails="$(go env GOPATH)/bin/wails"
app=build/bin/Steward.app
dmg="$dist/Steward-${version}-macos-universal.dmg"

"$wails" build -m -nosyncgomod -clean -platform darwin/universal -trimpath -ldflags "$ldflags"
[ -d "$app" ] || { echo "package-macos: Wails wrote no $app" >&2; exit 1; }
lipo -archs "$app/Contents/MacOS/steward" | grep -q 'x86_64 arm64' ||
  { echo "package-macos: the binary is not universal: $(lipo -archs "$app/Contents/MacOS/steward")" >&2; exit 1; }

signed=""
if [ -n "${MACOS_CERTIFICATE:-}" ] && [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  keychain="$RUNNER_TEMP/steward-signing.keychain-db"
  kc_pass="$(uuidgen)"
  echo "$MACOS_CERTIFICATE" | base64 --decode >"$RUNNER_TEMP/cert.p12"
  security create-keychain -p "$kc_pass" "$keychain"
  security set-keychain-settings -lut 3600 "$keychain"
  security unlock-keychain -p "$kc_pass" "$keychain"
  security import "$RUNNER_TEMP/cert.p12" -k "$keychain" -P "${MACOS_CERTIFICATE_PASSWORD:-}" -T /usr/bin/codesign
  security set-key-partition-list -S apple-tool:,apple: -s -k "$kc_pass" "$keychain" >/dev/null
  security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
  rm -f "$RUNNER_TEMP/cert.p12"
  codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$app"
  codesign --verify --strict --verbose=2 "$app"
  signed=1
else
  echo "package-macos: MACOS_CERTIFICATE/MACOS_SIGNING_IDENTITY not set: the app is not signed"
fi

mkdir -p "$dist"
stage="$(mktemp -d)"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "Steward $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
rm -rf "$stage"

if [ -n "$signed" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$dmg"
  if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
  else
    echo "package-macos: APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD not set: the .dmg is not notarised"
  fi
fi

(cd "$dist" && shasum -a 256 "$(basename "$dmg")" >>SHA256SUMS)
echo "package-macos: built $dmg"

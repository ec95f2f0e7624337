#!/usr/bin/env bash
# Builds build/dist/steward_VERSION_ARCH.deb from build/bin/steward: the
# binary, a .desktop file, hicolor icons made from build/appicon.png, AppStream
# metainfo, a man page and the copyright file. Depends is computed by
# dpkg-shlibdeps from the libraries the binary links, so it names the GTK and
# WebKitGTK runtime packages of the distribution it is built on.
# Usage: scripts/package-deb.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: package-deb.sh VERSION}"
bin=build/bin/steward
[ -x "$bin" ] || { echo "package-deb: $bin is missing; run make build" >&2; exit 2; }
for tool in dpkg-deb dpkg-shlibdeps convert; do
  command -v "$tool" >/dev/null || { echo "package-deb: $tool is missing (scripts/deps.sh installs it)" >&2; exit 2; }
done

arch="$(dpkg --print-architecture)"
id=dev.steward.Steward
out=build/dist
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
date="$(date -u ${SOURCE_DATE_EPOCH:+-d @$SOURCE_DATE_EPOCH} +%Y-%m-%d)"
rfc2822="$(date -u ${SOURCE_DATE_EPOCH:+-d @$SOURCE_DATE_EPOCH} -R)"

install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
  "$root/usr/share/doc/steward" "$root/usr/share/man/man1"
install -m 0755 "$bin" "$root/usr/bin/steward"
install -m 0644 "build/linux/$id.desktop" "$root/usr/share/applications/$id.desktop"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$date/" "build/linux/$id.metainfo.xml" >"$root/usr/share/metainfo/$id.metainfo.xml"
sed -e "s/@VERSION@/$version/" build/linux/steward.1 | gzip -9n >"$root/usr/share/man/man1/steward.1.gz"

for size in 16 24 32 48 64 128 256 512; do
  dir="$root/usr/share/icons/hicolor/${size}x${size}/apps"
  install -d "$dir"
  convert build/appicon.png -resize "${size}x${size}" -strip "PNG32:$dir/steward.png"
done

{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: Steward"
  echo
  echo "Files: *"
  echo "Copyright: 2026 the Steward developers"
  echo "License: Expat"
  sed -n '3,$p' LICENSE | sed -e 's/^$/./' -e 's/^/ /'
} >"$root/usr/share/doc/steward/copyright"
printf 'steward (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- Steward developers <dev@steward.invalid>  %s\n' \
  "$version" "$version" "$rfc2822" | gzip -9n >"$root/usr/share/doc/steward/changelog.gz"

# dpkg-shlibdeps wants a debian/control beside the files it inspects.
mkdir -p "$work/src/debian"
printf 'Source: steward\n\nPackage: steward\nArchitecture: any\n' >"$work/src/debian/control"
depends="$(cd "$work/src" && dpkg-shlibdeps -O "$root/usr/bin/steward" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
[ -n "$depends" ] || { echo "package-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

size_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
cat >"$root/DEBIAN/control" <<CONTROL
Package: steward
Version: $version
Architecture: $arch
Maintainer: Steward developers <dev@steward.invalid>
Installed-Size: $size_kb
Depends: $depends
Recommends: gnome-keyring
Section: devel
Priority: optional
Description: local-first compliance assistant for OpenAI API teams
 Steward keeps a team that builds on the OpenAI API within the usage
 policies and able to show it: a policy checklist with evidence, key
 hygiene and a leak scan, a moderation tester, a usage log with a local
 gateway, privacy-policy drafts and exports for auditors.
 .
 API keys stay in the system keychain; everything else stays in one
 local SQLite database.
CONTROL
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

mkdir -p "$out"
deb="$out/steward_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"

#!/usr/bin/env bash
# Prints the version to build: the tag vX.Y.Z when HEAD carries one, else the
# productVersion in wails.json (the one place a version is written down).
set -euo pipefail
cd "$(dirname "$0")/.."
tag="$(git describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null || true)"
if [ -n "$tag" ]; then echo "${tag#v}"; exit 0; fi
sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json

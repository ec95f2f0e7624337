#!/usr/bin/env bash
# Peak memory of `steward moderate` on large inputs: builds steward and the
# local OpenAI stand-in (tools/fakeopenai), generates
# 200,000 and 2,000,000 prompts, runs `steward moderate` on each against the
# stand-in and prints the peak RSS (/usr/bin/time -v) and the wall time.
# The goal is under 150 MB for 2,000,000 prompts. Override the sizes with
# STEWARD_BENCH_SIZES="200000 2000000" and the batch with STEWARD_BENCH_BATCH.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
fake=""
cleanup() { [ -n "$fake" ] && kill "$fake" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
go build -o "$tmp/steward" .
go build -o "$tmp/fakeopenai" ./tools/fakeopenai
# A throwaway key generated now, passed through the environment only.
key="sk-proj-$(head -c 36 /dev/urandom | base64 | tr -d '/+=' | head -c 48)"
FAKEOPENAI_KEY="$key" "$tmp/fakeopenai" -listen 127.0.0.1:0 >"$tmp/url" &
fake=$!
for _ in $(seq 100); do [ -s "$tmp/url" ] && break; sleep 0.1; done
url=$(head -1 "$tmp/url")
batch=${STEWARD_BENCH_BATCH:-32}
printf '%-10s %-14s %-10s %s\n' prompts "peak RSS (MB)" "wall (s)" exit
for n in ${STEWARD_BENCH_SIZES:-200000 2000000}; do
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "prompt %d about the weather\n", i }' >"$tmp/prompts-$n.txt"
  rc=0
  OPENAI_API_KEY="$key" OPENAI_BASE_URL="$url" STEWARD_DATA_DIR="$tmp/data-$n" \
    /usr/bin/time -v -o "$tmp/time-$n" "$tmp/steward" moderate --in "$tmp/prompts-$n.txt" --batch "$batch" \
    --format json --out "$tmp/report-$n.json" 2>"$tmp/err-$n" || rc=$?
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tmp/time-$n")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$tmp/time-$n")
  printf '%-10s %-14s %-10s %s\n' "$n" "$rss" "$wall" "$rc"
  [ "$rc" = 0 ] || { echo "steward moderate failed:"; tail -5 "$tmp/err-$n"; }
  rm -rf "$tmp/data-$n" "$tmp/report-$n.json" "$tmp/prompts-$n.txt"
done

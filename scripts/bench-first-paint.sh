#!/usr/bin/env bash
# First-paint benchmark: launches the production binary under Xvfb and a
# private D-Bus session (like scripts/smoke.sh) RUNS times on a fresh data
# folder, screenshots the screen every 50 ms and reports, per launch and as
# the median, the time from launch to the first non-blank frame (a frame
# with at least MIN_COLOURS colours: the bare window is one background
# colour, rendered text brings anti-aliasing shades). It also reports the
# memory of the app plus its WebKit processes a few seconds after the
# first paint: summed RSS and summed PSS (PSS shares common pages out and
# is the fairer total).
#
#   scripts/bench-first-paint.sh            # 5 launches of build/bin/steward
#   RUNS=9 STEWARD_BIN=/usr/bin/steward scripts/bench-first-paint.sh
#
# Figures depend on machine load; on a shared machine compare medians of
# runs taken at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${STEWARD_BIN:-build/bin/steward}"
runs="${RUNS:-5}"
limit_ms="${LIMIT_MS:-10000}"   # give up on a launch after this long
min_colours="${MIN_COLOURS:-40}"
settle_s="${SETTLE_S:-3}"       # wait after the first paint before measuring memory
out=build/artifacts/first-paint
[ -x "$bin" ] || { echo "bench-first-paint: $bin is missing; run make build" >&2; exit 2; }

if [ -z "${DISPLAY:-}" ] || [ -z "${STEWARD_BENCH_INNER:-}" ]; then
  exec env STEWARD_BENCH_INNER=1 xvfb-run -a -s "-screen 0 1366x900x24" scripts/with-keyring.sh "$0" "$@"
fi

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# descendants prints pid and every process below it.
descendants() {
  local p
  echo "$1"
  for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do descendants "$p"; done
}

# memory prints "rss_mb pss_mb nprocs" summed over the process tree of $1.
memory() {
  local rss=0 pss=0 n=0 p r s
  for p in $(descendants "$1"); do
    r=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    s=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    rss=$((rss + ${r:-0})); pss=$((pss + ${s:-0})); n=$((n + 1))
  done
  echo "$((rss / 1024)) $((pss / 1024)) $n"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "n/a"} else if (NR%2) {print a[(NR+1)/2]} else {print int((a[NR/2]+a[NR/2+1])/2)}}'; }

rm -rf "$out"; mkdir -p "$out"
paints=(); windows=(); rsss=(); psss=()
for run in $(seq 1 "$runs"); do
  frames="$out/run$run"; mkdir -p "$frames"
  data="$(mktemp -d)"
  start=$(now_ms)
  STEWARD_DATA_DIR="$data" "$bin" >"$out/app-$run.log" 2>&1 &
  pid=$!
  # Capture cheaply (uncompressed MIFF) for the whole window of time; judge later.
  i=0
  while :; do
    t=$(($(now_ms) - start))
    [ "$t" -gt "$limit_ms" ] && break
    kill -0 $pid 2>/dev/null || { echo "bench-first-paint: the app exited early" >&2; cat "$out/app-$run.log" >&2; exit 1; }
    import -silent -window root "miff:$frames/$(printf %06d "$t").miff" 2>/dev/null || true
    i=$((i + 1))
    # Stop capturing once a frame has content (checked every 10 frames to keep the cadence).
    if [ $((i % 10)) -eq 0 ] && [ "$(identify -format '%k' "$frames/$(printf %06d "$t").miff" 2>/dev/null || echo 0)" -ge "$min_colours" ]; then break; fi
    next=$(( (i * 50) - ($(now_ms) - start) ))
    [ "$next" -gt 0 ] && sleep "0.$(printf %03d "$next")"
  done
  paint=""; window=""
  for f in "$frames"/*.miff; do
    ms=$((10#$(basename "$f" .miff)))
    k=$(identify -format '%k' "$f" 2>/dev/null || echo 0)
    [ -z "$window" ] && [ "$k" -gt 1 ] && window=$ms
    if [ "$k" -ge "$min_colours" ]; then paint=$ms; cp "$f" "$out/first-paint-$run.miff"; break; fi
  done
  sleep "$settle_s"
  read -r rss pss nprocs < <(memory $pid)
  kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
  rm -rf "$data" "$frames"
  [ -n "$paint" ] || { echo "run $run: no content within ${limit_ms} ms" >&2; paint=$limit_ms; }
  echo "run $run: window ${window:-?} ms, first content ${paint} ms, ${nprocs} processes, RSS ${rss} MB, PSS ${pss} MB"
  paints+=("$paint"); windows+=("${window:-$paint}"); rsss+=("$rss"); psss+=("$pss")
done
convert "$out/first-paint-$runs.miff" "$out/first-paint.png" 2>/dev/null || true
rm -f "$out"/*.miff
echo "median over $runs launches (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "  window shown:  $(printf '%s\n' "${windows[@]}" | median) ms"
echo "  first content: $(printf '%s\n' "${paints[@]}" | median) ms"
echo "  memory:        RSS $(printf '%s\n' "${rsss[@]}" | median) MB, PSS $(printf '%s\n' "${psss[@]}" | median) MB (app + WebKit processes)"
echo "  last first frame: $out/first-paint.png"

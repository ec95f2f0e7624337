#!/usr/bin/env bash
# Benchmark Steward's usage log: seed a year of usage (1,000,000 rows by
# default: 40 members with their own keys and models, gateway and app calls,
# the usual errors and 429s), then time a year's report by day and by member
# (target: under 100 ms each; the other groupings and charts are shown too),
# and measure the writer's throughput (events/s through Record into SQLite).
#
#   scripts/bench-report.sh                 # full size
#   ROWS=100000 scripts/bench-report.sh     # a quick run
#
# Environment: ROWS, MEMBERS, RUNS (timed runs per report), SEED,
# BENCH_DIR (keep the seeded database there; REUSE=1 times it again without
# seeding), WRITER_EVENTS (events for BenchmarkWriter, default 200000).
set -euo pipefail

cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
MEMBERS=${MEMBERS:-40}
RUNS=${RUNS:-7}
SEED=${SEED:-1}
WRITER_EVENTS=${WRITER_EVENTS:-200000}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/steward-bench-report.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
ARGS=(-rows "$ROWS" -members "$MEMBERS" -runs "$RUNS" -seed "$SEED")
if [[ -n "${BENCH_DIR:-}" ]]; then
	mkdir -p "$BENCH_DIR"
	ARGS+=(-dir "$BENCH_DIR")
	if [[ "${REUSE:-0}" == 1 ]]; then
		ARGS+=(-reuse)
	fi
fi

echo "Building the benchmark driver..."
go build -o "$WORK/benchreport" ./tools/benchreport
"$WORK/benchreport" "${ARGS[@]}"

echo
echo "Writer throughput (Record -> batched SQLite transactions, $WRITER_EVENTS events, 3 runs):"
go test -run '^$' -bench '^BenchmarkWriter$' -benchtime "${WRITER_EVENTS}x" -count 3 ./backend/usage/ |
	awk '/^BenchmarkWriter/ { for (i = 1; i <= NF; i++) if ($(i+1) == "events/s") printf "  %.0f events/s\n", $i }'

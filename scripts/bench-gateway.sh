#!/usr/bin/env bash
# Benchmark Steward's local gateway (backend/gateway) against the upstream
# alone and against net/http/httputil's ReverseProxy, in the same run.
#
# A minimal fast upstream answers a small chat completion with usage, or an
# SSE stream of twelve events. The same requests go straight to it, through
# the gateway with a no-op recorder, through the gateway with a counting
# queue recorder, and through the ReverseProxy: at a fixed 1,000 requests per
# second at concurrency 1, then closed-loop at concurrency 1, 16 and 64, for
# JSON answers and for streams. It prints requests per second, p50 and p99
# latency, the latency each proxy adds, time to first byte for streams, and
# usage rows logged against requests sent, then checks the targets (added
# p50 <= 0.2 ms and p99 <= 2 ms at the fixed rate; >= 3,000 req/s at
# concurrency 16; every request logged). Exits non-zero if one is missed.
#
#   scripts/bench-gateway.sh                          # the full run (about two minutes)
#   scripts/bench-gateway.sh -n 3000 -fixed-n 3000    # a quicker one
#   GO_BENCH=1 scripts/bench-gateway.sh               # also the in-package Go benchmarks
#
# Flags go to the driver: -n, -fixed-n, -rate, -conc 1,16,64, -rounds, -warmup.
# Everything runs on loopback in one process: on a busy machine the numbers
# move; the targets take turns in rounds so bursts fall on all of them.
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/steward-bench-gateway.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "Building the benchmark driver..."
go build -o "$WORK/benchgateway" ./tools/benchgateway
echo "Load on this machine: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
status=0
"$WORK/benchgateway" "$@" || status=$?

if [[ "${GO_BENCH:-0}" == 1 ]]; then
	echo
	echo "In-package benchmarks (one call through the handler; allocations):"
	go test -run '^$' -bench . -benchmem ./backend/gateway/
fi
exit "$status"

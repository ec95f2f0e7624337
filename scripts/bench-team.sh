#!/usr/bin/env bash
# Benchmark the gateway as a team server (issue: team server): two `steward
# gateway` replicas on one private PostgreSQL (Debian's server, started as a
# non-root user on a private port), a round-robin client at concurrency 32
# and a fast local upstream; then one replica on SQLite for comparison.
# Prints requests per second in total, p50/p99 latency and what the gateway
# adds, and usage rows logged against requests sent (counted in the database
# after the replicas drained on SIGTERM). Exits non-zero if a target is
# missed (>= 5,000 req/s in total on PostgreSQL; every row logged).
#
#   scripts/bench-team.sh                 # the full run
#   scripts/bench-team.sh -n 10000        # a quicker one
#
# Flags go to the driver: -n, -warmup, -conc, -members, -target.
# Everything shares this machine's cores: on a busy machine the numbers move.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/steward-bench-team.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
tags="$(scripts/webkit-tags.sh)"
echo "Building steward and the benchmark driver..."
go build ${tags:+-tags "$tags"} -o "$WORK/steward" .
go build -o "$WORK/benchteam" ./tools/benchteam
"$WORK/benchteam" -steward "$WORK/steward" "$@"

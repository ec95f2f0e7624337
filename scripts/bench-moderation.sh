#!/usr/bin/env bash
# Moderation runner benchmark: 1,000 prompts against backend/openaitest under
# a requests-per-minute budget that forces waiting (server and client limiter
# set to the same budget). Prints the wall time against the minimum the budget
# allows, requests sent, 429s received and items completed. Takes about a
# minute. Override the scenario with STEWARD_BENCH_PROMPTS, STEWARD_BENCH_RPM
# and STEWARD_BENCH_BATCH; extra arguments go to `go test`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go test -run '^$' -bench '^BenchmarkBudget$' -benchtime 1x -count 1 -timeout 10m ./backend/moderation/ "$@"

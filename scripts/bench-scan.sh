#!/usr/bin/env bash
# Benchmark Steward's leak scanner against gitleaks (its OpenAI rule only).
#
# Generates a corpus (>= 500 MB in >= 50,000 mixed files, with planted keys
# of every format and decoys) and a git repository with keys in its history,
# installs gitleaks v8 with `go install` if it is missing, then times both
# scanners on a warm page cache and scores what each found.
#
#   scripts/bench-scan.sh            # full size
#   FILES=5000 MB=260 scripts/bench-scan.sh   # a quick run
#
# Environment: FILES, MB, COMMITS, SEED, RUNS (timed Steward runs), KEEP=1
# keeps the generated data, BENCH_DIR picks where it goes, REUSE=1 scans the
# corpus a kept BENCH_DIR already holds. With KEEP=1, the Go benchmark runs on
# the same corpus: STEWARD_BENCH_CORPUS=DIR/corpus go test -bench ScanCorpus ./backend/leakscan/
set -euo pipefail

cd "$(dirname "$0")/.."
FILES=${FILES:-52000}
MB=${MB:-560}
COMMITS=${COMMITS:-1500}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/steward-bench-scan.XXXXXX")}
mkdir -p "$WORK"
if [[ "${KEEP:-0}" != 1 ]]; then
	trap 'rm -rf "$WORK"' EXIT
fi

# gitleaks: installed with the Go toolchain if absent. Its module moved from
# zricethezav to gitleaks; try both.
GOBIN_DIR=$(go env GOPATH)/bin
GITLEAKS=$(command -v gitleaks || true)
if [[ -z "$GITLEAKS" && -x "$GOBIN_DIR/gitleaks" ]]; then
	GITLEAKS=$GOBIN_DIR/gitleaks
fi
if [[ -z "$GITLEAKS" ]]; then
	echo "Installing gitleaks v8 with go install..."
	go install github.com/zricethezav/gitleaks/v8@latest 2>/dev/null ||
		go install github.com/gitleaks/gitleaks/v8@latest
	GITLEAKS=$GOBIN_DIR/gitleaks
fi

# A gitleaks config holding only gitleaks' own OpenAI rule, taken from the
# installed module's default config.
CONFIG=$WORK/gitleaks-openai.toml
DEFAULT_TOML=$(ls -d "$(go env GOMODCACHE)"/github.com/{zricethezav,gitleaks}/gitleaks/v8@*/config/gitleaks.toml 2>/dev/null | sort -V | tail -1 || true)
{
	echo 'title = "gitleaks: OpenAI rule only"'
	if [[ -n "$DEFAULT_TOML" ]]; then
		awk '/^\[\[rules\]\]/ { if (inrule) exit; pending = 1; next }
		     pending && /^id = "openai-api-key"/ { inrule = 1; print "[[rules]]" }
		     { pending = 0 }
		     inrule { print }' "$DEFAULT_TOML"
	fi
} >"$CONFIG"
if ! grep -q 'openai-api-key' "$CONFIG"; then
	# The rule as gitleaks v8.30 ships it, for a module cache without the source.
	cat >>"$CONFIG" <<'EOF'
[[rules]]
id = "openai-api-key"
description = "Found an OpenAI API Key, posing a risk of unauthorized access to AI services and data manipulation."
regex = '''\b(sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})\b|sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})(?:[\x60'"\s;]|\\[nr]|$)'''
entropy = 3
keywords = ["t3blbkfj"]
EOF
fi

echo "gitleaks: $GITLEAKS (config ${DEFAULT_TOML:-built in}, OpenAI rule only)"
echo "Building the benchmark driver..."
go build -o "$WORK/benchscan" ./tools/benchscan

if [[ "${REUSE:-0}" == 1 && -f "$WORK/manifest.json" ]]; then
	echo "Reusing the corpus in $WORK"
else
	echo "Generating $FILES files, ~$MB MB, and a $COMMITS-commit repository under $WORK..."
	rm -rf "$WORK/corpus" "$WORK/repo"
	"$WORK/benchscan" gen -dir "$WORK/corpus" -repo "$WORK/repo" -manifest "$WORK/manifest.json" \
		-files "$FILES" -mb "$MB" -commits "$COMMITS" -seed "$SEED"
fi
sync # let writeback finish so it does not run during the timed scans

echo
"$WORK/benchscan" compare -dir "$WORK/corpus" -repo "$WORK/repo" -manifest "$WORK/manifest.json" \
	-gitleaks "$GITLEAKS" -config "$CONFIG" -runs "$RUNS" -tmp "$WORK"

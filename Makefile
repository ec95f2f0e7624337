# Steward — build, run and test. `make run` and `make test` install what is
# missing first (system packages, the Wails CLI, npm packages).

GOBIN_DIR := $(shell go env GOPATH)/bin
WAILS     := $(GOBIN_DIR)/wails
VERSION   ?= $(shell scripts/version.sh)
COMMIT    ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null)$(shell git diff --quiet HEAD 2>/dev/null || echo +dirty)
BUILDDATE ?= $(shell date -u $(if $(SOURCE_DATE_EPOCH),-d @$(SOURCE_DATE_EPOCH)) +%Y-%m-%dT%H:%M:%SZ)
BI        := steward/backend/buildinfo
LDFLAGS   := -X $(BI).version=$(VERSION) -X $(BI).commit=$(COMMIT) -X $(BI).date=$(BUILDDATE)
TAGS       = $(shell scripts/webkit-tags.sh)

.PHONY: all deps deps-test run build build-windows test test-go test-frontend test-e2e test-smoke package package-macos test-package bench bench-scan bench-moderation bench-moderation-memory bench-report bench-team bench-first-paint bindings clean

all: build

deps:
	@scripts/deps.sh

# What only the tests need besides (PostgreSQL's server binaries).
deps-test:
	@scripts/deps.sh --test

build: deps
	$(WAILS) build -m -nosyncgomod -clean -trimpath -ldflags "$(LDFLAGS)" $(if $(TAGS),-tags "$(TAGS)")
	@echo "Built build/bin/steward"

run: build
	./build/bin/steward

build-windows: deps
	$(WAILS) build -m -nosyncgomod -platform windows/amd64 -trimpath -ldflags "$(LDFLAGS)" -o steward.exe
	@echo "Built build/bin/steward.exe"

bindings: deps
	$(WAILS) generate module $(if $(TAGS),-tags "$(TAGS)")

test: deps-test test-go test-frontend test-e2e test-smoke

test-go: deps-test
	STEWARD_REQUIRE_KEYCHAIN=1 STEWARD_REQUIRE_NODE_SDK=1 STEWARD_REQUIRE_POSTGRES=1 scripts/with-keyring.sh go test -race -count=1 -timeout 20m ./...

test-frontend: deps
	cd frontend && npm run --silent check && npm test --silent

test-e2e: deps
	scripts/e2e.sh

test-smoke: build
	scripts/smoke.sh

# Installers in build/dist: the .deb, the Windows NSIS installer and SHA256SUMS.
package: build
	scripts/package.sh "$(VERSION)" "$(LDFLAGS)"

# macOS only (CI): a universal Steward.app in a .dmg, signed and notarised when
# the secrets scripts/package-macos.sh names are set.
package-macos:
	scripts/package-macos.sh "$(VERSION)" "$(LDFLAGS)"

# Installs the .deb system-wide (CI only; never part of `make test`), checks it
# and removes it again; checks the installer's version; tests the one-instance lock.
test-package: package
	scripts/test-package.sh "$(VERSION)"

bench:
	go test -run '^$$' -bench . -benchmem ./backend/...

bench-scan:
	scripts/bench-scan.sh

bench-moderation:
	scripts/bench-moderation.sh

bench-moderation-memory:
	scripts/bench-moderation-memory.sh

bench-report:
	scripts/bench-report.sh

# Two gateway replicas on one PostgreSQL at concurrency 32 (and one on SQLite
# for comparison): requests per second, added latency, rows logged.
bench-team: deps-test
	scripts/bench-team.sh

# Median time to the first non-blank frame over 5 launches of the built
# binary under Xvfb, and the memory of the app plus its WebKit processes.
bench-first-paint: build
	scripts/bench-first-paint.sh

clean:
	rm -rf build/bin build/artifacts build/dist frontend/dist/assets frontend/dist/index.html

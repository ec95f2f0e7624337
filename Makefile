# Steward — build, run and test. `make run` and `make test` install what is
# missing first (system packages, the Wails CLI, npm packages).

GOBIN_DIR := $(shell go env GOPATH)/bin
WAILS     := $(GOBIN_DIR)/wails
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)
TAGS       = $(shell scripts/webkit-tags.sh)

.PHONY: all deps run build build-windows test test-go test-frontend test-e2e test-smoke bench bench-scan bench-moderation bench-moderation-memory bench-report bindings clean

all: build

deps:
	@scripts/deps.sh

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

test: deps test-go test-frontend test-e2e test-smoke

test-go: deps
	STEWARD_REQUIRE_KEYCHAIN=1 STEWARD_REQUIRE_NODE_SDK=1 scripts/with-keyring.sh go test -race -count=1 ./...

test-frontend: deps
	cd frontend && npm run --silent check && npm test --silent

test-e2e: deps
	scripts/e2e.sh

test-smoke: build
	scripts/smoke.sh

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

clean:
	rm -rf build/bin build/artifacts frontend/dist/assets frontend/dist/index.html

# The judge's everyday commands. `make demo` and `make test` work on a fresh machine with a
# Docker engine, Go and root (the runner image is built from Debian packages: no registry needed).
GO      ?= go
BIN     := bin/judge
PY      ?= python3
FUZZTIME ?= 10s

.PHONY: all build image demo test unit harness-test integration verify fuzz lint bench clean clean-image postgres

all: build

build:
	$(GO) build -o $(BIN) ./cmd/judge

# Builds the runner image only when it is missing or holds another harness version.
image: build
	@if ! ./$(BIN) image status >/dev/null 2>&1; then ./$(BIN) image build; else echo "runner image is up to date"; fi

demo: build image
	./$(BIN) problems list
	./$(BIN) run two-sum testdata/demo/two_sum.py

# The README's test command, run by CI: lint, the harness's own tests, Go unit tests and the
# integration tests against the real Docker engine, fuzzing for a bounded time, and `judge
# verify` over every problem.
test: lint harness-test image unit verify fuzz

unit: postgres
	$(GO) test -count=1 -timeout 30m ./...

# The store, queue and worker tests start their own PostgreSQL (Debian's binaries, a temporary
# data directory, a loopback port): install it when missing, or say why not.
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null && echo sudo)
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null; then \
		echo "PostgreSQL server binaries missing: apt-get install postgresql"; \
		( $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql ) || \
		{ echo "make test: the PostgreSQL tests need Debian's postgresql package, and it could not be installed" >&2; exit 1; }; \
	fi

harness-test:
	$(PY) -m unittest discover -s runner-images/python -p 'test_*.py'

# Time limits are calibrated in this run, on this machine, under this load (bin/ is new in a
# fresh clone): nothing measured elsewhere decides a verdict here.
verify: build image
	JUDGE_CACHE_DIR=$(CURDIR)/bin/cache ./$(BIN) verify --junit bin/verify-junit.xml

fuzz:
	@for t in $$($(GO) test -list 'Fuzz.*' ./judge/... 2>/dev/null | grep ^Fuzz); do \
		pkg=$$(grep -rl "func $$t(" --include='*_test.go' judge | head -1 | xargs dirname); \
		echo "fuzz $$t in ./$$pkg for $(FUZZTIME)"; \
		$(GO) test ./$$pkg -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

lint:
	@out=$$(gofmt -l cmd judge problems runner-images testdata 2>/dev/null); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# The checkers on large outputs, the judging table, then the server section: bin/judge serve
# under 500 submissions from 50 clients on loopback and the same through bin/judge grade
# (README "Performance"). The server section judges its submissions twice: expect minutes more.
bench: build image
	$(GO) test -run '^$$' -bench . -benchmem ./judge/check/
	$(GO) build -o bin/judge-bench ./cmd/judge-bench
	./bin/judge-bench

clean:
	rm -rf bin

clean-image: build
	./$(BIN) image rm

# The judge's everyday commands. `make demo` and `make test` work on a fresh machine with a
# Docker engine, Go and root (the runner image is built from Debian packages: no registry needed).
GO      ?= go
BIN     := bin/judge
PY      ?= python3
# Each fuzz target runs a number of inputs, not a time: with a duration, Go 1.26's fuzzing
# coordinator can fail a target with a bare "context deadline exceeded" when its deadline races a
# worker on a loaded machine (golang/go#75804, fixed in Go 1.27), as it did on FuzzTokens here.
FUZZTIME ?= 50000x

.PHONY: all build image validator-image demo test unit harness-test harness-deps integration verify fuzz lint bench clean clean-image browser postgres

all: build

build:
	$(GO) build -o $(BIN) ./cmd/judge

# Builds the runner image only when it is missing or holds another harness version.
image: build
	@if ! ./$(BIN) image status >/dev/null 2>&1; then ./$(BIN) image build; else echo "runner image is up to date"; fi

# The validator image (g++ and the harness: C/C++ output validators of Kattis packages), only
# when missing or stale. Its debootstrap base takes a few minutes the first time.
validator-image: build
	@if ! ./$(BIN) image status --validator >/dev/null 2>&1; then ./$(BIN) image build --validator; else echo "validator image is up to date"; fi

demo: build image
	./$(BIN) problems list
	./$(BIN) run two-sum testdata/demo/two_sum.py

# The README's test command, run by CI: lint, the harness's own tests, Go unit tests and the
# integration tests against the real Docker engine, fuzzing for a bounded time, and `judge
# verify` over every problem.
test: lint harness-test image validator-image browser unit verify fuzz

# The web pages' tests drive Debian's chromium headless (cmd/judge/browser_test.go): install it
# from the Debian mirror when it is missing (as root, or through sudo when there is one).
browser:
	@if [ -x /usr/bin/chromium ]; then echo "chromium is installed"; else \
		if [ "$$(id -u)" = 0 ]; then sudo=; elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
		else echo "chromium is missing, and installing it needs root or sudo: apt-get install -y chromium" >&2; exit 1; fi; \
		$$sudo apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y chromium; fi

# The timeout catches a hang, it measures nothing: cmd/judge alone takes ~14 min on a quiet
# machine of ours and about twice that beside two busy loops (issue 8's proof runs).
unit: postgres
	$(GO) test -count=1 -timeout 60m ./...

# The store, queue and worker tests start their own PostgreSQL (Debian's binaries, a temporary
# data directory, a loopback port): install it when missing, or say why not.
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null && echo sudo)
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null; then \
		echo "PostgreSQL server binaries missing: apt-get install postgresql"; \
		( $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql ) || \
		{ echo "make test: the PostgreSQL tests need Debian's postgresql package, and it could not be installed" >&2; exit 1; }; \
	fi

harness-test: harness-deps
	$(PY) -m unittest discover -s runner-images/python -p 'test_*.py'

# The harness's lint tests need a python3.11 with pyflakes, as in the runner image: Debian's.
harness-deps:
	@/usr/bin/python3 -c 'import pyflakes' 2>/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-pyflakes; }

# Time limits are this machine's calibrations, as every judge command uses them: the first
# verify on a machine calibrates what it judges (and says so); later runs, from any clone, reuse
# the calibration while the runner image, the harness, the machine and the problem are the
# same ($JUDGE_CACHE_DIR, default ~/.cache/judge). Nothing measured elsewhere decides a verdict
# here; `make verify VERIFY_CACHE=$PWD/bin/cache` calibrates afresh into this clone.
VERIFY_CACHE ?=
VERIFY_ENV := $(if $(VERIFY_CACHE),JUDGE_CACHE_DIR=$(VERIFY_CACHE))
verify: build image validator-image
	$(VERIFY_ENV) ./$(BIN) verify --junit bin/verify-junit.xml
	$(VERIFY_ENV) ./$(BIN) verify --junit bin/verify-kattis-junit.xml $(KATTIS_PACKAGES)

# Packages in the Kattis format as other tools write them (docs/problem-format.md, "Support"):
# judged from their folders, not built into the binary.
KATTIS_PACKAGES := testdata/problems/kattis-scoring testdata/problems/kattis-validateh testdata/problems/kattis-testlib testdata/problems/kattis-interactive testdata/problems/kattis-interactive-cc testdata/problems/kattis-multipass testdata/problems/kattis-score

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
# (README "Performance"). make bench shares BENCH_BUDGET among judge-bench's sections (their sample sizes become maxima),
# so that the whole run takes under 10 minutes on a slow machine of our kind too; BENCH_BUDGET=0
# runs every section at its full size (issue 9's 500 submissions), however long that takes.
BENCH_BUDGET ?= 8m30s

bench: build image
	$(GO) test -run '^$$' -bench . -benchtime 200ms -benchmem ./judge/check/ ./judge/similarity/
	$(GO) build -o bin/judge-bench ./cmd/judge-bench
	./bin/judge-bench -budget $(BENCH_BUDGET)

clean:
	rm -rf bin

clean-image: build
	./$(BIN) image rm

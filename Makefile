# ipm — the two commands: `make run` and `make test`. Each installs what is missing first.
SHELL := /bin/bash
PREFIX ?= /usr/local
ARGS ?=
SWIFT ?= swift
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: all deps build run test bench install release clean

all: build

deps:
	@scripts/deps.sh

build: deps
	@$(SWIFT) build --product ipm 2>&1 | grep -v -E "is dangerous, better use|_ThreadLocal.swift.o:function" || true
	@test -x .build/debug/ipm

## make run ARGS="explain retry" — build and start ipm with ARGS.
run: build
	@.build/debug/ipm $(ARGS)

## make test — every test: Swift Testing suites, end-to-end runs of the binary, interop with peer libraries.
test: deps
	@python3 scripts/content-samples.py --check
	@$(SWIFT) build --build-tests 2>&1 | grep -v -E "is dangerous, better use|_ThreadLocal.swift.o:function" ; test $${PIPESTATUS[0]} -eq 0
	@$(SWIFT) test --skip-build 2>&1 | grep -v -E "^\[|^Test Suite|^Executed 0 tests" ; test $${PIPESTATUS[0]} -eq 0
	@scripts/interop.sh
	@scripts/scaffold-check.sh

## make bench — side-by-side timings against the peers; writes docs/benchmarks.md.
bench: deps release
	@scripts/release-build.sh ipm-bench > /dev/null
	@python=$$(scripts/venv.sh) && "$$python" Benchmarks/run.py --ipm .build/static/release/ipm \
		--ipm-bench .build/static/release/ipm-bench

release: deps
	@scripts/release-build.sh > /dev/null

## make install PREFIX=/usr/local — a self-contained release binary in $(PREFIX)/bin.
install: release
	@install -d "$(DESTDIR)$(PREFIX)/bin"
	@install -m 0755 .build/static/release/ipm "$(DESTDIR)$(PREFIX)/bin/ipm"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/ipm"

clean:
	@rm -rf .build

# BinhaiSim — set-up, demo, tests and benchmarks.
#   make demo   install what is missing, build in release, run the main job on the embedded data
#   make test   install what is missing, run the whole test suite
#   make bench  benchmarks against numpy/pymrio (not part of make test)
SHELL := /bin/bash
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
APT_PACKAGES := libblas-dev liblapack-dev libopenblas0-pthread zlib1g-dev pkg-config
RELEASE_BIN := .build/release/binhai

.PHONY: setup demo test bench build release clean

setup:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing; \
	  else \
	    echo "BinhaiSim needs these Debian packages:$$missing"; \
	    echo "Run:  sudo apt-get update && sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi
	@test -x "$(SWIFT)" || { echo "Swift toolchain not found: install Swift 6 and put 'swift' on PATH"; exit 1; }

release: setup
	$(SWIFT) build -c release --product binhai

build: setup
	$(SWIFT) build

demo: release
	$(RELEASE_BIN) forecast
	@echo
	@echo "More: $(RELEASE_BIN) run scenarios/what-if-weak-fdi.yaml --out briefing/   |   $(RELEASE_BIN) io analyze --lang en"

test: setup
	$(SWIFT) test

bench: release
	bash Benchmarks/run-all.sh

clean:
	rm -rf .build

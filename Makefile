# BinhaiSim — set-up, demo, tests and benchmarks.
#   make demo   install what is missing, build in release, run the main job on the embedded data
#   make test   install what is missing, run the notebooks headless, check the Word briefing and
#               the matrix workbook in LibreOffice, drive the web page in headless Chromium and fuzz its API, run the
#               whole Swift test suite
#   make bench  benchmarks against numpy/pymrio (not part of make test)
#   make fuzz   libFuzzer targets for FUZZ_SECONDS each (CI runs it after make test)
SHELL := /bin/bash
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
APT_PACKAGES := libblas-dev liblapack-dev libopenblas0-pthread zlib1g-dev pkg-config python3-venv bc librsvg2-dev fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils libsqlite3-dev chromium chromium-driver curl
RELEASE_BIN := .build/release/binhai

.PHONY: setup demo test bench build release clean notebooks fuzz test-cluster

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

# The notebooks drive the debug build of binhai (the test suite builds it anyway), then the
# whole Swift test suite runs; its summary is the last thing printed.
test: setup
	$(SWIFT) build --product binhai
	BINHAI="$$($(SWIFT) build --show-bin-path)/binhai" bash scripts/run-notebooks.sh
	BINHAI="$$($(SWIFT) build --show-bin-path)/binhai" bash scripts/check-docx.sh
	BINHAI="$$($(SWIFT) build --show-bin-path)/binhai" bash scripts/check-xlsx.sh
	BINHAI="$$($(SWIFT) build --show-bin-path)/binhai" bash scripts/test-web.sh
	$(SWIFT) test

# Sharded jobs on a real one-node Slurm cluster (root: installs slurm-wlm and munge, starts
# munged, slurmctld and slurmd); .ci/run calls it after `make test`.
CLUSTER_PACKAGES := slurm-wlm munge
test-cluster: setup
	@missing=""; for p in $(CLUSTER_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing; \
	fi
	$(SWIFT) build --product binhai
	BINHAI="$$($(SWIFT) build --show-bin-path)/binhai" bash scripts/test-cluster.sh

# Each fuzz target for FUZZ_SECONDS (libFuzzer + AddressSanitizer; CI runs it, see .ci/run).
FUZZ_SECONDS ?= 60
fuzz: setup
	SWIFT=$(SWIFT) bash scripts/fuzz.sh $(FUZZ_SECONDS)

notebooks: release
	BINHAI=$(RELEASE_BIN) bash scripts/run-notebooks.sh

bench: release
	bash Benchmarks/run-all.sh

clean:
	rm -rf .build .build-fuzz

#!/usr/bin/env bash
# Web benchmark: latency of `binhai serve`'s what-if editor (POST /edit of what-if.yaml, 20,000
# draws, industry-chain + beijing-transfer, effort search on) for 1, 4 and 16 users sending one
# request after another, with GET /api/v1/health probed every 100 ms. load.py starts the server on
# a free loopback port with a temporary database and stops it at the end. Goals (issue): p99 ≤ 1 s
# for one user; no error and health p99 < 50 ms at 16 users.
#
#   bash Benchmarks/web/run.sh [load.py options]     e.g. --quick (3/2/1 requests per user)
#
# Environment:
#   BINHAI     binhai binary (default .build/release/binhai; built in release when missing)
#   BENCH_OUT  output folder (default Benchmarks/out)
#   PYTHON     Python 3 for load.py (default python3; standard library only, no venv)
#
# Writes Benchmarks/out/web/results.json (and server.log, the server's output) and prints the
# Markdown table with PASS/FAIL per goal. Exit status is load.py's (--strict: 1 when a goal fails).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(dirname "$HERE")"
ROOT="$(dirname "$BENCH")"
OUT="${BENCH_OUT:-$BENCH/out}/web"
PYTHON="${PYTHON:-python3}"
BINHAI="${BINHAI:-$ROOT/.build/release/binhai}"
[ -x "$BINHAI" ] || (cd "$ROOT" && swift build -c release --product binhai)
mkdir -p "$OUT"
status=0
BINHAI="$BINHAI" "$PYTHON" "$HERE/load.py" --binhai "$BINHAI" --out "$OUT/results.json" "$@" || status=$?
echo "results: $OUT/results.json (server output: $OUT/server.log)"
exit "$status"

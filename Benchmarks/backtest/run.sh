#!/usr/bin/env bash
# Backtest benchmark: `binhai backtest` against statsmodels' local-linear-trend
# UnobservedComponents and a random walk with drift on the same rolling windows of real
# investment series (statsmodels' grunfeld and macrodata), 8 years of history, 5 years ahead.
#
#   bash Benchmarks/backtest/run.sh        BINHAI=path/to/binhai overrides the binary
#
# Writes Benchmarks/out/backtest/results.json and prints the table for the README.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(dirname "$HERE")"
ROOT="$(dirname "$BENCH")"
OUT="${BENCH_OUT:-$BENCH/out}/backtest"
VENV="$BENCH/.venv-backtest"
PYTHON="${PYTHON:-python3}"
BINHAI="${BINHAI:-$ROOT/.build/release/binhai}"
if [ ! -x "$BINHAI" ]; then
  (cd "$ROOT" && swift build -c release --product binhai)
fi
if [ ! -x "$VENV/bin/python" ]; then "$PYTHON" -m venv "$VENV"; fi
if ! "$VENV/bin/python" -c "import statsmodels, scipy" >/dev/null 2>&1; then
  "$VENV/bin/python" -m pip install -q -r "$HERE/requirements.txt"
fi
rm -rf "$OUT"
"$VENV/bin/python" "$HERE/backtest_peers.py" "$BINHAI" "$OUT" "$ROOT/Sources/Datasets/Resources/binhai-default"

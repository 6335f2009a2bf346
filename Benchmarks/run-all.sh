#!/usr/bin/env bash
# All BinhaiSim benchmarks (`make bench` calls this after the release build).
# Each benchmark lives in its own folder with a run.sh; see Benchmarks/README.md.
#   bash Benchmarks/run-all.sh            BINHAI=path/to/binhai overrides the binary
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
status=0
echo "### io: binhai io analyze vs pymrio (n = ${IO_SIZES:-2000 4000})"
# shellcheck disable=SC2086
bash "$HERE/io/run.sh" ${IO_SIZES:-} || status=$?
echo "### io/pass: one GMRES step's products, one pass vs two dgemm (n = 7987)"
bash "$HERE/io/pass/run.sh" || status=$?
echo "### forecast: Monte Carlo engine vs numpy (draws = ${FORECAST_SIZES:-10000 100000 300000})"
# shellcheck disable=SC2086
bash "$HERE/forecast/run.sh" ${FORECAST_SIZES:-} || status=$?
echo "### runtime: a 40-point sweep against a single run (n = ${RUNTIME_SIZE:-1500} sectors)"
bash "$HERE/runtime/run.sh" ${RUNTIME_SIZE:-1500} || status=$?
echo "### backtest: binhai backtest vs statsmodels on grunfeld and macrodata"
bash "$HERE/backtest/run.sh" || status=$?
echo "### web: the what-if page (binhai serve, POST /edit) under 1, 4 and 16 users ${WEB_ARGS:-}"
# shellcheck disable=SC2086
bash "$HERE/web/run.sh" ${WEB_ARGS:-} || status=$?
exit "$status"

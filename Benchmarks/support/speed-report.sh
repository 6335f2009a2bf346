#!/usr/bin/env bash
# Forecast engine speed report: throughput (draws × years per second) of ForecastEngine.run with
# 1 and 2 workers, run alternately 1, 2, 1, 2 so both see the same machine state. Prints timings
# only; there is no assertion on time (timings on a shared 2-core machine are noise for a test).
#
# Moved out of the unit tests: this was `speedReport()` in Tests/ForecastEngineTests/SpeedReport.swift
# (a test enabled only with BINHAI_FE_SPEED=1). Same scenario, now run through the forecast
# benchmark's `forecast-bench` (Benchmarks/forecast/swift): the engine's default parameters with
# Pareto tail α = 3, effort 1.1/1.2/1.3 in 2021–2023, the two major projects, calibrated to the
# 2020 base year without trend, plan 2020 → 2030, 100,000 draws, seed 1 (identical to the test's
# `Fixtures.calibrated(draws: 100_000, seed: 1)` with `DoublingPlan(baseYear: 2020, targetYear: 2030)`;
# only the base-year status marks differ, and the engine does not use them).
# Release build, as the test asked for with `-c release`.
#
#   bash Benchmarks/support/speed-report.sh [draws]      (default 100000)
#
# Environment:
#   FORECAST_BENCH  forecast-bench binary (default: built here in release, in
#                   Benchmarks/forecast/swift/.build, as Benchmarks/forecast/run.sh does)
#   YEARS           forecast years (default 10: 2021…2030)
#   SEED            seed (default 1)
#   WORKERS         worker counts to run, in order (default "1 2 1 2")
#   SWIFT           swift toolchain (default: swift on PATH, else /opt/swift/usr/bin/swift)
#   PYTHON          Python 3 used to read forecast-bench's JSON (default python3; standard library only)
#
# Output: one line per run, and after the first 1-worker run the base-year total, the target and
# the last year's investment in place (亿元), as the test printed them:
#   workers W: N draws × Y years in S s = R draw-years/s; P = P(target met)
#     base B, target T, 2030 mean M (P10 …, P50 …, P90 …)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(dirname "$HERE")"
DRAWS="${1:-100000}"
YEARS="${YEARS:-10}"
SEED="${SEED:-1}"
WORKERS="${WORKERS:-1 2 1 2}"
PYTHON="${PYTHON:-python3}"

if [ -z "${FORECAST_BENCH:-}" ]; then
  SWIFT="${SWIFT:-$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)}"
  echo "building forecast-bench (release, Benchmarks/forecast/swift/.build)" >&2
  "$SWIFT" build -c release --package-path "$BENCH/forecast/swift" 2>&1 | tail -3 >&2
  FORECAST_BENCH="$BENCH/forecast/swift/.build/release/forecast-bench"
fi
[ -x "$FORECAST_BENCH" ] || { echo "speed-report.sh: no forecast-bench at $FORECAST_BENCH" >&2; exit 2; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# The calibrated parameters (for the target amount = base × multiplier); written before any timing.
"$FORECAST_BENCH" --draws 1000 --years "$YEARS" --seed "$SEED" --workers 1 --params-out "$TMP/params.json" >/dev/null

first_single=1
for w in $WORKERS; do
  "$FORECAST_BENCH" --draws "$DRAWS" --years "$YEARS" --seed "$SEED" --workers "$w" >"$TMP/run.json"
  "$PYTHON" - "$TMP/run.json" "$TMP/params.json" "$first_single" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1]))
params = json.load(open(sys.argv[2]))
show_details = sys.argv[3] == "1" and r["workers"] == 1
years = len(r["years"])
s = r["seconds"]
print(f'workers {r["workers"]}: {r["draws"]} draws × {years} years in {s} s = '
      f'{r["draws"] * years / s} draw-years/s; P = {r["probability_target_met"]}')
if show_details:
    base = r["base_year_total"]
    print(f'  base {base}, target {base * params["multiplier"]}, {r["years"][-1]} mean {r["mean"][-1]} '
          f'(P10 {r["p10"][-1]}, P50 {r["p50"][-1]}, P90 {r["p90"][-1]})')
PYEOF
  if [ "$w" = 1 ]; then first_single=0; fi
done

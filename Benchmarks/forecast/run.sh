#!/usr/bin/env bash
# Forecast benchmark: the Swift Monte Carlo engine (ForecastEngine.run, through forecast-bench)
# against a vectorised numpy implementation of the same model (numpy_engine.py) on the same
# parameters, at several numbers of draws × 10 years; Swift with 1 and 2 workers, numpy single process.
#
#   bash Benchmarks/forecast/run.sh [draws...]        (default: 10000 100000 300000)
#
# Environment:
#   FORECAST_BENCH  forecast-bench binary (default: built here, release, in
#                   Benchmarks/forecast/swift/.build)
#   YEARS           forecast years (default 10)
#   SEED            seed (default 1)
#   RUNS            rounds per size (default 3; 1 for sizes ≥ 300000). A round runs Swift-1, Swift-2 and
#                   numpy one after the other, each timing REPEAT runs in one process (default 2, 1 for
#                   sizes ≥ 300000); interleaving puts the three tools under the same machine state.
#                   The best of all timed runs is reported.
#   REPEAT          timed runs per tool and round (see RUNS)
#   BENCH_OUT       output folder (default Benchmarks/out)
#   PYTHON          interpreter used to create Benchmarks/.venv (default python3)
#
# Writes Benchmarks/out/forecast-results.md. Exits non-zero if the two disagree.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(dirname "$HERE")"
ROOT="$(dirname "$BENCH")"
cd "$ROOT"

YEARS="${YEARS:-10}"
SEED="${SEED:-1}"
OUT="${BENCH_OUT:-$BENCH/out}"
VENV="$BENCH/.venv"
PYTHON="${PYTHON:-python3}"
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(10000 100000 300000); fi

say() { printf '\n== %s\n' "$*"; }

# Percentage of CPU time used by anything on the machine during the next second (from /proc/stat).
cpu_busy() {
  local a b idle tot k
  read -ra a < <(head -1 /proc/stat); sleep 1; read -ra b < <(head -1 /proc/stat)
  idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )); tot=0
  for k in 1 2 3 4 5 6 7 8; do tot=$(( tot + b[k] - a[k] )); done
  echo $(( tot > 0 ? 100 * (tot - idle) / tot : 0 ))
}

# --- the Swift side -----------------------------------------------------------------------------------
if [ -z "${FORECAST_BENCH:-}" ]; then
  say "building forecast-bench (release, Benchmarks/forecast/swift/.build)"
  SWIFT="${SWIFT:-$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)}"
  "$SWIFT" build -c release --package-path "$HERE/swift" 2>&1 | tail -3
  FORECAST_BENCH="$HERE/swift/.build/release/forecast-bench"
fi
[ -x "$FORECAST_BENCH" ] || { echo "forecast/run.sh: no forecast-bench at $FORECAST_BENCH" >&2; exit 2; }

# --- Python virtual environment (shared with the other benchmarks; reused when complete) ----------------
if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
fi
if ! "$VENV/bin/python" -c "import numpy, scipy, threadpoolctl" >/dev/null 2>&1; then
  say "pip install numpy scipy threadpoolctl into $VENV"
  "$VENV/bin/python" -m pip install -q numpy scipy threadpoolctl
fi
PY="$VENV/bin/python"
# numpy is slowed by OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, which this machine may set for older
# OpenBLAS builds: unset both for the numpy command only (the Monte Carlo barely uses BLAS anyway).
NUMPY_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)

RES="$OUT/forecast"
rm -rf "$RES"
mkdir -p "$RES"
PARAMS="$RES/params.json"
"$FORECAST_BENCH" --draws 1000 --years "$YEARS" --seed "$SEED" --workers 1 --params-out "$PARAMS" >/dev/null

ENVTXT="$RES/env.txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "load before the runs (uptime): $(uptime | sed 's/.*load average/load average/')"
  echo "forecast-bench: $FORECAST_BENCH (git $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet -- Sources/ForecastEngine 2>/dev/null || echo ', ForecastEngine modified'))"
  echo "swift: $(${SWIFT:-swift} --version 2>/dev/null | head -1)"
  echo "python: $("${NUMPY_ENV[@]}" "$PY" -c 'import sys, numpy, scipy; print(sys.version.split()[0], "numpy", numpy.__version__, "scipy", scipy.__version__)')"
  echo "numpy environment: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (were: ${OPENBLAS_CORETYPE-<unset>} / ${OPENBLAS_L2_SIZE-<unset>})"
  "${NUMPY_ENV[@]}" "$PY" -c '
import threadpoolctl
for i in threadpoolctl.threadpool_info():
    print("numpy", i.get("user_api"), i.get("internal_api"), i.get("version"), "kernel", i.get("architecture"), "threads", i.get("num_threads"))'
  echo "years: $YEARS, seed: $SEED, scenario: forecast-bench defaults (see Benchmarks/forecast/README.md)"
} >"$ENVTXT"
say "environment"
cat "$ENVTXT"

# Core check: the two vCPUs of this kind of machine are not always equally fast (another tenant on
# one physical core), which caps the 1 → 2 worker speed-up whatever the engine does. Time one worker
# pinned to each CPU so the report shows it.
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
  core_line="core check (forecast-bench 20,000 draws, 1 worker pinned, best of 3):"
  for c in 0 1; do
    t=$(taskset -c "$c" "$FORECAST_BENCH" --draws 20000 --years "$YEARS" --seed "$SEED" --workers 1 --repeat 3 |
      "$PY" -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["seconds"])')
    core_line="$core_line cpu$c $t s"
  done
  echo "$core_line" >>"$ENVTXT"
  echo "$core_line"
fi

# Merge the per-round JSON files of one tool: the last file's results, all rounds' times.
merge_runs() {
  "$PY" - "$@" <<'PYEOF'
import json, sys
out, files = sys.argv[1], sys.argv[2:]
docs = [json.load(open(f)) for f in files]
merged = docs[-1]
merged["all_seconds"] = [t for d in docs for t in d["all_seconds"]]
merged["seconds"] = min(merged["all_seconds"])
json.dump(merged, open(out, "w"))
print("  seconds:", ", ".join("%.3f" % t for t in merged["all_seconds"]))
PYEOF
}

DIRS=()
for n in "${SIZES[@]}"; do
  D="$RES/n$n"
  mkdir -p "$D"
  rounds="${RUNS:-$([ "$n" -ge 300000 ] && echo 1 || echo 3)}"
  repeat="${REPEAT:-$([ "$n" -ge 300000 ] && echo 1 || echo 2)}"
  for r in $(seq 1 "$rounds"); do
    for w in 1 2; do
      cpu_busy >"$D/busy-swift-w$w-r$r.txt"
      say "N=$n, round $r/$rounds: Swift, $w worker(s), $repeat run(s) (CPU busy before: $(cat "$D/busy-swift-w$w-r$r.txt")%)"
      "$FORECAST_BENCH" --draws "$n" --years "$YEARS" --seed "$SEED" --workers "$w" --repeat "$repeat" >"$D/swift-w$w-r$r.json"
    done
    cpu_busy >"$D/busy-numpy-r$r.txt"
    say "N=$n, round $r/$rounds: numpy, $repeat run(s) (CPU busy before: $(cat "$D/busy-numpy-r$r.txt")%)"
    "${NUMPY_ENV[@]}" "$PY" "$HERE/numpy_engine.py" "$PARAMS" --draws "$n" --seed "$SEED" --repeat "$repeat" \
      --out "$D/numpy-r$r.json" >/dev/null
  done
  for tool in swift-w1 swift-w2 numpy; do
    say "N=$n: $tool, all rounds"
    merge_runs "$D/$tool.json" $(for r in $(seq 1 "$rounds"); do echo "$D/$tool-r$r.json"; done)
    # compare.py reads one busy figure per tool: the largest of the rounds.
    sort -n $(for r in $(seq 1 "$rounds"); do echo "$D/busy-$tool-r$r.txt"; done) | tail -1 >"$D/busy-$tool.txt"
  done
  DIRS+=("$D")
done
echo "load after the runs (uptime): $(uptime | sed 's/.*load average/load average/')" >>"$ENVTXT"

say "comparison"
"$PY" "$HERE/compare.py" --md "$OUT/forecast-results.md" --env "$ENVTXT" "${DIRS[@]}"

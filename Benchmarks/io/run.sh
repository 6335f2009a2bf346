#!/usr/bin/env bash
# IO benchmark: `binhai io analyze --format json` against pymrio's
# calc_all(include_ghosh=True) on the same randomly generated CSV folder.
#
#   bash Benchmarks/io/run.sh [sizes...]        (default: 2000 4000; a size mrioR is a
#                                                multi-regional table of R regions made of the
#                                                NBS 2020 153-sector table, gen_mrio.py)
#
# Environment:
#   BINHAI        binhai binary (default .build/release/binhai, relative to the package root)
#   SEED          generator seed (default 1)
#   BINHAI_RUNS   runs of binhai per size, each with --solver auto (as a user runs it) and
#                 --solver lu, interleaved; best wall time is reported (default 3)
#   PYMRIO_RUNS   runs of pymrio per size; best wall time is reported (default 3)
#   LU_RUNS       scipy lu_factor(I - A) timings per size, the bare-LU floor (default 3)
#   BENCH_OUT     output folder (default Benchmarks/out)
#   PYTHON        interpreter used to create Benchmarks/.venv (default python3)
#
# Writes Benchmarks/out/io-results.md. Exits non-zero if the results disagree.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(dirname "$HERE")"
ROOT="$(dirname "$BENCH")"
cd "$ROOT"

BINHAI="${BINHAI:-.build/release/binhai}"
SEED="${SEED:-1}"
BINHAI_RUNS="${BINHAI_RUNS:-3}"
PYMRIO_RUNS="${PYMRIO_RUNS:-3}"
LU_RUNS="${LU_RUNS:-3}"
OUT="${BENCH_OUT:-$BENCH/out}"
VENV="$BENCH/.venv"
PYTHON="${PYTHON:-python3}"
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(2000 4000); fi

say() { printf '\n== %s\n' "$*"; }

# Percentage of CPU time used by anything on the machine during the next second
# (from /proc/stat): a benchmark run right after a busy second is suspect.
cpu_busy() {
  local a b idle tot k
  read -ra a < <(head -1 /proc/stat); sleep 1; read -ra b < <(head -1 /proc/stat)
  idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )); tot=0
  for k in 1 2 3 4 5 6 7 8; do tot=$(( tot + b[k] - a[k] )); done
  echo $(( tot > 0 ? 100 * (tot - idle) / tot : 0 ))
}

# --- tools ------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing GNU time (apt-get install time)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
  else
    echo "io/run.sh needs GNU time at /usr/bin/time: sudo apt-get install -y time" >&2
    exit 2
  fi
fi
if [ ! -x "$BINHAI" ]; then
  echo "io/run.sh: no binhai binary at $BINHAI" >&2
  echo "  build it first: swift build -c release --product binhai   (or: make bench)" >&2
  exit 2
fi
if ! "$BINHAI" io analyze --help >/dev/null 2>&1; then
  echo "io/run.sh: '$BINHAI io analyze' is not available in this build" >&2
  exit 2
fi

# --- Python virtual environment (reused when complete) ------------------------
if ! "$VENV/bin/python" -c "import pymrio, numpy, pandas, scipy, threadpoolctl" >/dev/null 2>&1; then
  say "creating $VENV (pip install pymrio numpy pandas scipy threadpoolctl)"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q pymrio numpy pandas scipy threadpoolctl
fi
PY="$VENV/bin/python"

# numpy is slowed by OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, which this machine may
# set for the benefit of older OpenBLAS builds (see the env notes): unset both for
# the numpy/pymrio commands only. binhai runs in the environment as it is, since
# the Debian OpenBLAS it links is the build those settings are there for.
NUMPY_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)

mkdir -p "$OUT/tables" "$OUT/io"
ENVTXT="$OUT/io/env.txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "binhai: $BINHAI (git $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo "environment of binhai: OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE-<unset>} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE-<unset>} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS-<unset>} OMP_NUM_THREADS=${OMP_NUM_THREADS-<unset>}"
  echo "environment of pymrio: same, with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset"
  echo "runs per size: binhai $BINHAI_RUNS, pymrio $PYMRIO_RUNS (best wall time, largest peak RSS)"
  echo "python: $("$PY" -c 'import sys, numpy, pandas, pymrio; print(sys.version.split()[0], "numpy", numpy.__version__, "pandas", pandas.__version__, "pymrio", pymrio.__version__)')"
  echo "numpy BLAS (threadpoolctl, as run for pymrio):"
  "${NUMPY_ENV[@]}" "$PY" -c '
import numpy, threadpoolctl
for i in threadpoolctl.threadpool_info():
    if i.get("user_api") == "blas":
        print("  ", i.get("internal_api"), i.get("version"), "kernel", i.get("architecture"),
              "threads", i.get("num_threads"), i.get("filepath"))'
  echo "binhai BLAS:"
  if "$BINHAI" doctor >"$OUT/io/doctor.txt" 2>&1; then
    sed 's/^/   /' "$OUT/io/doctor.txt"
  else
    echo "   ('binhai doctor' not available: $(head -1 "$OUT/io/doctor.txt"))"
  fi
  echo "   linked: $(ldd "$BINHAI" | grep -Ei 'blas|lapack' | awk '{print $1" -> "$3}' | tr '\n' ' ')"
  if command -v update-alternatives >/dev/null; then
    echo "   libblas.so.3 alternative: $(update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | awk '/^Value:/ {print $2}')"
    echo "   liblapack.so.3 alternative: $(update-alternatives --query liblapack.so.3-x86_64-linux-gnu 2>/dev/null | awk '/^Value:/ {print $2}')"
  fi
} >"$ENVTXT"
say "environment"
cat "$ENVTXT"

GEN_SUM="$(cat "$HERE/gen_table.py" | sha256sum | cut -c1-16)"
DIRS=()
MRIO_SUM="$(cat "$HERE/gen_table.py" "$HERE/gen_mrio.py" | sha256sum | cut -c1-16)"
for n in "${SIZES[@]}"; do
  # A size "mrioR" is gen_mrio.py's table of R regions of the embedded NBS 2020 153-sector table.
  if [[ "$n" =~ ^mrio([0-9]+)$ ]]; then
    TABLE="$OUT/tables/$n-seed$SEED"
    if [ "$(cat "$TABLE/.done" 2>/dev/null)" != "$MRIO_SUM" ]; then
      say "$n: generating table into $TABLE"
      rm -rf "$TABLE"
      "${NUMPY_ENV[@]}" "$PY" "$HERE/gen_mrio.py" "$ROOT/Sources/Datasets/Resources/nbs-2020-153" \
        "${BASH_REMATCH[1]}" "$TABLE" --seed "$SEED"
      "${NUMPY_ENV[@]}" "$PY" "$HERE/check_table.py" "$TABLE"
      echo "$MRIO_SUM" >"$TABLE/.done"
    else
      say "$n: using cached table $TABLE"
    fi
    RES="$OUT/io/$n"
  else
    TABLE="$OUT/tables/n$n-seed$SEED"
    if [ "$(cat "$TABLE/.done" 2>/dev/null)" != "$GEN_SUM" ]; then
      say "n=$n: generating table into $TABLE"
      rm -rf "$TABLE"
      "${NUMPY_ENV[@]}" "$PY" "$HERE/gen_table.py" "$n" "$TABLE" --seed "$SEED"
      "${NUMPY_ENV[@]}" "$PY" "$HERE/check_table.py" "$TABLE"
      echo "$GEN_SUM" >"$TABLE/.done"
    else
      say "n=$n: using cached table $TABLE"
    fi
    RES="$OUT/io/n$n"
  fi
  rm -rf "$RES"
  mkdir -p "$RES"
  echo $(( $(wc -l <"$TABLE/x.csv") - 1 )) >"$RES/n"
  # Read the files once so that neither tool pays for a cold page cache.
  cat "$TABLE"/*.csv >/dev/null

  for k in $(seq 1 "$PYMRIO_RUNS"); do
    cpu_busy >"$RES/pymrio.busy.$k"
    say "n=$n: pymrio run $k/$PYMRIO_RUNS (CPU busy before: $(cat "$RES/pymrio.busy.$k")%)"
    "${NUMPY_ENV[@]}" /usr/bin/time -v -o "$RES/pymrio.time.$k" \
      "$PY" "$HERE/run_pymrio.py" "$TABLE" "$RES/pymrio.run$k.json" 2>"$RES/pymrio.stderr.$k" \
      || { cat "$RES/pymrio.stderr.$k" >&2; exit 1; }
    cp "$RES/pymrio.run$k.json" "$RES/pymrio.json"
    cat "$RES/pymrio.stderr.$k"
    awk '/Elapsed|Maximum resident/' "$RES/pymrio.time.$k"
  done
  # binhai as a user runs it (--solver auto: GMRES from 1,000 sectors), interleaved with
  # binhai --solver lu (the LU path, for the ratio of the LU path to the bare LU).
  for k in $(seq 1 "$BINHAI_RUNS"); do
    for variant in binhai binhai-lu; do
      args=()
      [ "$variant" = binhai-lu ] && args=(--solver lu)
      cpu_busy >"$RES/$variant.busy.$k"
      say "n=$n: $variant run $k/$BINHAI_RUNS (CPU busy before: $(cat "$RES/$variant.busy.$k")%)"
      /usr/bin/time -v -o "$RES/$variant.time.$k" \
        "$BINHAI" io analyze "$TABLE" --format json "${args[@]}" >"$RES/$variant.json" 2>"$RES/$variant.stderr.$k" \
        || { cat "$RES/$variant.stderr.$k" >&2; exit 1; }
      cat "$RES/$variant.stderr.$k"
      awk '/Elapsed|Maximum resident/' "$RES/$variant.time.$k"
    done
  done
  cpu_busy >"$RES/lu.busy.1"
  say "n=$n: scipy lu_factor of I - A, $LU_RUNS timings (CPU busy before: $(cat "$RES/lu.busy.1")%)"
  "${NUMPY_ENV[@]}" "$PY" "$HERE/run_lu.py" "$TABLE" "$RES/lu.json" --runs "$LU_RUNS"
  DIRS+=("$RES")
done

say "comparison"
"$PY" "$HERE/compare.py" --md "$OUT/io-results.md" --env "$ENVTXT" "${DIRS[@]}"

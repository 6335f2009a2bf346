#!/usr/bin/env bash
# The runtime benchmark (issue "One scenario runtime"): a 40-point sweep of the industry-chain
# scenario on a dataset with an N-sector IO table (default 1,500) against a single run of the
# same scenario, for the binhai under test and, when BEFORE=path/to/old/binhai is given, for an
# older build in the same run. Reports wall times (best of RUNS, default 3) and the ratio
# sweep / single: the goal is at most 3 (the table is read and factored once per sweep).
#   bash Benchmarks/runtime/run.sh [N]      BINHAI=… BEFORE=… RUNS=…
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
N=${1:-1500}
RUNS=${RUNS:-3}
BINHAI=${BINHAI:-$ROOT/.build/release/binhai}
OUT="$ROOT/Benchmarks/out/runtime/n$N"
mkdir -p "$OUT"
[ -f "$OUT/sweep.yaml" ] || python3 "$HERE/make_dataset.py" "$N" "$OUT" >/dev/null
best() {  # best wall time in seconds of RUNS runs of "$@"
  local b=""
  for _ in $(seq "$RUNS"); do
    local s e t
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$b" ] || (( $(echo "$t < $b" | bc -l) )); then b=$t; fi
  done
  printf "%.2f" "$b"
}
report() {  # label binary
  local single sweep
  single=$(best "$2" run "$OUT/single.yaml" --format json --no-effort-search)
  sweep=$(best "$2" run "$OUT/sweep.yaml" --format json --no-effort-search)
  printf "%-8s single %6s s   40-point sweep %7s s   sweep/single %5.1f\n" "$1" "$single" "$sweep" "$(echo "$sweep / $single" | bc -l)"
}
echo "n = $N sectors, 20,000 draws per point, best of $RUNS, $(nproc) cores"
[ -n "${BEFORE:-}" ] && report before "$BEFORE"
report after "$BINHAI"

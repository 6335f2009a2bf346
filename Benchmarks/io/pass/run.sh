#!/usr/bin/env bash
# The GMRES pass: binhai's one-pass M·X and Mᵀ·W (TwoSidedProduct) against the same two products as
# BLAS dgemm calls, in binhai's process (Debian's OpenBLAS) and in numpy (its own OpenBLAS), on the
# same sizes, in the same run. Ratios are one-pass / peer.
#
#   bash Benchmarks/io/pass/run.sh [N KF KT RUNS]   (default 7987 2 7 10: the standard solves of the
#                                                     IO benchmark's table: [1, x] and [1, Sᵀ])
# Needs Benchmarks/.venv (created by Benchmarks/io/run.sh). Writes Benchmarks/out/pass/results.json.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OUT="$ROOT/Benchmarks/out/pass"
N="${1:-7987}" KF="${2:-2}" KT="${3:-7}" RUNS="${4:-10}"
PY="$ROOT/Benchmarks/.venv/bin/python"
[ -x "$PY" ] || { echo "pass/run.sh: no $PY; run Benchmarks/io/run.sh once to create it" >&2; exit 2; }
mkdir -p "$OUT"
swift build -c release --package-path "$HERE" --scratch-path "$OUT/.build" >"$OUT/build.log" 2>&1 \
  || { cat "$OUT/build.log" >&2; echo "pass/run.sh: build failed" >&2; exit 1; }
BIN="$OUT/.build/release/pass-bench"
# Interleaved, three rounds each; numpy without this machine's OPENBLAS_* overrides (see Benchmarks/README.md).
: >"$OUT/swift.jsonl"; : >"$OUT/numpy.jsonl"
for round in 1 2 3; do
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$BIN" "$N" "$KF" "$KT" "$RUNS" | tee -a "$OUT/swift.jsonl"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" "$HERE/run_numpy.py" "$N" "$KF" "$KT" "$RUNS" | tee -a "$OUT/numpy.jsonl"
done
"$PY" - "$OUT" <<'PYEOF'
import json, sys, os
out = sys.argv[1]
sw = [json.loads(l) for l in open(os.path.join(out, "swift.jsonl"))]
npy = [json.loads(l) for l in open(os.path.join(out, "numpy.jsonl"))]
one = min(r["one_pass_s"] for r in sw)
gemm = min(r["two_dgemm_s"] for r in sw)
nump = min(r["two_dgemm_s"] for r in npy)
gemv = min(r["one_dgemv_s"] for r in npy)
res = {"n": sw[0]["n"], "kf": sw[0]["kf"], "kt": sw[0]["kt"], "kernel": sw[0]["kernel"],
       "one_pass_s": one, "binhai_two_dgemm_s": gemm, "numpy_two_dgemm_s": nump, "numpy_one_dgemv_s": gemv,
       "one_pass_over_binhai_dgemm": one / gemm, "one_pass_over_numpy_dgemm": one / nump,
       "one_pass_over_one_dgemv": one / gemv, "max_rel_diff": max(r["max_rel_diff"] for r in sw)}
json.dump(res, open(os.path.join(out, "results.json"), "w"), indent=1)
print(f"one pass ({res['kernel']}) {one*1e3:.1f} ms; two dgemm in binhai's BLAS {gemm*1e3:.1f} ms "
      f"(ratio {one/gemm:.2f}); two dgemm in numpy {nump*1e3:.1f} ms (ratio {one/nump:.2f}); "
      f"one dgemv (memory floor of a pass) {gemv*1e3:.1f} ms (ratio {one/gemv:.2f}); "
      f"results agree to {res['max_rel_diff']:.1e}")
PYEOF

#!/usr/bin/env python3
"""The bare-LU reference of the IO benchmark: scipy's lu_factor of I - A.

Usage: run_lu.py DIR OUT.json [--runs K]

Reads DIR/Z.csv and DIR/x.csv (not timed), forms I - A with A = Z x^-1 as a
Fortran-ordered float64 array, and times scipy.linalg.lu_factor(M,
overwrite_a=True, check_finite=False) - LAPACK dgetrf through numpy's own
OpenBLAS, nothing else - K times (default 3), on a fresh copy each time. Writes
{"n", "lu_seconds": [..], "best": s, "blas": threadpoolctl's view} to OUT.json.

This is the floor the issue sets for `binhai io analyze` end to end (reading
the CSVs, the LU, the solves, the condition estimate and the JSON): binhai's
whole run is compared with the best of these factorisations, same matrix, same
run of run.sh.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
import scipy
import scipy.linalg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("out")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    d = a.dir.rstrip("/")
    Z = pd.read_csv(f"{d}/Z.csv", index_col=0, dtype={"code": str}).to_numpy()
    x = pd.read_csv(f"{d}/x.csv", index_col=0, dtype={"code": str}).iloc[:, 0].to_numpy()
    n = Z.shape[0]
    m = np.asfortranarray(-Z / x[np.newaxis, :])
    del Z
    m[np.diag_indices(n)] += 1.0
    times = []
    for _ in range(max(1, a.runs)):
        work = m.copy(order="F")
        t0 = time.perf_counter()
        lu, piv = scipy.linalg.lu_factor(work, overwrite_a=True, check_finite=False)
        times.append(time.perf_counter() - t0)
        del lu, piv, work
    try:
        from threadpoolctl import threadpool_info
        blas = [{k: v for k, v in i.items()
                 if k in ("internal_api", "version", "architecture", "num_threads", "filepath")}
                for i in threadpool_info() if i.get("user_api") == "blas"]
    except Exception as e:  # threadpoolctl missing: say so
        blas = [{"error": repr(e)}]
    res = {"tool": f"scipy {scipy.__version__} lu_factor, numpy {np.__version__}",
           "n": n, "lu_seconds": times, "best": min(times), "blas": blas}
    with open(a.out, "w") as fh:
        json.dump(res, fh)
    print("scipy lu_factor: " + ", ".join(f"{t:.2f} s" for t in times), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

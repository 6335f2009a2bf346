#!/usr/bin/env python3
"""numpy's side of the GMRES-pass benchmark: best time of M @ X plus M.T @ W (its bundled
OpenBLAS), the two products one GMRES step needs, on a random n x n M as pass-bench makes
(scale only: the values do not change BLAS timings). Also M @ x for one vector (a dgemv), the
memory-bound floor of one pass over M.

Usage: run_numpy.py N KF KT RUNS  -> one JSON line
"""
import json
import sys
import time

import numpy as np

n, kf, kt, runs = (int(a) for a in sys.argv[1:5])
rng = np.random.default_rng(1)
m = np.asfortranarray(rng.random((n, n)) / n)
x = np.asfortranarray(rng.random((n, kf)))
w = np.asfortranarray(rng.random((n, kt)))
v = rng.random(n)


def best(f):
    t = float("inf")
    for _ in range(runs):
        s = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - s)
    return t


two = best(lambda: (m @ x, m.T @ w))
gemv = best(lambda: m @ v)
print(json.dumps({"n": n, "kf": kf, "kt": kt, "runs": runs, "two_dgemm_s": two, "one_dgemv_s": gemv,
                  "numpy": np.__version__}))

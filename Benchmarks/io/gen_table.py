#!/usr/bin/env python3
"""Generate a random *productive* input-output table in the NBS CSV layout.

Usage: gen_table.py N OUTDIR [--seed S]

Writes into OUTDIR (the layout of ../shared/data/china-io/2020-42, see the
BinhaiSim README "IO folder format"):

  Z.csv        code,<codes...>; one row per supplying sector, n x n flows
  Y.csv        code,TC,FU201,FU202,EX  (FU202, change in inventories, may be negative)
  F.csv        code,<codes...>; rows VA001..VA004 and EMPLOYMENT
  x.csv        code,x  with x_i = sum_j Z_ij + sum_k Y_ik computed from the values
               exactly as written (the CSV round-trips float64 via repr), so the
               table balances by rows; columns balance too (Z column sum + VA = x)
               up to rounding.
  sectors.csv  code,name_en,name_zh

How the table is made (all in float64, numpy):
  * A (technical coefficients) is sparse-ish: each off-diagonal entry is
    non-zero with a probability that decays with distance from the diagonal
    (block-like structure as in real tables; ~60% non-zero overall, the NBS
    153-sector tables have 72%), the diagonal is always non-zero; magnitudes
    are log-normal.
  * Every column of A is rescaled to a column sum drawn uniformly from
    [0.3, 0.8]. Since every column sum is < 1 and A >= 0, the spectral radius of
    A is at most 0.8: the table is productive and L = (I - A)^-1 >= 0.
  * Final demand y > 0 (log-normal), x = L y (one LU solve), Z = A diag(x).
    y is split into TC, FU201, FU202, EX with random shares; FU202 is a small,
    sometimes negative, share, as in the NBS tables.
  * Value added per column (x_j - sum_i Z_ij > 0) is split into VA001..VA004
    (VA002, net taxes, is occasionally negative). EMPLOYMENT is persons per
    unit of output times x.

Generation time is not part of any benchmark.
"""
import argparse
import csv
import os
import sys
import time

import numpy as np


def fmt_rows(codes, mat, fh):
    """Write rows 'code,v1,v2,...' with repr (shortest exact round-trip)."""
    rep = float.__repr__
    for code, row in zip(codes, mat):
        fh.write(code)
        fh.write(",")
        fh.write(",".join(map(rep, row.tolist())))
        fh.write("\n")


def generate(n, seed):
    rng = np.random.default_rng(seed)
    return complete(coefficients(n, rng), rng)


def coefficients(n, rng):
    """The random technical coefficients A (n x n, column sums in [0.3, 0.8])."""
    # --- sparsity pattern: dense near the diagonal, sparser far away ----------
    i = np.arange(n)
    dist = np.abs(i[:, None] - i[None, :]) / max(n, 1)          # 0..1
    p = 0.5 + 0.45 * np.exp(-dist / 0.1)                        # 0.95 near diag
    mask = rng.random((n, n)) < p
    np.fill_diagonal(mask, True)
    # some "service" sectors supply almost everyone (dense rows)
    dense_rows = rng.choice(n, size=max(1, n // 50), replace=False)
    mask[dense_rows, :] |= rng.random((len(dense_rows), n)) < 0.95
    del dist, p
    A = rng.lognormal(mean=0.0, sigma=1.5, size=(n, n))
    A *= mask
    del mask
    A[np.diag_indices(n)] *= 3.0                                # own-sector inputs
    colsum = A.sum(axis=0)
    target = rng.uniform(0.3, 0.8, size=n)
    A *= (target / colsum)[None, :]
    return A


def complete(A, rng):
    """Z, Y, F of a balanced table with coefficients A (A >= 0, column sums < 1)."""
    n = A.shape[0]
    # --- final demand and gross output ----------------------------------------
    y = rng.lognormal(mean=np.log(2e6), sigma=1.2, size=n)      # 10,000 CNY
    IminusA = -A
    IminusA[np.diag_indices(n)] += 1.0
    x = np.linalg.solve(IminusA, y)
    del IminusA
    if not np.all(x > 0):
        raise RuntimeError("generated gross output not positive")
    Z = A * x[None, :]
    del A
    # split y into TC, FU201, FU202, EX
    shares = rng.dirichlet([6.0, 4.0, 2.0], size=n)             # TC, FU201, EX
    inv = rng.normal(0.0, 0.02, size=n)                         # FU202 share
    tc = y * shares[:, 0] * (1 - inv)
    fu201 = y * shares[:, 1] * (1 - inv)
    ex = y * shares[:, 2] * (1 - inv)
    fu202 = y * inv
    # zero out a few categories (e.g. no exports, no capital formation)
    # (moved to TC so that the row total stays y)
    for col, prob in ((ex, 0.05), (fu201, 0.10)):
        z = rng.random(n) < prob
        tc[z] += col[z]
        col[z] = 0.0
    Y = np.column_stack([tc, fu201, fu202, ex])
    # --- factor inputs ----------------------------------------------------------
    va = x - Z.sum(axis=0)
    if not np.all(va > 0):
        raise RuntimeError("generated value added not positive")
    vs = rng.dirichlet([5.0, 1.5, 1.5, 3.0], size=n)            # VA001..VA004
    neg_tax = rng.random(n) < 0.03                              # subsidised sectors
    vs[neg_tax, 1] *= -0.5
    vs /= vs.sum(axis=1, keepdims=True)
    VA = (va[:, None] * vs).T                                   # 4 x n
    emp = x * rng.lognormal(mean=np.log(2e-3), sigma=0.6, size=n)  # persons
    F = np.vstack([VA, emp[None, :]])
    return Z, Y, F


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    n = args.n
    if n < 2:
        ap.error("n must be at least 2")
    t0 = time.time()
    Z, Y, F = generate(n, args.seed)
    write_folder(args.outdir, Z, Y, F)
    print(f"gen_table: n={n} seed={args.seed} -> {args.outdir} "
          f"({time.time() - t0:.1f} s)", file=sys.stderr)


def write_folder(outdir, Z, Y, F):
    """The five CSV files of a table, each written to a temporary name and renamed."""
    n = Z.shape[0]
    width = max(4, len(str(n)))
    codes = [f"S{k + 1:0{width}d}" for k in range(n)]
    os.makedirs(outdir, exist_ok=True)
    tmp = lambda name: os.path.join(outdir, name + ".tmp")
    with open(tmp("Z.csv"), "w", buffering=1 << 22) as fh:
        fh.write("code," + ",".join(codes) + "\n")
        fmt_rows(codes, Z, fh)
    with open(tmp("Y.csv"), "w", buffering=1 << 22) as fh:
        fh.write("code,TC,FU201,FU202,EX\n")
        fmt_rows(codes, Y, fh)
    with open(tmp("F.csv"), "w", buffering=1 << 22) as fh:
        fh.write("code," + ",".join(codes) + "\n")
        fmt_rows(["VA001", "VA002", "VA003", "VA004", "EMPLOYMENT"], F, fh)
    # x from the values exactly as written (repr round-trips float64 exactly)
    x = Z.sum(axis=1) + Y.sum(axis=1)
    with open(tmp("x.csv"), "w") as fh:
        fh.write("code,x\n")
        fmt_rows(codes, x[:, None], fh)
    with open(tmp("sectors.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name_en", "name_zh"])
        for k, c in enumerate(codes):
            en = f"Synthetic sector {k + 1}" + (", services" if k % 7 == 3 else "")
            w.writerow([c, en, f"合成部门{k + 1}"])
    for name in ("Z.csv", "Y.csv", "F.csv", "x.csv", "sectors.csv"):
        os.replace(tmp(name), os.path.join(outdir, name))


if __name__ == "__main__":
    main()

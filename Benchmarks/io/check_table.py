#!/usr/bin/env python3
"""Check an IO folder made by gen_table.py (or any NBS-layout folder).

Usage: check_table.py DIR [--eig]

Reads the CSVs back (pandas) and checks:
  * labels agree between Z, Y, F, x and sectors.csv;
  * row balance: Z row sum + Y row sum = x (relative 1e-12);
  * column balance: Z column sum + VA001..VA004 = x (relative 1e-9);
  * A = Z x^-1 >= 0 with column sums < 1 (so spectral radius < 1);
  * with --eig, the spectral radius of A computed by numpy (O(n^3));
  * L = (I - A)^-1 has no negative entries (via one solve of 1^T L).
Exits non-zero on any failure.
"""
import sys

import numpy as np
import pandas as pd


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    d = sys.argv[1].rstrip("/")
    Z = pd.read_csv(f"{d}/Z.csv", index_col=0, dtype={"code": str})
    Y = pd.read_csv(f"{d}/Y.csv", index_col=0, dtype={"code": str})
    F = pd.read_csv(f"{d}/F.csv", index_col=0)
    x = pd.read_csv(f"{d}/x.csv", index_col=0, dtype={"code": str})["x"]
    s = pd.read_csv(f"{d}/sectors.csv", dtype=str)
    ok = True

    def check(cond, msg):
        nonlocal ok
        print(("ok   " if cond else "FAIL ") + msg)
        ok = ok and bool(cond)

    n = Z.shape[0]
    codes = list(Z.index)
    check(list(Z.columns) == codes, f"Z is square and labelled ({n} sectors)")
    check(list(Y.index) == codes and list(Y.columns) == ["TC", "FU201", "FU202", "EX"],
          "Y rows = Z rows; columns TC,FU201,FU202,EX")
    check(list(F.columns) == codes, "F columns = Z columns")
    check(list(x.index) == codes and list(s["code"]) == codes, "x and sectors.csv codes")
    Zv, Yv, xv = Z.to_numpy(), Y.to_numpy(), x.to_numpy()
    check(np.all(np.isfinite(Zv)) and np.all(Zv >= 0), "Z finite and non-negative")
    check(np.all(xv > 0), "x > 0")
    row = Zv.sum(axis=1) + Yv.sum(axis=1)
    check(np.max(np.abs(row - xv) / xv) < 1e-12,
          f"row balance, max rel err {np.max(np.abs(row - xv) / xv):.2e}")
    va = F.loc[["VA001", "VA002", "VA003", "VA004"]].to_numpy().sum(axis=0)
    col = Zv.sum(axis=0) + va
    check(np.max(np.abs(col - xv) / xv) < 1e-9,
          f"column balance, max rel err {np.max(np.abs(col - xv) / xv):.2e}")
    A = Zv / xv[None, :]
    cs = A.sum(axis=0)
    check(cs.max() < 1, f"A column sums in [{cs.min():.3f}, {cs.max():.3f}] (< 1 => productive)")
    print(f"     density of Z: {np.count_nonzero(Zv) / Zv.size:.3f}; "
          f"Y negative FU202: {(Yv[:, 2] < 0).sum()}; zero EX: {(Yv[:, 3] == 0).sum()}")
    IA = np.eye(n) - A
    m = np.linalg.solve(IA.T, np.ones(n))          # column sums of L
    check(np.all(m >= 1), f"output multipliers in [{m.min():.3f}, {m.max():.3f}] (>= 1)")
    if "--eig" in sys.argv:
        rho = np.max(np.abs(np.linalg.eigvals(A)))
        check(rho < 1, f"spectral radius of A = {rho:.4f}")
        L = np.linalg.inv(IA)
        check(L.min() >= 0, f"min entry of L = {L.min():.3e}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

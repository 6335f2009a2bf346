#!/usr/bin/env python3
"""Generate a multi-regional table in the NBS CSV layout from a real table's coefficients.

Usage: gen_mrio.py BASE_FOLDER REGIONS OUTDIR [--imports SHARE] [--seed S]

EXIOBASE-like structure, for checking how many GMRES steps a structured table needs
(the random tables of gen_table.py have a spectrum clustered near 1, a real MRIO less so):
  * BASE_FOLDER is an IO folder (Z.csv, x.csv), e.g. the package's embedded
    Sources/Datasets/Resources/nbs-2020-153; A0 = Z·x̂⁻¹ are its coefficients.
  * REGIONS copies of A0 on the diagonal blocks, times (1 - SHARE) (default 0.2), and
    off-diagonal blocks A0 · SHARE / (REGIONS - 1) · u (u uniform [0, 2) per block): each
    region buys a share of its inputs from the others.
  * Every entry is multiplied by log-normal noise (sigma 0.3, mean 1), so the regions differ.
  * Columns whose sum exceeds 0.95 are scaled down to 0.95 (so A >= 0 with column sums < 1:
    productive, value added positive); the spectral radius is then near the largest sums.
  * Final demand, gross output, Y and F as gen_table.py makes them (complete()).
n = REGIONS × (sectors of the base table); 49 regions of 153 sectors give 7,497.
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_table import complete, write_folder  # noqa: E402


def base_coefficients(folder):
    import pandas as pd
    z = pd.read_csv(os.path.join(folder, "Z.csv"), index_col=0).to_numpy(dtype=float)
    x = pd.read_csv(os.path.join(folder, "x.csv"), index_col=0).to_numpy(dtype=float)[:, 0]
    return z / np.where(x > 0, x, 1.0)[None, :]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("regions", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--imports", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    if a.regions < 2 or not 0 < a.imports < 1:
        ap.error("need at least 2 regions and 0 < --imports < 1")
    t0 = time.time()
    rng = np.random.default_rng(a.seed)
    a0 = base_coefficients(a.base)
    k, r = a0.shape[0], a.regions
    n = k * r
    A = np.empty((n, n))
    sigma = 0.3
    for i in range(r):
        for j in range(r):
            share = (1 - a.imports) if i == j else a.imports / (r - 1) * 2 * rng.random()
            noise = rng.lognormal(-sigma * sigma / 2, sigma, size=a0.shape)
            A[i * k:(i + 1) * k, j * k:(j + 1) * k] = a0 * share * noise
    colsum = A.sum(axis=0)
    A *= np.minimum(1.0, 0.95 / np.where(colsum > 0, colsum, 1.0))[None, :]
    Z, Y, F = complete(A, rng)
    write_folder(a.outdir, Z, Y, F)
    print(f"gen_mrio: {r} regions x {k} sectors = {n} -> {a.outdir} ({time.time() - t0:.1f} s)",
          file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The pymrio side of the IO benchmark.

Usage: run_pymrio.py DIR OUT.json

Reads DIR/{Z,Y,F,x}.csv with pandas (default parser settings, as a pymrio user
would), builds pymrio.IOSystem(Z, Y, x) with one extension "factor_inputs"
holding F (VA001..VA004, EMPLOYMENT...), runs calc_all(include_ghosh=True) and
derives from pymrio's L, G and M:

  output_multipliers  column sums of L
  backward_linkage    BL_j = sum_i L_ij / ((1/n) sum_ij L_ij)
  forward_linkage     FL_i = sum_j G_ij / ((1/n) sum_ij G_ij)
  multipliers         M = S L (pymrio's factor_inputs.M), one list per F row

and writes them to OUT.json with the same keys as `binhai io analyze --format
json` (sectors, x, output_multipliers, multipliers, backward_linkage,
forward_linkage), plus "timing_s" (phases measured inside the process) and
"blas" (threadpoolctl's view of the BLAS numpy actually loaded).

pymrio 0.7's calc_all(include_ghosh=True) = calc_system + calc_extensions:
A = Z x^-1, L = inv(I - A), B = x^-1 Z, G = inv(I - B) (a second full
inversion), then for the extension S, M = S L, M_down = S (G^T - I) and the
D_cba/D_pba/... accounts. All of that is pymrio's normal work and is timed.
"""
import time

T_START = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pymrio  # noqa: E402

T_IMPORTED = time.perf_counter()


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    d, out = sys.argv[1].rstrip("/"), sys.argv[2]
    t0 = time.perf_counter()
    Z = pd.read_csv(f"{d}/Z.csv", index_col=0, dtype={"code": str})
    Y = pd.read_csv(f"{d}/Y.csv", index_col=0, dtype={"code": str})
    F = pd.read_csv(f"{d}/F.csv", index_col=0)
    xs = pd.read_csv(f"{d}/x.csv", index_col=0, dtype={"code": str})
    t_read = time.perf_counter()

    codes = [str(c) for c in Z.index]
    if [str(c) for c in Z.columns] != codes:
        raise SystemExit("Z row and column labels differ")
    sec = pd.MultiIndex.from_product([["CN"], codes], names=["region", "sector"])
    Z.index = sec
    Z.columns = sec
    Y.index = sec
    Y.columns = pd.MultiIndex.from_product([["CN"], list(Y.columns)],
                                           names=["region", "category"])
    F.columns = sec
    F.index.name = "stressor"
    x = pd.DataFrame(xs.iloc[:, 0].to_numpy(), index=sec, columns=["indout"])

    io = pymrio.IOSystem(Z=Z, Y=Y, x=x, name="benchmark",
                         factor_inputs={"name": "factor_inputs", "F": F})
    io.calc_all(include_ghosh=True)
    t_calc = time.perf_counter()

    n = len(codes)
    L = io.L.to_numpy()
    G = io.G.to_numpy()
    om = L.sum(axis=0)
    bl = om / (L.sum() / n)
    gr = G.sum(axis=1)
    fl = gr / (G.sum() / n)
    M = io.factor_inputs.M
    t_derived = time.perf_counter()

    try:
        from threadpoolctl import threadpool_info
        blas = [{k: v for k, v in i.items()
                 if k in ("internal_api", "version", "architecture", "num_threads",
                          "threading_layer", "filepath")}
                for i in threadpool_info() if i.get("user_api") == "blas"]
    except Exception as e:  # threadpoolctl missing: say so
        blas = [{"error": repr(e)}]

    res = {
        "tool": f"pymrio {pymrio.__version__}, numpy {np.__version__}, pandas {pd.__version__}",
        "sectors": codes,
        "x": io.x.iloc[:, 0].to_numpy().tolist(),
        "output_multipliers": om.tolist(),
        "multipliers": {str(r): M.loc[r].to_numpy().tolist() for r in M.index},
        "backward_linkage": bl.tolist(),
        "forward_linkage": fl.tolist(),
        "timing_s": {
            "imports": T_IMPORTED - T_START,
            "read_csv": t_read - t0,
            "calc_all": t_calc - t_read,
            "derive": t_derived - t_calc,
            "read_and_compute": t_derived - t0,
        },
        "blas": blas,
    }
    with open(out, "w") as fh:
        json.dump(res, fh)
    res["timing_s"]["total_in_process"] = time.perf_counter() - T_START
    with open(out, "w") as fh:
        json.dump(res, fh)
    print("pymrio: " + ", ".join(f"{k} {v:.2f} s" for k, v in res["timing_s"].items()),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

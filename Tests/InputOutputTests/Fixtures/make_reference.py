#!/usr/bin/env python3
"""Regenerate the reference values used by BinhaiSim's InputOutput tests.

Reads only files inside the package:
  Sources/Datasets/Resources/nbs-2020-42/{Z,Y,F,x,sectors}.csv   (embedded NBS 2020, 42 sectors)
  Tests/InputOutputTests/Fixtures/closed-model/{Z,Y,F}.csv        (small households-endogenous example)
  Tests/InputOutputTests/Fixtures/nbs-demand-change.csv           (two demand-change scenarios)
and writes
  Tests/InputOutputTests/Fixtures/nbs-2020-42-reference.json
  Tests/InputOutputTests/Fixtures/closed-model-reference.json

Everything is computed independently of the Swift code, by the textbook definitions with
explicit inverses (numpy.linalg.inv), and cross-checked with pymrio where pymrio has the
quantity (A, L, output multipliers, extension multipliers M = S L, Ghosh inverse G):
  * Type II: the full (n+1)x(n+1) augmented matrix [[A, hc], [hr, 0]] is inverted, with
    hr_j = F[VA001, j] / x_j and hc_i = Y[i, TC] / sum_j F[VA001, j] (Miller & Blair closed model);
  * hypothetical extraction by brute force: for each sector j, re-solve with column j of A zeroed
    (backward, y fixed) and with row j of B = x^-1 Z zeroed (forward, Ghosh, v' = x'(I - B) fixed).

Usage (from the package root):  /tmp/pyvenv/bin/python Tests/InputOutputTests/Fixtures/make_reference.py
Needs numpy and pandas; pymrio is optional (the cross-check is skipped, and recorded as skipped,
without it).
"""
import json
import os
import sys
import datetime

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
NBS = os.path.join(ROOT, "Sources", "Datasets", "Resources", "nbs-2020-42")


def read(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return None
    return pd.read_csv(path, index_col=0, dtype={"code": str}, encoding="utf-8-sig")


def core(Z, Y, F, x):
    n = Z.shape[0]
    xinv = np.where(x > 0, 1 / np.where(x > 0, x, 1), 0)
    A = Z * xinv[None, :]
    L = np.linalg.inv(np.eye(n) - A)
    B = Z * xinv[:, None]
    G = np.linalg.inv(np.eye(n) - B)
    S = F * xinv[None, :]
    m = L.sum(axis=0)
    M = S @ L
    bl = L.sum(axis=0) / (L.sum() / n)
    fl = G.sum(axis=1) / (G.sum() / n)
    key = ["key" if b > 1 and f > 1 else "backward" if b > 1 else "forward" if f > 1 else "weak"
           for b, f in zip(bl, fl)]
    return dict(A=A, L=L, B=B, G=G, S=S, m=m, M=M, bl=bl, fl=fl, key=key)


def type_two(A, S, Y, F, x, h, c):
    """Closed model by explicit inversion of the augmented (n+1) matrix."""
    n = A.shape[0]
    W = F[h].sum()
    hr = F[h] / x
    hc = Y[:, c] / W
    Abar = np.zeros((n + 1, n + 1))
    Abar[:n, :n] = A
    Abar[:n, n] = hc
    Abar[n, :n] = hr
    Lbar = np.linalg.inv(np.eye(n + 1) - Abar)
    m2 = Lbar[:n, :n].sum(axis=0)
    Sbar = np.hstack([S, np.zeros((S.shape[0], 1))])
    M2 = (Sbar @ Lbar)[:, :n]
    rho = max(abs(np.linalg.eigvals(Abar)))
    return dict(income=W, hr=hr, hc=hc, m2=m2, M2=M2, income_multipliers=Lbar[n, :n],
                Lbar=Lbar, spectral_radius_closed=rho)


def extraction(A, Z, x, Y):
    n = A.shape[0]
    y = Y.sum(axis=1)
    T = x.sum()
    B = Z / x[:, None]
    v = x - B.T @ x  # v' = x'(I - B)
    back, fwd = [], []
    for j in range(n):
        Ab = A.copy(); Ab[:, j] = 0
        back.append(T - np.linalg.solve(np.eye(n) - Ab, y).sum())
        Bb = B.copy(); Bb[j, :] = 0
        fwd.append(T - np.linalg.solve((np.eye(n) - Bb).T, v).sum())
    return np.array(back), np.array(fwd)


def pymrio_check(Z, Y, F, x, codes, ycodes, flabels, ref):
    try:
        import pymrio
    except ImportError:
        return {"skipped": "pymrio not installed"}
    idx = pd.MultiIndex.from_product([["CN"], codes], names=["region", "sector"])
    ycols = pd.MultiIndex.from_product([["CN"], ycodes], names=["region", "category"])
    io = pymrio.IOSystem(Z=pd.DataFrame(Z, index=idx, columns=idx),
                         Y=pd.DataFrame(Y, index=idx, columns=ycols),
                         unit=pd.DataFrame({"unit": ["1e4 CNY"] * len(codes)}, index=idx))
    io.factor_inputs = pymrio.Extension(
        name="factor_inputs", F=pd.DataFrame(F, index=flabels, columns=idx),
        unit=pd.DataFrame({"unit": ["1e4 CNY"] * len(flabels)}, index=flabels))
    io.calc_all(include_ghosh=True)
    def rel(a, b):
        return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300)))
    diffs = {
        "x": rel(io.x.values[:, 0], x),
        "A": float(np.max(np.abs(io.A.values - ref["A"]))),
        "L": float(np.max(np.abs(io.L.values - ref["L"]))),
        "output_multipliers": rel(io.L.values.sum(axis=0), ref["m"]),
        "extension_multipliers_M": rel(io.factor_inputs.M.values, ref["M"]),
        "ghosh_row_sums": rel(io.G.values.sum(axis=1), ref["G"].sum(axis=1)),
    }
    worst = max(diffs.values())
    assert worst < 1e-12, diffs
    return {"pymrio_version": pymrio.__version__, "max_difference_vs_numpy": diffs}


def nbs_reference():
    Zd, Yd, Fd, xd, sec = (read(NBS, f) for f in ["Z.csv", "Y.csv", "F.csv", "x.csv", "sectors.csv"])
    codes = list(Zd.index)
    Z, Y, F, x = Zd.values, Yd.values, Fd.values, xd["x"].values
    flabels = list(Fd.index)
    n = len(codes)
    ref = core(Z, Y, F, x)
    rows = {lab: i for i, lab in enumerate(flabels)}
    va_rows = ["VA001", "VA002", "VA003", "VA004"]
    Fva = F[[rows[r] for r in va_rows]].sum(axis=0)
    va_multiplier = (Fva / x) @ ref["L"]
    t2 = type_two(ref["A"], ref["S"], Y, dict(zip(flabels, F)), x, "VA001", list(Yd.columns).index("TC"))
    back, fwd = extraction(ref["A"], Z, x, Y)
    # Closed forms, recorded for information (the tests check the Swift closed forms
    # against the brute-force values above).
    Ldiag = np.diag(ref["L"])
    g = ref["G"].sum(axis=1)
    closed_back = x * (ref["m"] - 1) / Ldiag
    closed_fwd = x * (g - 1) / Ldiag
    dc = read(HERE, "nbs-demand-change.csv")
    dY = np.zeros((n, dc.shape[1]))
    for code, row in dc.iterrows():
        dY[codes.index(code)] = row.values
    dX = ref["L"] @ dY
    balance = np.max(np.abs(Z.sum(1) + Y.sum(1) - x) / x)
    out = {
        "provenance": {
            "generated_by": "Tests/InputOutputTests/Fixtures/make_reference.py",
            "generated_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "inputs": "Sources/Datasets/Resources/nbs-2020-42 (NBS 2020 IO table, 42 sectors, "
                      "non-competitive imports, 1e4 CNY, via R package ionet) and "
                      "Tests/InputOutputTests/Fixtures/nbs-demand-change.csv",
            "method": "numpy explicit inverses: L = inv(I - A), G = inv(I - B); Type II from the inverse "
                      "of the augmented (n+1) matrix; extraction by re-solving per sector",
            "numpy_version": np.__version__,
            "python_version": sys.version.split()[0],
            "pymrio_cross_check": pymrio_check(Z, Y, F, x, codes, list(Yd.columns), flabels, ref),
        },
        "sectors": codes,
        "factor_rows": flabels,
        "max_relative_balance_residual": float(balance),
        "total_value_added": float(Fva.sum()),
        "output_multipliers": ref["m"].tolist(),
        "multipliers": {lab: ref["M"][i].tolist() for i, lab in enumerate(flabels)},
        "value_added_multipliers": va_multiplier.tolist(),
        "value_added_shares": (Fva / x).tolist(),
        "backward_linkage": ref["bl"].tolist(),
        "forward_linkage": ref["fl"].tolist(),
        "key_sectors": ref["key"],
        "leontief_inverse_diagonal": Ldiag.tolist(),
        "leontief_inverse_row_03": ref["L"][2].tolist(),
        "ghosh_inverse_row_03": ref["G"][2].tolist(),
        "type_ii": {
            "income_row": "VA001",
            "consumption_column": "TC",
            "convention": "hr_j = F[VA001,j]/x_j; hc_i = Y[i,TC]/sum_j F[VA001,j]; "
                          "Lbar = inv(I - [[A, hc],[hr, 0]]); Type II = column sums of Lbar[:n,:n]",
            "household_income": float(t2["income"]),
            "output_multipliers": t2["m2"].tolist(),
            "multipliers": {lab: t2["M2"][i].tolist() for i, lab in enumerate(flabels)},
            "household_income_multipliers": t2["income_multipliers"].tolist(),
            "spectral_radius_closed": float(t2["spectral_radius_closed"]),
        },
        "extraction_brute_force": {"backward_loss": back.tolist(), "forward_loss": fwd.tolist(),
                                   "total_output": float(x.sum())},
        "extraction_closed_form_numpy": {"backward_loss": closed_back.tolist(),
                                         "forward_loss": closed_fwd.tolist()},
        "demand_change": {"scenarios": list(dc.columns), "output_change": dX.tolist(),
                          "total_output_change": dX.sum(axis=0).tolist()},
        "spectral_radius_A": float(max(abs(np.linalg.eigvals(ref["A"])))),
    }
    # Sanity: closed forms agree with brute force.
    assert np.max(np.abs(closed_back - back) / np.abs(back)) < 1e-9
    assert np.max(np.abs(closed_fwd - fwd) / np.abs(fwd)) < 1e-9
    return out


def closed_model_reference():
    folder = os.path.join(HERE, "closed-model")
    Zd, Yd, Fd = (read(folder, f) for f in ["Z.csv", "Y.csv", "F.csv"])
    Z, Y, F = Zd.values.astype(float), Yd.values.astype(float), Fd.values.astype(float)
    x = Z.sum(1) + Y.sum(1)
    ref = core(Z, Y, F, x)
    flabels = list(Fd.index)
    t2 = type_two(ref["A"], ref["S"], Y, dict(zip(flabels, F)), x, "W", list(Yd.columns).index("TC"))
    return {
        "provenance": {
            "generated_by": "Tests/InputOutputTests/Fixtures/make_reference.py",
            "inputs": "Tests/InputOutputTests/Fixtures/closed-model",
            "method": "numpy: explicit inverse of the augmented 3x3 matrix I - [[A, hc], [hr, 0]]",
            "numpy_version": np.__version__,
        },
        "convention": "household row W (F.csv), household column TC (Y.csv); hr_j = W_j / x_j; "
                      "hc_i = TC_i / sum_j W_j; Type II output multipliers = column sums of the "
                      "first n rows of Lbar over the first n columns",
        "x": x.tolist(),
        "hr": t2["hr"].tolist(),
        "hc": t2["hc"].tolist(),
        "augmented_leontief_inverse": t2["Lbar"].tolist(),
        "type_i_output_multipliers": ref["m"].tolist(),
        "type_ii_output_multipliers": t2["m2"].tolist(),
        "type_ii_multipliers": {lab: t2["M2"][i].tolist() for i, lab in enumerate(flabels)},
        "household_income_multipliers": t2["income_multipliers"].tolist(),
    }


def main():
    nbs = nbs_reference()
    with open(os.path.join(HERE, "nbs-2020-42-reference.json"), "w", encoding="utf-8") as f:
        json.dump(nbs, f, indent=1, ensure_ascii=False)
        f.write("\n")
    cm = closed_model_reference()
    with open(os.path.join(HERE, "closed-model-reference.json"), "w", encoding="utf-8") as f:
        json.dump(cm, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("total value added:", nbs["total_value_added"])
    print("pymrio:", nbs["provenance"]["pymrio_cross_check"])
    print("closed model Type II:", cm["type_ii_output_multipliers"])


if __name__ == "__main__":
    main()

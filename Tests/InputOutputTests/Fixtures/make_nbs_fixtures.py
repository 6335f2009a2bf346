#!/usr/bin/env python3
"""Reference values for every embedded NBS input-output table, computed with numpy.

Written with numpy 2.4.6 on Python 3.11.7 (the versions a run actually used are recorded in the
output's `provenance`). Needs only numpy and the standard library.

Reads only files inside the package:
  Sources/Datasets/Resources/nbs-{2017-42,2018-42,2020-42,2017-149,2018-153,2020-153}/
      Z.csv, Y.csv, F.csv, x.csv, sectors.csv
and writes
  Tests/InputOutputTests/Fixtures/nbs_fixtures.json

For each table, by the textbook definitions with an explicit inverse (independent of the Swift
code, which uses one LU factorisation and transposed solves):
  A  = Z · diag(x)^-1                        technical coefficients
  L  = (I - A)^-1                            Leontief inverse (numpy.linalg.inv)
  m_j = sum_i L_ij                           output multipliers
  BL_j = m_j / ((1/n) sum_ij L_ij)           Rasmussen backward linkage
for the first 5 sectors and 3 chosen sectors (42-sector: 18 交通运输设备, 20 通信电子, 31 信息软件;
149/153-sector: 精炼石油和核燃料加工品, 汽车整车, 软件服务, found by name because the 2017 codes
differ), plus
  total value added = sum of the F rows VA001..VA004 (万元 and trillion CNY),
  max over sectors of |Z·1 + Y·1 - x|_i / x_i (numpy sums, as `binhai io analyze` reports it,
  and exact math.fsum sums).
The 149/153-sector tables are competitive-import tables (Z includes imported inputs), so their
multipliers are not domestic multipliers and are larger than the 42-sector ones.

Optional cross-check: if a `binhai` binary is found (env BINHAI, else /tmp/binhai-current, else
.build/release/binhai), `binhai io analyze <folder> --format json` is run on each folder and the
largest absolute differences of `output_multipliers` and `backward_linkage` over ALL sectors are
recorded (skipped, and recorded as skipped, without a binary).

Usage (from the package root):  python3 Tests/InputOutputTests/Fixtures/make_nbs_fixtures.py
"""
import csv
import datetime
import json
import math
import os
import platform
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
RES = os.path.join(ROOT, "Sources", "Datasets", "Resources")
OUT = os.path.join(HERE, "nbs_fixtures.json")

TABLES = ["nbs-2017-42", "nbs-2018-42", "nbs-2020-42", "nbs-2017-149", "nbs-2018-153", "nbs-2020-153"]
CHOSEN_42 = ["18", "20", "31"]
CHOSEN_BIG_NAMES = ["精炼石油和核燃料加工品", "汽车整车", "软件服务"]
VA_ROWS = ["VA001", "VA002", "VA003", "VA004"]
# Published values to compare with (printed, not asserted here).
EXPECTED_VA_TRILLION_42 = {"nbs-2017-42": 82.32, "nbs-2018-42": 92.21, "nbs-2020-42": 101.64}
BINHAI_FACTS_2020 = {"11": 1.96, "16": 2.84, "18": 2.86, "20": 2.35, "31": 2.15}  # output multipliers, 2020-42


def read_matrix(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0][1:]
    codes = [r[0] for r in rows[1:]]
    values = np.array([[float(v) for v in r[1:]] for r in rows[1:]], dtype=float)
    return header, codes, values


def read_table(folder):
    zh, codes, Z = read_matrix(os.path.join(folder, "Z.csv"))
    yh, ycodes, Y = read_matrix(os.path.join(folder, "Y.csv"))
    fh, frows, F = read_matrix(os.path.join(folder, "F.csv"))
    xh, xcodes, X = read_matrix(os.path.join(folder, "x.csv"))
    assert zh == codes == ycodes == fh == xcodes, folder
    assert xh == ["x"], f"{folder}/x.csv header must be code,x"
    with open(os.path.join(folder, "sectors.csv"), encoding="utf-8-sig", newline="") as f:
        names = {r["code"]: (r["name_zh"], r["name_en"]) for r in csv.DictReader(f)}
    return dict(codes=codes, Z=Z, Y=Y, ycols=yh, F=F, frows=frows, x=X[:, 0], names=names)


def analyse(t):
    Z, Y, F, x = t["Z"], t["Y"], t["F"], t["x"]
    n = len(x)
    A = Z / x[None, :]
    L = np.linalg.inv(np.eye(n) - A)
    m = L.sum(axis=0)
    bl = m / (L.sum() / n)
    va_idx = [t["frows"].index(r) for r in VA_ROWS]
    va = math.fsum(F[va_idx, :].ravel())
    resid_np = np.max(np.abs(Z.sum(axis=1) + Y.sum(axis=1) - x) / np.abs(x))
    resid_exact = max(abs(math.fsum(list(Z[i]) + list(Y[i]) + [-x[i]])) / abs(x[i]) for i in range(n))
    rho = float(max(abs(np.linalg.eigvals(A))))
    return dict(A=A, L=L, m=m, bl=bl, va=va, resid_np=float(resid_np), resid_exact=resid_exact, rho=rho)


def find_binhai():
    for cand in [os.environ.get("BINHAI"), "/tmp/binhai-current", os.path.join(ROOT, ".build", "release", "binhai")]:
        if cand and os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    return None


def main():
    binhai = find_binhai()
    tables = {}
    for name in TABLES:
        folder = os.path.join(RES, name)
        t = read_table(folder)
        r = analyse(t)
        codes = t["codes"]
        if len(codes) == 42:
            chosen = CHOSEN_42
        else:
            by_name = {t["names"][c][0]: c for c in codes}
            chosen = [by_name[nm] for nm in CHOSEN_BIG_NAMES]
        selected = codes[:5] + [c for c in chosen if c not in codes[:5]]
        idx = [codes.index(c) for c in selected]
        entry = {
            "folder": f"Sources/Datasets/Resources/{name}",
            "sectors": len(codes),
            "import_form": "non-competitive (domestic flows)" if "IMPORTED_INTERMEDIATE" in t["frows"] else "competitive (Z includes imports; Y column IM negative)",
            "final_demand_columns": t["ycols"],
            "selected_sectors": selected,
            "selected_names_zh": [t["names"][c][0] for c in selected],
            "output_multipliers": {c: float(r["m"][i]) for c, i in zip(selected, idx)},
            "backward_linkage": {c: float(r["bl"][i]) for c, i in zip(selected, idx)},
            "mean_of_L": float(r["L"].sum() / len(codes)),
            "spectral_radius_A": r["rho"],
            "total_value_added_1e4_cny": r["va"],
            "total_value_added_trillion_cny": r["va"] / 1e8,
            "max_relative_balance_residual": r["resid_np"],
            "max_relative_balance_residual_exact": r["resid_exact"],
        }
        if binhai:
            out = subprocess.run([binhai, "io", "analyze", folder, "--format", "json"],
                                 capture_output=True, text=True, check=True)
            b = json.loads(out.stdout)
            assert b["sectors"] == codes
            dm = np.abs(np.array(b["output_multipliers"]) - r["m"])
            db = np.abs(np.array(b["backward_linkage"]) - r["bl"])
            entry["binhai_cross_check"] = {
                "compared": "all sectors",
                "max_abs_diff_output_multipliers": float(dm.max()),
                "max_abs_diff_backward_linkage": float(db.max()),
                "selected_output_multipliers_binhai": {c: b["output_multipliers"][i] for c, i in zip(selected, idx)},
                "max_relative_balance_residual_binhai": b["diagnostics"]["max_relative_balance_residual"],
            }
        tables[name] = entry
        print(f"{name}: n={len(codes)} VA {r['va']:.6e} 万元 = {r['va'] / 1e8:.2f} trillion CNY; "
              f"residual {r['resid_np']:.2g} (exact {r['resid_exact']:.2g}); rho(A) {r['rho']:.4f}")
        for c, i in zip(selected, idx):
            print(f"   {c} {t['names'][c][0]:<18} m = {r['m'][i]:.6f}  BL = {r['bl'][i]:.6f}")
        if name in EXPECTED_VA_TRILLION_42:
            assert abs(r["va"] / 1e8 - EXPECTED_VA_TRILLION_42[name]) < 0.005, name
        if name == "nbs-2020-42":
            for c, v in BINHAI_FACTS_2020.items():
                got = r["m"][codes.index(c)]
                assert abs(got - v) < 0.005, (c, got, v)
            entry["binhai_facts_reference_multipliers"] = BINHAI_FACTS_2020
        if "binhai_cross_check" in entry:
            cc = entry["binhai_cross_check"]
            print(f"   binhai: max |Δm| = {cc['max_abs_diff_output_multipliers']:.3g}, "
                  f"max |ΔBL| = {cc['max_abs_diff_backward_linkage']:.3g}")
    doc = {
        "provenance": {
            "generated_by": "Tests/InputOutputTests/Fixtures/make_nbs_fixtures.py",
            "generated_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "inputs": "Sources/Datasets/Resources/nbs-* (NBS IO tables 2017/2018/2020, 42 and 149/153 sectors, 1e4 CNY, via R package ionet)",
            "method": "numpy: A = Z diag(x)^-1, L = inv(I - A), m = column sums of L, BL = m / mean(L) (Rasmussen); VA = sum of F rows VA001..VA004 (math.fsum)",
            "numpy_version": np.__version__,
            "python_version": platform.python_version(),
            "binhai_cross_check": binhai or "skipped (no binhai binary found)",
        },
        "tables": tables,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())

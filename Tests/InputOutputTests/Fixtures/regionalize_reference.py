#!/usr/bin/env python3
"""Reference implementation of location-quotient regionalisation (SLQ, CILQ, FLQ, AFLQ) for the
Swift implementation, with the fixtures it must reproduce.

Written with numpy 2.4.6 on Python 3.11.7 (the versions a run used are recorded in the output).
Needs only numpy and the standard library. Usage (from the package root):

    python3 Tests/InputOutputTests/Fixtures/regionalize_reference.py

Reads  Sources/Datasets/Resources/nbs-2020-42/{Z,x}.csv
       Sources/Datasets/Resources/binhai-default/regional-weights.csv   (io_code, region_output_share, ...)
       Sources/Datasets/Resources/binhai-default/regional-total.csv     (quantity, value, ...; row tre_over_tne)
Writes Tests/InputOutputTests/Fixtures/regional_fixtures.json

Method (docs/REGIONAL-IO.md). National technical coefficients a_ij (A = Z diag(x)^-1), national
gross output NE_i (TNE = sum), regional gross output RE_i (TRE = sum):

  SLQ_i   = (RE_i / TRE) / (NE_i / TNE)                       simple location quotient
  CILQ_ij = SLQ_i / SLQ_j          (i != j)                   cross-industry LQ
            SLQ_i                  (i == j; Smith & Morrison 1974, the usual convention, as the
                                    FLQ diagonal; CILQ_ii = 1 would leave diagonals untouched)
  lambda* = [log2(1 + TRE/TNE)]^delta                         regional-size scalar, 0 < lambda* <= 1
  FLQ_ij  = CILQ_ij * lambda*      (i != j)
            SLQ_i   * lambda*      (i == j)
  AFLQ_ij = FLQ_ij * log2(1 + SLQ_j)  if SLQ_j > 1, else FLQ_ij     (augmented FLQ: a specialised
                                    column sector buys more inside the region)
  r_ij    = a_ij * min(1, LQ_ij)                               regional (domestic-to-region) coefficient
  (SLQ used as LQ_ij = SLQ_i for every column j.)

  Zero regional output: SLQ_i = 0 gives row i = 0 (nothing is supplied in the region). For a column
  j with SLQ_j = 0, CILQ_ij = SLQ_i / 0 is taken as +inf (so min(1, .) = 1) when SLQ_i > 0 and 0
  when SLQ_i = 0; the column's coefficients only matter for a sector that does not exist there.

References (FLQ family):
  Flegg, A.T., Webber, C.D. & Elliott, M.V. (1995) On the appropriate use of location quotients in
    generating regional input-output tables. Regional Studies 29(6), 547-561 (the FLQ).
  Flegg, A.T. & Webber, C.D. (1997) On the appropriate use of location quotients in generating
    regional input-output tables: reply. Regional Studies 31(8), 795-805 (the lambda* form
    [log2(1 + TRE/TNE)]^delta used here, with SLQ_i * lambda* on the diagonal).
  Flegg, A.T. & Webber, C.D. (2000) Regional size, regional specialization and the FLQ formula.
    Regional Studies 34(6), 563-569 (the augmented AFLQ).
  Flegg, A.T. & Tohmo, T. (2013) Regional input-output tables and the FLQ formula: a case study of
    Finland. Regional Studies 47(5), 703-721 (FLQ against survey tables for 20 Finnish regions:
    far better than SLQ and CILQ; the best delta varies by region, a regression helps choose it;
    a specialisation term (AFLQ) adds little, the original FLQ is recommended).
  Bonfiglio, A. & Chelli, F. (2008) Assessing the behaviour of non-survey methods for constructing
    regional input-output tables through a Monte Carlo simulation. Economic Systems Research
    20(3), 243-258 (FLQ and AFLQ best; the direction of their bias depends on delta).
  delta: default 0.3 (the value Flegg & Webber 1997 put forward), literature range 0.1-0.4.
    Larger delta = smaller lambda* = more leakage out of the region.

Share of the output impact that stays in the region: for one unit of final demand for the region's
sector j, the national table gives the total output m_N_j = sum_i L_N_ij and the regional table the
part produced in the region m_R_j = sum_i L_R_ij (L_R = (I - R)^-1); the retained share is
m_R_j / m_N_j (the rest is produced in the rest of China: imports from abroad are already outside A
in the non-competitive table; no interregional feedback, so a lower bound on the region's share).
"""
import csv
import datetime
import json
import os
import platform
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
RES = os.path.join(ROOT, "Sources", "Datasets", "Resources")
OUT = os.path.join(HERE, "regional_fixtures.json")

DEFAULT_DELTA = 0.3
DELTA_RANGE = (0.1, 0.4)


# ----------------------------------------------------------------------------------------------
# The method
# ----------------------------------------------------------------------------------------------
def slq(region_share, national_output):
    """SLQ_i = (RE_i/TRE) / (NE_i/TNE). region_share: RE_i/TRE (normalised here to sum 1)."""
    rs = np.asarray(region_share, dtype=float)
    rs = rs / rs.sum()
    ns = np.asarray(national_output, dtype=float)
    ns = ns / ns.sum()
    return rs / ns


def _ratio_matrix(s):
    """s_i / s_j with the zero conventions of the module docstring."""
    n = len(s)
    C = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            if s[j] > 0:
                C[i, j] = s[i] / s[j]
            else:
                C[i, j] = np.inf if s[i] > 0 else 0.0
    return C


def cilq(s, diagonal="slq"):
    """CILQ_ij = SLQ_i / SLQ_j off the diagonal; SLQ_i on it (diagonal="slq") or 1 ("one")."""
    C = _ratio_matrix(s)
    np.fill_diagonal(C, s if diagonal == "slq" else 1.0)
    return C


def lambda_star(tre_over_tne, delta=DEFAULT_DELTA):
    """lambda* = [log2(1 + TRE/TNE)]^delta."""
    return float(np.log2(1.0 + tre_over_tne) ** delta)


def flq(s, tre_over_tne, delta=DEFAULT_DELTA):
    """FLQ_ij = CILQ_ij * lambda* (i != j), SLQ_i * lambda* (i == j)."""
    lam = lambda_star(tre_over_tne, delta)
    F = _ratio_matrix(s) * lam
    np.fill_diagonal(F, s * lam)
    return F


def aflq(s, tre_over_tne, delta=DEFAULT_DELTA):
    """AFLQ_ij = FLQ_ij * log2(1 + SLQ_j) for columns with SLQ_j > 1, else FLQ_ij."""
    aug = np.where(s > 1, np.log2(1.0 + s), 1.0)
    return flq(s, tre_over_tne, delta) * aug[None, :]


def regional_coefficients(A, lq):
    """r_ij = a_ij * min(1, LQ_ij); a vector lq (SLQ) applies to rows."""
    lq = np.asarray(lq, dtype=float)
    if lq.ndim == 1:
        lq = np.repeat(lq[:, None], A.shape[1], axis=1)
    return A * np.minimum(1.0, lq)


def regionalize(A, national_output, region_share, tre_over_tne, method, delta=DEFAULT_DELTA):
    s = slq(region_share, national_output)
    if method == "SLQ":
        lq = s
    elif method == "CILQ":
        lq = cilq(s)
    elif method == "FLQ":
        lq = flq(s, tre_over_tne, delta)
    elif method == "AFLQ":
        lq = aflq(s, tre_over_tne, delta)
    else:
        raise ValueError(method)
    return regional_coefficients(A, lq)


def multipliers(A):
    L = np.linalg.inv(np.eye(A.shape[0]) - A)
    return L.sum(axis=0)


# ----------------------------------------------------------------------------------------------
# (a) Hand-worked 3-sector example
# ----------------------------------------------------------------------------------------------
# National A (rows supply, columns use), national output NE, regional output RE:
#
#         A      s1     s2     s3        NE     RE
#         s1    0.20   0.10   0.05      100     10
#         s2    0.15   0.25   0.10      200      5
#         s3    0.05   0.10   0.30      300     40
#                                 TNE = 600  TRE = 55   TRE/TNE = 55/600 = 0.0916667
#
# SLQ: national shares 1/6, 1/3, 1/2; regional shares 10/55 = 2/11, 5/55 = 1/11, 40/55 = 8/11
#   SLQ_1 = (2/11)/(1/6) = 12/11 = 1.090909
#   SLQ_2 = (1/11)/(1/3) =  3/11 = 0.272727
#   SLQ_3 = (8/11)/(1/2) = 16/11 = 1.454545
# SLQ coefficients r_ij = a_ij min(1, SLQ_i): rows 1 and 3 unchanged (SLQ > 1), row 2 x 3/11:
#   r_21 = 0.15 x 3/11 = 0.040909, r_22 = 0.25 x 3/11 = 0.068182, r_23 = 0.10 x 3/11 = 0.027273
# CILQ_ij = SLQ_i/SLQ_j = (12, 3, 16)_i / (12, 3, 16)_j:
#   [[  -  , 4   , 0.75  ],
#    [ 0.25,  -  , 0.1875],
#    [ 4/3 , 16/3,  -    ]]   diagonal = SLQ_i = 12/11, 3/11, 16/11 -> min(1, .) = 1, 3/11, 1
#   r_13 = 0.05 x 0.75 = 0.0375; r_21 = 0.15 x 0.25 = 0.0375; r_22 = 0.25 x 3/11 = 0.068182;
#   r_23 = 0.10 x 0.1875 = 0.01875; every other r_ij = a_ij (CILQ >= 1).
# lambda* (delta = 0.3): log2(1 + 0.0916667) = ln(1.0916667)/ln 2 = 0.0877056/0.6931472 = 0.1265324;
#   0.1265324^0.3 = exp(0.3 x ln 0.1265324) = exp(0.3 x -2.067257) = exp(-0.620177) = 0.537849
# FLQ = lambda* x CILQ off the diagonal, lambda* x SLQ_i on it:
#   [[0.537849 x 12/11 = 0.586745, 0.537849 x 4 = 2.151397, 0.537849 x 0.75 = 0.403387],
#    [0.537849 x 0.25  = 0.134462, 0.537849 x 3/11 = 0.146686, 0.537849 x 0.1875 = 0.100847],
#    [0.537849 x 4/3   = 0.717132, 0.537849 x 16/3 = 2.868529, 0.537849 x 16/11 = 0.782326]]
#   r = a x min(1, FLQ):
#   [[0.20 x 0.586745 = 0.117349, 0.10 (capped),            0.05 x 0.403387 = 0.020169],
#    [0.15 x 0.134462 = 0.020169, 0.25 x 0.146686 = 0.036672, 0.10 x 0.100847 = 0.010085],
#    [0.05 x 0.717132 = 0.035857, 0.10 (capped),            0.30 x 0.782326 = 0.234698]]
# AFLQ: columns 1 and 3 (SLQ > 1) x log2(1 + 12/11) = log2(23/11) = 1.064130 and
#   log2(1 + 16/11) = log2(27/11) = 1.295456:
#   r_11 = 0.20 x 0.586745 x 1.064130 = 0.124875; r_31 = 0.05 x 0.717132 x 1.064130 = 0.038156;
#   r_21 = 0.15 x 0.134462 x 1.064130 = 0.021463; r_13 = 0.05 x 0.403387 x 1.295456 = 0.026128;
#   r_23 = 0.10 x 0.100847 x 1.295456 = 0.013064; r_33 = 0.30 x min(1, 1.013469) = 0.30.
# Output multipliers (column sums of (I - r)^-1), computed below:
#   national 1.700659 1.801067 1.807342; SLQ 1.420393 1.395637 1.584404;
#   CILQ 1.411498 1.390069 1.541421; FLQ 1.217861 1.305249 1.355970; AFLQ 1.240510 1.322505 1.499557
EX_A = np.array([[0.20, 0.10, 0.05], [0.15, 0.25, 0.10], [0.05, 0.10, 0.30]])
EX_NE = np.array([100.0, 200.0, 300.0])
EX_RE = np.array([10.0, 5.0, 40.0])
EX_HAND = {  # the hand-computed values above, checked against the code to 1e-6
    "slq": [12 / 11, 3 / 11, 16 / 11],
    "lambda_star": 0.537849,
    "SLQ": [[0.20, 0.10, 0.05], [0.040909, 0.068182, 0.027273], [0.05, 0.10, 0.30]],
    "CILQ": [[0.20, 0.10, 0.0375], [0.0375, 0.068182, 0.01875], [0.05, 0.10, 0.30]],
    "FLQ": [[0.117349, 0.10, 0.020169], [0.020169, 0.036672, 0.010085], [0.035857, 0.10, 0.234698]],
    "AFLQ": [[0.124875, 0.10, 0.026128], [0.021463, 0.036672, 0.013064], [0.038156, 0.10, 0.30]],
}
METHODS = ["SLQ", "CILQ", "FLQ", "AFLQ"]


def three_sector():
    ratio = EX_RE.sum() / EX_NE.sum()
    s = slq(EX_RE, EX_NE)
    lam = lambda_star(ratio)
    R = {m: regionalize(EX_A, EX_NE, EX_RE, ratio, m) for m in METHODS}
    assert np.allclose(s, EX_HAND["slq"], atol=1e-12)
    assert abs(lam - EX_HAND["lambda_star"]) < 1e-6, lam
    for m in METHODS:
        assert np.allclose(R[m], EX_HAND[m], atol=1.5e-6), (m, R[m])
    return {
        "A_national": EX_A.tolist(),
        "national_output": EX_NE.tolist(),
        "regional_output": EX_RE.tolist(),
        "tre_over_tne": ratio,
        "delta": DEFAULT_DELTA,
        "lambda_star": lam,
        "slq": s.tolist(),
        "cilq": cilq(s).tolist(),
        "flq": flq(s, ratio).tolist(),
        "aflq": aflq(s, ratio).tolist(),
        "regional_coefficients": {m: R[m].tolist() for m in METHODS},
        "national_output_multipliers": multipliers(EX_A).tolist(),
        "regional_output_multipliers": {m: multipliers(R[m]).tolist() for m in METHODS},
    }


# ----------------------------------------------------------------------------------------------
# (b) NBS 2020 42-sector table with the Binhai default weights
# ----------------------------------------------------------------------------------------------
def read_nbs(folder):
    with open(os.path.join(folder, "Z.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    codes = [r[0] for r in rows[1:]]
    Z = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
    with open(os.path.join(folder, "x.csv"), encoding="utf-8-sig", newline="") as f:
        x = {r["code"]: float(r["x"]) for r in csv.DictReader(f)}
    x = np.array([x[c] for c in codes])
    return codes, Z / x[None, :], x


def read_weights(codes):
    with open(os.path.join(RES, "binhai-default", "regional-weights.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    w = {r["io_code"]: float(r["region_output_share"]) for r in rows}
    assert sorted(w) == sorted(codes)
    with open(os.path.join(RES, "binhai-default", "regional-total.csv"), encoding="utf-8", newline="") as f:
        total = {r["quantity"]: float(r["value"]) for r in csv.DictReader(f)}
    return np.array([w[c] for c in codes]), total["tre_over_tne"]


def nbs_2020_42():
    codes, A, x = read_nbs(os.path.join(RES, "nbs-2020-42"))
    w, ratio = read_weights(codes)
    mN = multipliers(A)
    s = slq(w, x)
    out = {
        "table": "Sources/Datasets/Resources/nbs-2020-42",
        "weights": "Sources/Datasets/Resources/binhai-default/regional-weights.csv (region_output_share, divided by its sum "
                   f"{w.sum():.12g}) and regional-total.csv (tre_over_tne)",
        "sectors": codes,
        "tre_over_tne": ratio,
        "delta": DEFAULT_DELTA,
        "lambda_star": lambda_star(ratio),
        "lambda_star_delta_range": {str(d): lambda_star(ratio, d) for d in (0.1, 0.2, 0.3, 0.4)},
        "slq": s.tolist(),
        "national_output_multipliers": mN.tolist(),
        "regional_output_multipliers": {},
        "retained_share": {},
    }
    focus = ["18", "20", "31"]
    fi = [codes.index(c) for c in focus]
    for m in METHODS:
        mR = multipliers(regionalize(A, x, w, ratio, m))
        assert np.all(mR <= mN + 1e-12), m
        out.setdefault("max_regional_minus_national_multiplier", {})[m] = float((mR - mN).max())
        out["regional_output_multipliers"][m] = mR.tolist()
        out["retained_share"][m] = {c: float(mR[i] / mN[i]) for c, i in zip(focus, fi)}
    out["flq_delta_range"] = {}
    for d in (0.1, 0.2, 0.3, 0.4):
        mR = multipliers(regionalize(A, x, w, ratio, "FLQ", d))
        out["flq_delta_range"][str(d)] = {
            "output_multipliers": {c: float(mR[i]) for c, i in zip(focus, fi)},
            "retained_share": {c: float(mR[i] / mN[i]) for c, i in zip(focus, fi)},
        }
    out["focus_sectors"] = focus
    return out, (codes, A, x)


def checks(A, x):
    """The properties the Swift implementation must keep (recorded in the output)."""
    res = {}
    # Regional multipliers never exceed national ones (r <= a elementwise => L_R <= L_N).
    worst = -np.inf
    rng = np.random.default_rng(20200042)
    for trial in range(50):
        w = rng.uniform(0, 1, len(x)) * (rng.uniform(0, 1, len(x)) > 0.2)
        ratio = rng.uniform(1e-4, 0.5)
        for m in METHODS:
            for d in (0.1, 0.3, 0.4):
                diff = multipliers(regionalize(A, x, w, ratio, m, d)) - multipliers(A)
                worst = max(worst, float(diff.max()))
    res["max_regional_minus_national_multiplier_random_weights"] = worst
    assert worst <= 1e-12
    # Region = nation (same structure and size): every method leaves A unchanged (lambda* = 1).
    same = {m: float(np.abs(regionalize(A, x, x, 1.0, m) - A).max()) for m in METHODS}
    res["region_equals_nation_max_abs_change"] = same
    assert max(same.values()) < 1e-15
    # Same structure, smaller size c: SLQ and CILQ leave A unchanged, FLQ is lambda*(c) A.
    c = 0.1
    lam = lambda_star(c)
    res["same_structure_tre_over_tne"] = c
    res["same_structure_lambda_star"] = lam
    res["same_structure_SLQ_max_abs_change"] = float(np.abs(regionalize(A, x, x, c, "SLQ") - A).max())
    res["same_structure_CILQ_max_abs_change"] = float(np.abs(regionalize(A, x, x, c, "CILQ") - A).max())
    res["same_structure_FLQ_max_abs_diff_from_lambda_A"] = float(np.abs(regionalize(A, x, x, c, "FLQ") - lam * A).max())
    assert res["same_structure_SLQ_max_abs_change"] < 1e-15 and res["same_structure_CILQ_max_abs_change"] < 1e-15
    assert res["same_structure_FLQ_max_abs_diff_from_lambda_A"] < 1e-15
    return res


def main():
    ex = three_sector()
    nbs, (codes, A, x) = nbs_2020_42()
    doc = {
        "provenance": {
            "generated_by": "Tests/InputOutputTests/Fixtures/regionalize_reference.py",
            "generated_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "numpy_version": np.__version__,
            "python_version": platform.python_version(),
            "method": "SLQ, CILQ (diagonal SLQ_i), FLQ and AFLQ (Flegg & Webber 1997, 2000; Flegg & Tohmo 2013); "
                      "r_ij = a_ij min(1, LQ_ij); multipliers = column sums of inv(I - r); docs/REGIONAL-IO.md",
        },
        "conventions": {
            "slq": "SLQ_i = (RE_i/TRE)/(NE_i/TNE), region shares divided by their sum; applies to row i",
            "cilq": "SLQ_i/SLQ_j off the diagonal, SLQ_i on it",
            "lambda_star": "[log2(1 + TRE/TNE)]^delta",
            "flq": "CILQ_ij * lambda* (i != j), SLQ_i * lambda* (i == j)",
            "aflq": "FLQ_ij * log2(1 + SLQ_j) where SLQ_j > 1",
            "regional_coefficient": "a_ij * min(1, LQ_ij)",
            "zero_output": "SLQ_j = 0: CILQ_ij = +inf if SLQ_i > 0 else 0",
            "retained_share": "regional output multiplier / national output multiplier of the same sector",
            "delta_default": DEFAULT_DELTA,
            "delta_range": list(DELTA_RANGE),
        },
        "three_sector_example": ex,
        "nbs_2020_42_binhai": nbs,
        "checks": checks(A, x),
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"3-sector: lambda* = {ex['lambda_star']:.6f}")
    for m in METHODS:
        print(f"  {m:<5} multipliers {np.round(ex['regional_output_multipliers'][m], 6)}")
    print(f"NBS 2020-42 with Binhai weights: TRE/TNE = {nbs['tre_over_tne']:.6f}, lambda* = {nbs['lambda_star']:.6f}")
    for c in nbs["focus_sectors"]:
        i = codes.index(c)
        row = ", ".join(f"{m} {nbs['regional_output_multipliers'][m][i]:.4f} ({nbs['retained_share'][m][c]:.1%})" for m in METHODS)
        print(f"  {c}: national {nbs['national_output_multipliers'][i]:.4f}; {row}")
    for d, v in nbs["flq_delta_range"].items():
        print(f"  FLQ delta {d}: " + ", ".join(f"{c} {v['output_multipliers'][c]:.4f} ({v['retained_share'][c]:.1%})" for c in nbs["focus_sectors"]))
    print(f"checks: {doc['checks']}")
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())

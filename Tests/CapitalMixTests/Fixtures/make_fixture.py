#!/usr/bin/env python3
"""Reference solutions for Tests/CapitalMixTests/AllocationFixtureTests.swift, computed with scipy
independently of the Swift solver (no code shared with it).

Produces: on standard output, per case ("free", "nonneg", "two-targets"), a JSON object with the
dgglse solution without bounds, the exact active-set-enumeration optimum `x`, its objective and
active set, how far SLSQP and the direct KKT solve are from them, and two lines
"Swift: [...]" / "Swift withoutBounds: [...]" ready to paste into AllocationFixtureTests.swift
(the `scipy` and `scipyFree` arrays there). It reads and writes no files.

Library versions: the values in AllocationFixtureTests.swift were recorded with numpy 2.4.6 and
scipy 1.17.1. Re-run with Python 3.11.7, numpy 2.4.6, scipy 1.17.1, the output agrees with them to
the last digit or two (about 1e-14; the BLAS/LAPACK kernels in use decide the final bits), well
inside the tests' 1e-9 tolerances.

Run (from anywhere; needs numpy and scipy, e.g. the benchmarks' venv):

    Benchmarks/.venv/bin/python Tests/CapitalMixTests/Fixtures/make_fixture.py

This file is not part of the Swift build: the CapitalMixTests target excludes it in Package.swift.

Problem (FundAllocation / BoundedLeastDistance):

    minimise   sum_c w_c (f_c - t_c)^2,   t_c = p_c F  (p = priority / sum(priority))
    subject to sum_c f_c = F
               sum_c f_c k_c (sigma_{c,k} - tau_k) = 0   for each targeted class k
               f_c >= l_c                              for bounded categories

Methods used here:
  * equalities only: scipy.linalg.lapack.dgglse with A = diag(sqrt(w)), c = sqrt(w) t, checked
    against the KKT system [[2W, B^T], [B, 0]] [f; -mu] = [2W t; d] solved by numpy;
  * with bounds: EXACT ACTIVE-SET ENUMERATION. For every subset S of the bounded categories, hold
    f_S = l_S and solve the equality problem on the others with dgglse; keep the candidates that
    meet every bound; the one with the least objective is the optimum (the optimum is the
    equality solution of its own active set, and every feasible candidate is at least as costly).
    Cross-checked against scipy.optimize.minimize(method="SLSQP", ftol=1e-15) (reported, not used).
"""
import itertools
import json

import numpy as np
from scipy.linalg.lapack import dgglse
from scipy.optimize import minimize


def build(categories, F, targets):
    """t, B, d, lower bounds from categories (priority, leverage, (state, foreign, private), minimum, nonneg)."""
    n = len(categories)
    pri = np.array([c["priority"] for c in categories], float)
    p = pri / pri.sum()
    t = p * F
    rows = [np.ones(n)]
    d = [F]
    for k, cls in enumerate(["state", "foreign", "private"]):
        if cls in targets:
            rows.append(np.array([c["leverage"] * (c["ownership"][k] - targets[cls]) for c in categories]))
            d.append(0.0)
    B = np.vstack(rows)
    lower = []
    for c in categories:
        m = c.get("minimum", 0.0)
        if c.get("nonneg", True):
            lower.append(max(0.0, m))
        else:
            lower.append(m if m > 0 else None)
    return t, B, np.array(d), lower


def eqp(t, w, B, d, fixed):
    """argmin sum w (x - t)^2 s.t. B x = d, x_i = fixed[i] (dgglse on the free columns); None if rank fails."""
    n = len(t)
    free = [i for i in range(n) if i not in fixed]
    x = np.array(t, float)
    rhs = d.astype(float).copy()
    for i, v in fixed.items():
        x[i] = v
        rhs -= B[:, i] * v
    if len(free) < B.shape[0]:
        return None
    sw = np.sqrt(np.asarray(w)[free])
    A = np.diag(sw)
    c = sw * np.asarray(t)[free]
    Bf = B[:, free]
    if np.linalg.matrix_rank(Bf) < B.shape[0]:
        return None
    res = dgglse(A, Bf, c, rhs)
    if res[-1] != 0:
        return None
    x[free] = res[3]
    return x


def kkt_direct(t, w, B, d):
    n, m = len(t), B.shape[0]
    K = np.zeros((n + m, n + m))
    K[:n, :n] = 2 * np.diag(w)
    K[:n, n:] = -B.T
    K[n:, :n] = B
    rhs = np.concatenate([2 * np.asarray(w) * t, d])
    return np.linalg.solve(K, rhs)[:n]


def enumerate_active_sets(t, w, B, d, lower):
    bounded = [i for i, l in enumerate(lower) if l is not None]
    best, best_q, best_S = None, np.inf, None
    for r in range(len(bounded) + 1):
        for S in itertools.combinations(bounded, r):
            x = eqp(t, w, B, d, {i: lower[i] for i in S})
            if x is None:
                continue
            if any(x[i] < lower[i] - 1e-12 for i in bounded):
                continue
            q = float(np.sum(w * (x - t) ** 2))
            if q < best_q - 1e-14 * max(1.0, q):
                best, best_q, best_S = x, q, S
    return best, best_q, best_S


def slsqp(t, w, B, d, lower):
    x0 = np.array([max(t[i], lower[i]) if lower[i] is not None else t[i] for i in range(len(t))])
    cons = [{"type": "eq", "fun": lambda x: B @ x - d, "jac": lambda x: B}]
    bounds = [(l, None) for l in lower]
    r = minimize(lambda x: np.sum(w * (x - t) ** 2), x0, jac=lambda x: 2 * w * (x - t), method="SLSQP",
                 constraints=cons, bounds=bounds, options={"ftol": 1e-15, "maxiter": 1000})
    return r.x


def case(name, categories, F, targets, weights=None):
    t, B, d, lower = build(categories, F, targets)
    w = np.ones(len(t)) if weights is None else np.asarray(weights, float)
    unbounded = eqp(t, w, B, d, {})
    direct = kkt_direct(t, w, B, d)
    x, q, S = enumerate_active_sets(t, w, B, d, lower)
    sl = slsqp(t, w, B, d, lower)
    out = {
        "case": name,
        "withoutBounds": unbounded.tolist(),
        "withoutBounds_vs_kkt_direct": float(np.max(np.abs(unbounded - direct))),
        "x": x.tolist(),
        "objective": q,
        "activeSet": list(S),
        "slsqp_max_diff": float(np.max(np.abs(sl - x))),
        "constraint_residual": float(np.max(np.abs(B @ x - d))),
    }
    print(json.dumps(out, indent=1))
    print("Swift: [" + ", ".join(repr(v) for v in x.tolist()) + "]")
    print("Swift withoutBounds: [" + ", ".join(repr(v) for v in unbounded.tolist()) + "]")
    return out


def cat(priority, leverage, state, foreign, private, minimum=0.0, nonneg=True):
    return {"priority": priority, "leverage": leverage, "ownership": (state, foreign, private),
            "minimum": minimum, "nonneg": nonneg}


# Case 1: equalities only (every category free), one private target: pure dgglse.
case1 = [
    cat(4, 2.0, 0.3, 0.0, 0.7, nonneg=False),
    cat(3, 3.0, 0.6, 0.1, 0.3, nonneg=False),
    cat(2, 1.5, 0.1, 0.4, 0.5, nonneg=False),
    cat(1, 4.0, 0.2, 0.0, 0.8, nonneg=False),
]
case("free", case1, 120.0, {"private": 0.55})

# Case 2: six non-negative categories; the private target pushes the dgglse solution below 0.
case2 = [
    cat(5, 2.8, 0.22, 0.0, 0.78),
    cat(4, 2.8, 0.70, 0.0, 0.30),
    cat(3, 4.0, 0.10, 0.10, 0.80),
    cat(2, 1.0, 0.90, 0.0, 0.10),
    cat(1, 2.0, 0.05, 0.60, 0.35),
    cat(1, 3.0, 0.40, 0.20, 0.40),
]
case("nonneg", case2, 100.0, {"private": 0.72})

# Case 3: two targets (state 0.3, foreign 0.2), a minimum of 8 亿元 on category 3, category 5 allowed
# negative, unequal weights. Found by a seeded random search (numpy default_rng(7), trial 73) for a
# case where three bounds bind, the free category ends negative, and a bound violated by the
# dgglse solution (category 2) is NOT active at the optimum.
case3 = [
    cat(4, 1.5, 0.11, 0.77, 0.12),
    cat(5, 1.5, 0.42, 0.20, 0.38),
    cat(5, 4.0, 0.14, 0.71, 0.15),
    cat(6, 3.0, 0.63, 0.12, 0.25, minimum=8.0),
    cat(5, 1.5, 0.37, 0.56, 0.07),
    cat(4, 4.0, 0.23, 0.72, 0.05, nonneg=False),
    cat(4, 1.5, 0.32, 0.19, 0.49),
    cat(3, 2.5, 0.22, 0.62, 0.16),
]
case("two-targets", case3, 80.0, {"state": 0.3, "foreign": 0.2}, weights=[1, 2, 1, 0.5, 1, 3, 1, 1])

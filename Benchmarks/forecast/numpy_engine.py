#!/usr/bin/env python3
"""The doubling-plan Monte Carlo of Sources/ForecastEngine, vectorised in numpy.

A re-implementation of Sources/ForecastEngine/ForecastEngine.docc/Model.md from the model text
(section numbers below refer to it), on the parameters that `forecast-bench --params-out` writes:
the closed-form part (section 2: stage chain, balanced-growth start, history disbursement; section 4:
size classes with exact partial moments) is computed here from the raw parameters and checked
against the engine's own expected path in the file; the draws are vectorised over all N draws at
once (one numpy call per year, stage and source), with numpy's Generator (PCG64). The random
streams differ from the engine's, so the two agree in distribution, not draw for draw.

The growth is estimated (`trend: estimated`, docs/FORECAST-MODEL.md; EstimatedGrowth in
Sources/ForecastEngine/Parameters/GrowthUncertainty.swift): the posterior of the random walk with
drift is computed here on the σ grid from the observations and the prior in the file (numpy dense
linear algebra: precision matrix, solve, log-determinant, inverse; checked against the engine's
grid weights and block means), each draw takes σ from the grid weights, (x_B, …, μ) from the
Gaussian given σ and continues the walk; Z_t = exp(x_t − x̂_t) multiplies the lead arrivals and
R_t = exp(x_t − x̂_t)·Ê_t/E_t(Z) the pipeline's investment in place.

    numpy_engine.py PARAMS.json --draws N [--seed S] [--repeat R] [--out RESULT.json]

Prints JSON like forecast-bench: seconds (best of R; in-process, from the parameters to the
per-year statistics, without interpreter start, imports and JSON I/O), mean, se, p10/p50/p90 of
the total per year, and the closed-form expected path.
"""
import argparse
import json
import math
import sys
import time

import numpy as np

try:  # Φ⁻¹ for the lognormal part of the top class; scipy's is exact, numpy has none.
    from scipy.special import ndtri as _ndtri
except ImportError:  # pragma: no cover - Acklam + one Halley step, as in the engine
    _ndtri = None


def norm_cdf(x):
    if x == -math.inf:
        return 0.0
    if x == math.inf:
        return 1.0
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def ndtri(p):
    if _ndtri is not None:
        return _ndtri(p)
    # Acklam's approximation, vectorised, refined by one Halley step (|error| ~ 1e-15).
    a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
         1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
         6.680131188771972e+01, -1.328068155288572e+01]
    c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
         -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    p = np.asarray(p, dtype=float)
    x = np.empty_like(p)
    lo = p < 0.02425
    hi = p > 1 - 0.02425
    mid = ~(lo | hi)
    q = np.sqrt(-2 * np.log(p[lo]))
    x[lo] = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / \
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    q = p[mid] - 0.5
    r = q * q
    x[mid] = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / \
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    q = np.sqrt(-2 * np.log1p(-p[hi]))
    x[hi] = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / \
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    erfc = np.vectorize(math.erfc, otypes=[float])
    e = 0.5 * erfc(-x / math.sqrt(2.0)) - p
    u = e * math.sqrt(2 * math.pi) * np.exp(0.5 * x * x)
    return x - u / (1 + 0.5 * x * u)


# --- section 4: size classes -----------------------------------------------------------------------
def partial_moment(src, k, lo, hi):
    """E[X^k 1{lo <= X < hi}] of (1-w) LogNormal(mu, sigma) + w Pareto(xm, alpha)."""
    if not hi > lo:
        return 0.0
    mu, sigma, w = src["body_log_mean"], src["body_log_sd"], src["tail_weight"]
    xm, a = src["tail_minimum"], src["tail_exponent"]
    shift = mu + k * sigma * sigma
    z_hi = math.inf if hi == math.inf else (math.log(hi) - shift) / sigma
    z_lo = -math.inf if lo <= 0 else (math.log(lo) - shift) / sigma
    body = math.exp(k * mu + 0.5 * k * k * sigma * sigma) * (norm_cdf(z_hi) - norm_cdf(z_lo))
    tail = 0.0
    l = max(lo, xm)
    if hi > l:
        if k == 0:
            tail = (xm / l) ** a - (0.0 if hi == math.inf else (xm / hi) ** a)
        elif abs(k - a) < 1e-12:
            tail = math.inf if hi == math.inf else a * xm ** a * math.log(hi / l)
        elif hi == math.inf:
            tail = a * xm ** a * l ** (k - a) / (a - k) if k < a else math.inf
        else:
            tail = a * xm ** a * (hi ** (k - a) - l ** (k - a)) / (k - a)
    return (1 - w) * body + w * tail


def aggregate(src, lo, hi):
    """(mean m, Gamma shape k = m^2/v, scale theta = v/m) of one project of the class [lo, hi)."""
    m0 = partial_moment(src, 0, lo, hi)
    m1 = partial_moment(src, 1, lo, hi)
    m2 = partial_moment(src, 2, lo, hi)
    if not (m0 > 0 and m1 > 0):
        return 0.0, 0.0, 0.0
    m = m1 / m0
    v = m2 / m0 - m * m
    if v > 1e-12 * m * m and math.isfinite(v):
        return m, m * m / v, v / m
    return m, 0.0, 0.0


def size_classes(src, minimum, threshold):
    inf = math.inf
    tau = max(threshold, minimum)
    q_small = partial_moment(src, 0, 0.0, minimum)
    q_counted = partial_moment(src, 0, minimum, inf)
    top_mass = partial_moment(src, 0, tau, inf)
    mu, sigma = src["body_log_mean"], src["body_log_sd"]
    z = (math.log(tau) - mu) / sigma if tau > 0 else -inf
    ln_survival = norm_cdf(-z)
    return dict(
        q_small=q_small, q_counted=q_counted,
        p_top=min(1.0, top_mass / q_counted) if q_counted > 0 else 0.0,
        small=aggregate(src, 0.0, minimum), middle=aggregate(src, minimum, tau),
        mean=partial_moment(src, 1, 0.0, inf),
        top_lognormal=min(1.0, (1 - src["tail_weight"]) * ln_survival / top_mass) if top_mass > 0 else 0.0,
        ln_survival=ln_survival, pareto_start=max(tau, src["tail_minimum"]),
        inv_alpha=1.0 / src["tail_exponent"], mu=mu, sigma=sigma)


# --- the estimated growth ------------------------------------------------------------------------------
def growth_posterior(G, end_year):
    """Posterior of x_t = x_{t-1} + mu + sigma*eps on the sigma grid (GrowthPosterior's model).

    Returns dict(sigma, weights, mean [K, m], cov [K, m, m], chol [K, m, m], start, last) for the
    block (x_start, ..., x_last, mu)."""
    pr, obs = G["prior"], G["observations"]
    K = pr["grid_points"]
    lo, hi = math.log(pr["volatility_min"]), math.log(pr["volatility_max"])
    if K == 1 or lo == hi:
        sig = np.array([pr["volatility_median"] if K == 1 else pr["volatility_min"]])
        pw = np.array([1.0])
    else:
        sig = np.exp(np.linspace(lo, hi, K))
        if pr["volatility_log_sd"] == 0:
            pw = np.ones(K)
        else:
            pw = np.exp(-0.5 * ((np.log(sig) - math.log(pr["volatility_median"])) / pr["volatility_log_sd"]) ** 2)
        pw = pw / pw.sum()
    t0 = min(o["year"] - (1 if o["kind"] == "growth" else 0) for o in obs)
    T = max(max(o["year"] for o in obs), end_year)
    S = G["start_year"]
    nx = T - t0 + 1
    n = nx + 1
    mu = nx
    first = min((o for o in obs if o["kind"] == "level"), key=lambda o: o["year"])
    m0 = first["value"] - first["offset"] - pr["drift_mean"] * (first["year"] - t0)
    v0 = pr["initial_level_sd"] ** 2
    vm = pr["drift_sd"] ** 2
    # Everything as a list of Gaussian factors a.theta ~ N(b, v): the prior, the observations, and
    # (per sigma) the transitions; Lambda = sum a a'/v, h = sum a b/v.
    fixed = []
    e = np.eye(n)
    fixed.append((e[0], m0, v0))
    fixed.append((e[mu], pr["drift_mean"], vm))
    for o in obs:
        i = o["year"] - t0
        a = e[i] - (e[i - 1] if o["kind"] == "growth" else 0)
        fixed.append((a, o["value"] - o["offset"], o["variance"]))
    trans = [e[i] - e[i - 1] - e[mu] for i in range(1, nx)]

    def logpdf(r, v):
        return -0.5 * math.log(2 * math.pi * v) - 0.5 * r * r / v

    rows = list(range(S - t0, nx)) + [mu]
    logml, means, covs = [], [], []
    for sg in sig:
        factors = fixed + [(a, 0.0, sg * sg) for a in trans]
        lam = sum(np.outer(a, a) / v for a, _, v in factors)
        h = sum(a * b / v for a, b, v in factors)
        theta = np.linalg.solve(lam, h)
        ll = sum(logpdf(b - a @ theta, v) for a, b, v in factors)
        sign, logdet = np.linalg.slogdet(lam)
        logml.append(ll + 0.5 * n * math.log(2 * math.pi) - 0.5 * logdet)
        cov = np.linalg.inv(lam)
        means.append(theta[rows])
        covs.append(cov[np.ix_(rows, rows)])
    logml = np.array(logml)
    with np.errstate(divide="ignore"):
        lp = np.where(pw > 0, np.log(pw) + logml, -np.inf)
    wts = np.exp(lp - lp.max())
    wts /= wts.sum()
    cov = np.array(covs)
    cov = 0.5 * (cov + np.swapaxes(cov, 1, 2))
    return dict(sigma=sig, weights=wts, cumulative=np.cumsum(wts), mean=np.array(means), cov=cov,
                chol=np.linalg.cholesky(cov), start=S, last=T)


def predictive(post, year):
    """(mean, variance) of x_year per grid point, year >= start."""
    m, c, sig = post["mean"], post["cov"], post["sigma"]
    if year <= post["last"]:
        i = year - post["start"]
        return m[:, i], c[:, i, i]
    h = year - post["last"]
    i, j = post["last"] - post["start"], m.shape[1] - 1
    mean = m[:, i] + h * m[:, j]
    var = c[:, i, i] + 2 * h * c[:, i, j] + h * h * c[:, j, j] + h * sig * sig
    return mean, var


# --- section 2: the deterministic part ---------------------------------------------------------------
def prepare(P):
    B, T = P["base_year"], P["target_year"]
    Y = T - B
    adv = np.array(P["advance"], dtype=float)
    drop = np.array(P["drop_out"], dtype=float)
    n = len(adv)  # transient stages K - 1
    K = n + 1
    L = P["landing_stage"]
    w = np.array(P["schedule"], dtype=float)
    J = len(w)
    stay = 1 - adv - drop
    Pm = np.diag(stay) + np.diag(adv[:-1], -1)  # P[k,k] = stay_k, P[k+1,k] = a_k
    effort = np.array(P["effort"], dtype=float) * P["effort_scale"]
    rate_b = P["exchange_rate_base"]
    e0 = np.zeros(n)
    e0[0] = 1
    # landing kernel h_j = a_{L-1} (P^(j-1) e0)_{L-1}, h_0 = 0
    kernel = np.zeros(Y + 1)
    v = e0.copy()
    for j in range(1, Y + 1):
        kernel[j] = adv[L - 1] * v[L - 1]
        v = Pm @ v
    S = len(P["sources"])
    out = dict(Y=Y, n=n, K=K, L=L, w=w, J=J, adv=adv, kernel=kernel,
               drop_given_stay=np.where(adv < 1, np.minimum(1, drop / np.where(adv < 1, 1 - adv, 1)), 0.0),
               S=S, sources=[])
    base_total = 0.0
    for src in P["sources"]:
        gamma = 1 + src["trend_growth"]
        lam = src["lead_arrival_rate"]
        unit = np.linalg.solve(gamma * np.eye(n) - Pm, gamma * e0)  # balanced-growth start per unit lead
        foreign = src["foreign"]
        base_rate = rate_b if foreign else 1.0
        rate = np.array(P["exchange_rate"], dtype=float) if foreign else np.ones(Y)
        sz = size_classes(src, P["minimum_amount"] / base_rate, P["individual_size_threshold"] / base_rate)

        def unit_history_landing(i):  # landings in year B - i per unit lead
            return adv[L - 1] * unit[L - 1] * gamma ** (-i - 1)

        base = lam * sz["mean"] * sum(w[j] * unit_history_landing(j) for j in range(J))
        base_total += base * base_rate
        history = np.array([lam * sz["mean"] * sum(w[j] * unit_history_landing(j - y - 1) for j in range(y + 1, J))
                            for y in range(Y)])
        arrivals = lam * gamma ** np.arange(1, Y + 1) * effort * src["lead_rate_multiplier"]
        occ = lam * unit
        init_only = occ.copy()
        initial_landings = np.zeros(Y)
        entries = np.zeros((K, Y))
        for y in range(Y):
            initial_landings[y] = adv[L - 1] * init_only[L - 1]
            init_only = Pm @ init_only
            entries[1:, y] = adv * occ
            occ = Pm @ occ
            occ[0] += arrivals[y]
            entries[0, y] = arrivals[y]
        expected = np.array([(history[y] + sum(w[j] * entries[L, y - j] * sz["mean"]
                                               for j in range(min(J, y + 1)))) * rate[y] for y in range(Y)])
        out["sources"].append(dict(foreign=foreign, lam=lam, occ0=lam * unit, arrivals=arrivals,
                                   entries=entries, initial_landings=initial_landings, history=history,
                                   rate=rate, sizes=sz, expected=expected))
    out["base_total"] = base_total
    srcs = out["sources"]
    # One counted chain for all sources (section 4, step 1).
    out["initial_counted"] = sum(s["sizes"]["q_counted"] * s["occ0"] for s in srcs)
    out["counted_arrivals"] = sum(s["sizes"]["q_counted"] * s["arrivals"] for s in srcs)
    # Sequential-binomial split of the counted landings: pi_{s,y} / sum_{s' >= s} pi_{s',y}.
    pi = np.array([s["sizes"]["q_counted"] * s["entries"][L] for s in srcs])  # [S, Y]
    rest = pi[::-1].cumsum(axis=0)[::-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        split = np.where(rest > 0, np.minimum(1, pi / rest), 0.0)
    split[S - 1, pi.sum(axis=0) > 0] = 1
    out["split"] = split
    # Expected pipeline investment in place given the yearly arrival multipliers Z_u: initial[y] +
    # sum_u Z_u kernel_z[u, y] (history and the start's landings do not move with Z).
    initial = np.zeros(Y)
    kernel_z = np.zeros((Y, Y))
    for s_ in srcs:
        size = s_["sizes"]["mean"]
        for y in range(Y):
            v = s_["history"][y] + sum(w[j] * size * s_["initial_landings"][y - j] for j in range(min(J, y + 1)))
            initial[y] += v * s_["rate"][y]
            for u in range(y):
                c = sum(w[j] * kernel[y - j - u] for j in range(min(J, y + 1)) if y - j - u >= 1)
                kernel_z[u, y] += c * size * s_["arrivals"][u] * s_["rate"][y]
    out["expected_initial"], out["expected_kernel"] = initial, kernel_z
    out["expected_unshocked"] = initial + kernel_z.sum(axis=0)
    G = P.get("growth")
    factors = np.ones(Y)
    if G is not None:
        post = growth_posterior(G, B)
        out["growth"] = post
        out["reference_path"] = G["reference_level"] + np.arange(Y + 1) * G["reference_growth"]
        for y in range(Y):
            m, v = predictive(post, B + 1 + y)
            factors[y] = float(post["weights"] @ np.exp(m + 0.5 * v - out["reference_path"][y + 1]))
    out["majors"] = [dict(m, year_index=m["year"] - B - 1) for m in P["majors"]]
    out["expected"] = factors * sum(s["expected"] for s in srcs) + np.array([
        sum(m["probability"] * m["amount"] * w[y - m["year_index"]] * srcs[m["source"]]["rate"][y]
            for m in out["majors"] if 0 <= y - m["year_index"] < J) for y in range(Y)])
    return out


# --- section 4: the draws --------------------------------------------------------------------------
def gamma_sum(rng, count, cls):
    """Total of `count` projects of an aggregated class: Gamma(count*k, theta) (count*m if degenerate)."""
    m, k, theta = cls
    if theta == 0:
        return count * m
    return rng.standard_gamma(count * k) * theta  # shape 0 gives 0


def simulate(M, P, N, seed):
    rng = np.random.default_rng(seed)
    Y, n, K, L, J, S = M["Y"], M["n"], M["K"], M["L"], M["J"], M["S"]
    adv, dgs, w = M["adv"], M["drop_given_stay"], M["w"]
    sigma = P["arrival_volatility"]
    level = np.ones((Y, N))
    # 0. shocks
    if "growth" in M:
        post, G = M["growth"], P["growth"]
        k = np.searchsorted(post["cumulative"], rng.random(N), side="right")
        k = np.minimum(k, len(post["weights"]) - 1)
        m = post["mean"].shape[1]
        z = rng.standard_normal((N, m))
        block = post["mean"][k] + np.einsum("nij,nj->ni", post["chol"][k], z)  # (x_start..x_last, mu)
        observed = m - 1
        path = np.empty((Y + 1, N))
        count = min(Y + 1, observed)
        path[:count] = block[:, :count].T
        x, drift, sg = block[:, observed - 1], block[:, m - 1], post["sigma"][k]
        if Y + 1 > observed:
            steps = rng.standard_normal((Y + 1 - observed, N))
            for i in range(observed, Y + 1):
                x = x + drift + sg * steps[i - observed]
                path[i] = x
        gap = path[1:] - M["reference_path"][1:, None]
        clamp = G["arrival_log_clamp"]
        Z = np.exp(np.clip(gap, -clamp, clamp))
        expected = M["expected_initial"][:, None] + M["expected_kernel"].T @ Z
        level = np.where(expected > 0, np.exp(gap) * M["expected_unshocked"][:, None] / np.where(
            expected > 0, expected, 1), np.exp(gap))
    elif sigma > 0:
        Z = np.exp(sigma * rng.standard_normal((Y, N)) - 0.5 * sigma * sigma)
    else:
        Z = np.ones((Y, N))
    # 1. counted chain of all sources
    occ = rng.poisson(M["initial_counted"], size=(N, n)).T.copy()  # [n, N]
    entries = np.zeros((K, Y, N), dtype=np.int64)
    counted = np.zeros((S, Y, N), dtype=np.int64)
    for y in range(Y):
        for k in range(n - 1, -1, -1):
            c = occ[k]
            a = rng.binomial(c, adv[k])
            rem = c - a
            d = rng.binomial(rem, dgs[k])
            occ[k] = rem - d
            if k + 1 < n:
                occ[k + 1] += a
            entries[k + 1, y] = a
        arr = rng.poisson(Z[y] * M["counted_arrivals"][y])
        occ[0] += arr
        entries[0, y] = arr
        # 2. multinomial split of the counted landings into sources (sequential binomials)
        rest = entries[L, y].copy()
        for s in range(S):
            ls = rng.binomial(rest, M["split"][s, y])
            counted[s, y] = ls
            rest -= ls
    # 3. amounts per source and year, then the disbursement schedule
    total = np.zeros((Y, N))
    domestic = np.zeros((Y, N))
    foreign = np.zeros((Y, N))
    source_sums = np.zeros((S, Y))
    idx = np.arange(N)
    for s, src in enumerate(M["sources"]):
        sz = src["sizes"]
        landed = np.zeros((Y, N))
        for y in range(Y):
            c = counted[s, y]
            top = rng.binomial(c, sz["p_top"]) if sz["p_top"] > 0 else np.zeros(N, dtype=np.int64)
            amount = gamma_sum(rng, c - top, sz["middle"])
            n_top = int(top.sum())
            if n_top:
                u = rng.random(n_top)
                is_ln = rng.random(n_top) < sz["top_lognormal"]
                x = np.empty(n_top)
                z = -ndtri(u[is_ln] * sz["ln_survival"])
                x[is_ln] = np.exp(sz["mu"] + sz["sigma"] * z)
                x[~is_ln] = sz["pareto_start"] * u[~is_ln] ** (-sz["inv_alpha"])
                amount = amount + np.bincount(np.repeat(idx, top), weights=x, minlength=N)
            # small projects: Poisson given the shocks (marking theorem)
            small_mean = sz["q_small"] * src["initial_landings"][y] + (
                sz["q_small"] * (src["arrivals"][:y] * M["kernel"][y:0:-1]) @ Z[:y])
            small = rng.poisson(small_mean)
            landed[y] = amount + gamma_sum(rng, small, sz["small"])
        series = foreign if src["foreign"] else domestic
        for y in range(Y):
            v = src["history"][y] + sum(w[j] * landed[y - j] for j in range(min(J, y + 1)))
            iip = v * src["rate"][y] * level[y]
            series[y] += iip
            source_sums[s, y] = iip.sum()
    # 4. majors
    for m in M["majors"]:
        hit = rng.random(N) < m["probability"]
        src = M["sources"][m["source"]]
        series = foreign if src["foreign"] else domestic
        for j in range(J):
            y = m["year_index"] + j
            if 0 <= y < Y:
                series[y] += np.where(hit, m["amount"] * w[j] * src["rate"][y], 0.0)
    total = domestic + foreign
    return total, domestic, foreign, entries, source_sums


def run(P, N, seed):
    """Everything the engine's ForecastEngine.run computes that depends on the draws."""
    M = prepare(P)
    total, domestic, foreign, entries, source_sums = simulate(M, P, N, seed)
    target = P["multiplier"] * M["base_total"]
    q = np.percentile(np.concatenate([total, domestic, foreign]), [10, 50, 90], axis=1)  # numpy 'linear'
    targets = np.array(P["stage_targets"])[:, None, None]
    met = entries >= targets
    res = dict(
        mean=total.mean(axis=1), se=total.std(axis=1, ddof=1) / math.sqrt(N),
        p10=q[0, :M["Y"]], p50=q[1, :M["Y"]], p90=q[2, :M["Y"]],
        domestic_mean=domestic.mean(axis=1), foreign_mean=foreign.mean(axis=1),
        probability_at_least_target=(total >= target).mean(axis=1),
        stage_mean=entries.mean(axis=2), stage_met=met.mean(axis=2), all_met=met.all(axis=0).mean(axis=1),
        source_mean=source_sums / N)
    return M, res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("params")
    ap.add_argument("--draws", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=None, help="default: the seed in PARAMS")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--out")
    a = ap.parse_args()
    with open(a.params) as f:
        P = json.load(f)
    seed = P["seed"] if a.seed is None else a.seed
    times = []
    for _ in range(max(1, a.repeat)):
        t0 = time.perf_counter()
        M, r = run(P, a.draws, seed)
        times.append(time.perf_counter() - t0)
    gchk = P.get("growth", {}).get("check")
    if gchk:  # the posterior computed here must equal the engine's
        post = M["growth"]
        err = max(float(np.max(np.abs(post["weights"] - np.array(gchk["weights"])))),
                  float(np.max(np.abs(post["mean"] - np.array(gchk["block_mean"])))))
        if err > 1e-9:
            print(f"numpy_engine: growth posterior differs from the engine's by {err:.3g}", file=sys.stderr)
            sys.exit(1)
    chk = P.get("check")
    if chk:  # the closed form computed here must equal the engine's
        err = max(abs(M["base_total"] - chk["base_year_total"]) / chk["base_year_total"],
                  float(np.max(np.abs(M["expected"] - chk["expected"]) / np.abs(chk["expected"]))))
        if err > 1e-9:
            print(f"numpy_engine: closed-form expected path differs from the engine's by {err:.3g} (relative)",
                  file=sys.stderr)
            sys.exit(1)
    doc = dict(engine="numpy", draws=a.draws, workers=1, seed=seed, seconds=min(times), all_seconds=times,
               years=list(range(P["base_year"] + 1, P["target_year"] + 1)), base_year_total=M["base_total"],
               probability_target_met=float(r["probability_at_least_target"][-1]),
               mean=r["mean"].tolist(), se=r["se"].tolist(), p10=r["p10"].tolist(), p50=r["p50"].tolist(),
               p90=r["p90"].tolist(), expected=M["expected"].tolist(),
               numpy=np.__version__, ndtri="scipy" if _ndtri is not None else "acklam")
    text = json.dumps(doc)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks that the Swift engine and the numpy re-implementation agree in distribution and prints
the table of times and ratios (Benchmarks/forecast/run.sh calls it).

    compare.py [--md OUT.md] [--env ENV.txt] RESULTDIR...

Each RESULTDIR holds swift-w1.json, swift-w2.json, numpy.json (the output of forecast-bench and
numpy_engine.py for one number of draws) and busy-*.txt (CPU busy % before each run).

Agreement (independent random streams, so distributions are compared, not draws), per year:
  |mean_swift - mean_numpy| <= 4 * sqrt(se_swift^2 + se_numpy^2)
  |P50_swift - P50_numpy|   <= 5 * 1.2533 * sqrt(se_swift^2 + se_numpy^2)   (s.e. of a median ~ 1.25 s/sqrt N)
  P10 and P90 likewise with 6 * 1.7 * the combined s.e. (s.e. of a 10 % quantile ~ 1.7 s/sqrt N for a normal)
  the closed-form expected paths equal to 1e-9 (numpy_engine.py computes its own)
  Swift with 1 and 2 workers: bit-identical statistics.
With 10 years and 4 statistics per size, a false alarm at these widths is well below 1 %.
Exit 1 when anything disagrees.
"""
import argparse
import json
import math
import os
import sys


def median(xs):
    s = sorted(xs)
    m = len(s) // 2
    return s[m] if len(s) % 2 else 0.5 * (s[m - 1] + s[m])


def load(d, name):
    with open(os.path.join(d, name)) as f:
        return json.load(f)


def busy(d, name):
    try:
        with open(os.path.join(d, f"busy-{name}.txt")) as f:
            return f.read().strip()
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--md")
    ap.add_argument("--env")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    problems = []
    rows = []
    worst = []
    for d in a.dirs:
        sw1, sw2, npy = load(d, "swift-w1.json"), load(d, "swift-w2.json"), load(d, "numpy.json")
        N = sw1["draws"]
        for key in ("mean", "se", "p10", "p50", "p90", "probability_target_met"):
            if sw1[key] != sw2[key]:
                problems.append(f"N={N}: Swift {key} differs between 1 and 2 workers")
        for y, year in enumerate(sw1["years"]):
            e_s, e_n = sw1["expected"][y], npy["expected"][y]
            if abs(e_s - e_n) > 1e-9 * abs(e_s):
                problems.append(f"N={N} {year}: expected path {e_s} (Swift) vs {e_n} (numpy)")
            se = math.hypot(sw1["se"][y], npy["se"][y])
            z = {
                "mean": (sw1["mean"][y] - npy["mean"][y]) / se,
                "p50": (sw1["p50"][y] - npy["p50"][y]) / (1.2533 * se),
                "p10": (sw1["p10"][y] - npy["p10"][y]) / (1.7 * se),
                "p90": (sw1["p90"][y] - npy["p90"][y]) / (1.7 * se),
            }
            limit = {"mean": 4, "p50": 5, "p10": 6, "p90": 6}
            for k, v in z.items():
                worst.append((abs(v), N, year, k))
                if abs(v) > limit[k]:
                    problems.append(f"N={N} {year}: {k} Swift {sw1[k][y]:.4f} vs numpy {npy[k][y]:.4f} "
                                    f"({v:+.2f} standard errors, limit {limit[k]})")
        rows.append(dict(N=N, years=len(sw1["years"]), t1=sw1["seconds"], t2=sw2["seconds"], tn=npy["seconds"],
                         all1=sw1["all_seconds"], all2=sw2["all_seconds"], alln=npy["all_seconds"],
                         b1=busy(d, "swift-w1"), b2=busy(d, "swift-w2"), bn=busy(d, "numpy"),
                         last=(sw1["years"][-1], sw1["mean"][-1], npy["mean"][-1], sw1["p50"][-1], npy["p50"][-1],
                               sw1["se"][-1], npy["se"][-1])))
    rows.sort(key=lambda r: r["N"])
    ref = next((r for r in rows if r["N"] == 100_000), rows[-1])

    out = []
    out.append("| draws × years | Swift 1 worker (s) | Swift 2 workers (s) | numpy (s) | numpy / Swift-1 | "
               "numpy / Swift-2 | speed-up 1→2 | medians: numpy / Swift-2, 1→2 | Swift-1 µs per draw (vs 100k) | "
               "numpy µs per draw |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        per1 = r["t1"] / r["N"] * 1e6
        ref1 = ref["t1"] / ref["N"] * 1e6
        out.append(f"| {r['N']:,} × {r['years']} | {r['t1']:.3f} | {r['t2']:.3f} | {r['tn']:.3f} | "
                   f"{r['tn'] / r['t1']:.2f}× | {r['tn'] / r['t2']:.2f}× | {r['t1'] / r['t2']:.2f}× | "
                   f"{median(r['alln']) / median(r['all2']):.2f}×, {median(r['all1']) / median(r['all2']):.2f}× | "
                   f"{per1:.2f} ({per1 / ref1:.2f}) | {r['tn'] / r['N'] * 1e6:.2f} |")
    table = "\n".join(out)
    detail = ["| draws | all Swift-1 runs (s) | all Swift-2 runs (s) | all numpy runs (s) | CPU busy before (%: S1/S2/np) | "
              "last year: mean Swift / numpy (± s.e.) | P50 Swift / numpy |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        yr, ms, mn, ps, pn, ss, sn = r["last"]
        detail.append(f"| {r['N']:,} | {', '.join(f'{t:.3f}' for t in r['all1'])} | "
                      f"{', '.join(f'{t:.3f}' for t in r['all2'])} | {', '.join(f'{t:.3f}' for t in r['alln'])} | "
                      f"{r['b1']}/{r['b2']}/{r['bn']} | {yr}: {ms:.2f} / {mn:.2f} (±{ss:.2f} / ±{sn:.2f}) | "
                      f"{ps:.2f} / {pn:.2f} |")
    worst.sort(reverse=True)
    agreement = ("agree" if not problems else "DISAGREE") + \
        f": largest deviation {worst[0][0]:.2f} standard errors ({worst[0][3]}, {worst[0][2]}, N={worst[0][1]:,})"
    print(table)
    print()
    print("\n".join(detail))
    print()
    print(agreement)
    for p in problems:
        print("  " + p)
    goals = [f"numpy / Swift-2 at 100k × {ref['years']}: {ref['tn'] / ref['t2']:.2f}× (goal ≥ 5×); "
             f"numpy / Swift-1: {ref['tn'] / ref['t1']:.2f}×; ratio of the median times "
             f"{median(ref['alln']) / median(ref['all2']):.2f}× (less sensitive to a core slowed by other tenants)",
             f"speed-up 1→2 workers at 100k: {ref['t1'] / ref['t2']:.2f}× (goal ≥ 1.8×)"]
    big = rows[-1]
    if big is not ref:
        goals.append(f"linearity: Swift-1 time per draw at {big['N']:,} is {big['t1'] / big['N'] / (ref['t1'] / ref['N']):.2f}× "
                     f"that at 100k; at {rows[0]['N']:,}: {rows[0]['t1'] / rows[0]['N'] / (ref['t1'] / ref['N']):.2f}×")
    print("\n".join(goals))
    if a.md:
        env = open(a.env).read() if a.env else ""
        with open(a.md, "w") as f:
            f.write("# Forecast engine: Swift vs numpy (Benchmarks/forecast/run.sh)\n\n")
            f.write("Same model (ForecastEngine.docc/Model.md) and parameters (written by forecast-bench, read by "
                    "numpy_engine.py); times are in-process wall clock from the parameters to the per-year "
                    "statistics, best of the runs (medians of all runs in their own column). Ratios > 1: Swift is faster.\n\n")
            f.write(table + "\n\n" + "\n".join(f"- {g}" for g in goals) + "\n\n")
            f.write("Agreement (independent random streams; compare.py explains the limits): " + agreement + "\n")
            for p in problems:
                f.write(f"- {p}\n")
            f.write("\n" + "\n".join(detail) + "\n\n## Environment\n\n```\n" + env + "```\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

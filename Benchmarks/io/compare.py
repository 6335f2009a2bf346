#!/usr/bin/env python3
"""Compare binhai's and pymrio's IO results and print time / memory ratios.

Usage: compare.py [--md OUT.md] [--env ENV.txt] [--tol 1e-9] RESULTDIR...

Each RESULTDIR (one per table size, made by run.sh) holds:
  n                 the number of sectors (one line)
  binhai.json       stdout of `binhai io analyze DIR --format json` (--solver auto)
  binhai.time.K     `/usr/bin/time -v` output of binhai run K (K = 1, 2, ...)
  binhai-lu.json    the same with --solver lu (optional, with binhai-lu.time.K)
  pymrio.json       written by run_pymrio.py (the last run)
  pymrio.runK.json  the same for run K, for its in-process phase times
  pymrio.time.K     `/usr/bin/time -v` output of pymrio run K
  lu.json           run_lu.py: scipy lu_factor(I - A) timings (optional)

Time  = wall-clock time of the whole process (start to exit, CSV reading,
        computing and writing the JSON included), best (minimum) over the runs.
Peak memory = "Maximum resident set size" of the process, largest over the runs.
Also shown: pymrio's own in-process read+compute time (no interpreter start,
imports or JSON writing) and binhai's time relative to it (a stricter ratio),
and binhai's whole run relative to the best bare LU of I - A (scipy lu_factor,
same matrix; goal <= 1.15 at n >= --lu-target-n) and binhai's peak RSS relative
to one n x n float64 matrix (goal <= 1.1). binhai runs as a user runs it
(--solver auto, which solves by GMRES from 1,000 sectors without factoring);
when binhai-lu.* exist, the LU path (--solver lu) is reported beside it, and
its results are compared with pymrio's too.

Agreement: for sectors (exact), x, output_multipliers, backward_linkage,
forward_linkage and every row of multipliers (same row labels), the largest
|a - b| / max(|a|, |b|) over all entries must be <= tol (default 1e-9).
binhai's extra row VA (= VA001 + ... + VA004) is compared with the sum of
pymrio's rows. key_sectors (key / backward / forward / weak) must match the
classes given by pymrio's BL > 1 and FL > 1, except for sectors within 1e-9 of a
threshold; with unknown class names it is only reported.

A warning is printed when the machine was more than 10% busy (all processes, from
/proc/stat) in the second before a run: timings are then suspect.

Exit status: 0 if every size agrees, 1 if any disagrees, 2 on missing files.
"""
import argparse
import glob
import json
import os
import re
import sys

NUM_KEYS = ["x", "output_multipliers", "backward_linkage", "forward_linkage"]
# warn when other processes used more than this % of the CPU just before a run
BUSY_WARN = 10
# binhai's extra multiplier rows that are sums of F rows.
DERIVED_ROWS = {"VA": ["VA001", "VA002", "VA003", "VA004"]}
# key-sector classes by (BL > 1, FL > 1).
KEY_CLASSES = {(True, True): "key", (True, False): "backward",
               (False, True): "forward", (False, False): "weak"}


def parse_time_v(path):
    """(wall seconds, peak RSS kB) from GNU time -v output."""
    wall = rss = None
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("Elapsed (wall clock) time"):
                v = line.rsplit(": ", 1)[1]
                parts = [float(p) for p in v.split(":")]
                wall = 0.0
                for p in parts:
                    wall = wall * 60 + p
            elif line.startswith("Maximum resident set size"):
                rss = int(line.rsplit(": ", 1)[1])
            elif line.startswith("Exit status") and not line.endswith(": 0"):
                raise RuntimeError(f"{path}: {line}")
            elif line.startswith("Command exited with non-zero status"):
                raise RuntimeError(f"{path}: {line}")
    if wall is None or rss is None:
        raise RuntimeError(f"{path}: no wall time / max RSS found")
    return wall, rss


def runs(d, tool):
    files = sorted(glob.glob(os.path.join(d, f"{tool}.time.*")))
    if not files:
        raise FileNotFoundError(os.path.join(d, f"{tool}.time.*"))
    vals = [parse_time_v(f) for f in files]
    return min(w for w, _ in vals), max(r for _, r in vals), len(vals), [w for w, _ in vals]


def busy(d):
    """Largest CPU-busy percentage seen in the second before any run (None if unknown)."""
    vals = []
    for f in glob.glob(os.path.join(d, "*.busy.*")):
        try:
            vals.append(int(open(f).read().strip()))
        except ValueError:
            pass
    return max(vals) if vals else None


def max_rel(a, b):
    """(max relative difference, index) of two equal-length lists."""
    worst, at = 0.0, -1
    for i, (p, q) in enumerate(zip(a, b)):
        if p is None or q is None:
            return float("inf"), i
        den = max(abs(p), abs(q))
        r = 0.0 if den == 0 else abs(p - q) / den
        if r != r:  # NaN
            return float("inf"), i
        if r > worst:
            worst, at = r, i
    return worst, at


def compare(bh, py, tol):
    """Return (max rel diff, worst description, problems list, warnings list)."""
    problems, warnings = [], []
    worst, where = 0.0, ""
    if bh.get("sectors") != py["sectors"]:
        problems.append("sector lists differ")
    n = len(py["sectors"])
    pairs = []
    for k in NUM_KEYS:
        if k not in bh:
            problems.append(f"binhai JSON has no '{k}'")
            continue
        pairs.append((k, bh[k], py[k]))
    bm = bh.get("multipliers")
    if not isinstance(bm, dict):
        problems.append("binhai JSON has no 'multipliers' object")
    else:
        missing = [r for r in py["multipliers"] if r not in bm]
        if missing:
            problems.append(f"binhai multipliers lack rows {missing}")
        for r, v in py["multipliers"].items():
            if r in bm:
                pairs.append((f"multipliers[{r}]", bm[r], v))
        # Rows binhai adds as sums of F rows (e.g. VA = VA001 + ... + VA004), compared with
        # the sum of pymrio's rows (M is linear in S).
        for r in bm:
            if r in py["multipliers"]:
                continue
            parts = DERIVED_ROWS.get(r)
            if parts and all(q in py["multipliers"] for q in parts):
                total = [sum(vals) for vals in zip(*(py["multipliers"][q] for q in parts))]
                pairs.append((f"multipliers[{r}={'+'.join(parts)}]", bm[r], total))
            else:
                warnings.append(f"binhai multipliers row '{r}' not in pymrio's (not compared)")
    for name, a, b in pairs:
        if len(a) != n or len(b) != n:
            problems.append(f"{name}: length {len(a)} vs {len(b)}, expected {n}")
            continue
        r, i = max_rel(a, b)
        if r > worst or where == "":
            worst, where = r, f"{name}[{py['sectors'][i] if i >= 0 else '-'}]"
        if r > tol:
            problems.append(f"{name}: max rel diff {r:.3e} at {py['sectors'][i]} "
                            f"(binhai {a[i]!r}, pymrio {b[i]!r})")
    ks = bh.get("key_sectors")
    if not (isinstance(ks, list) and len(ks) == n):
        warnings.append("binhai JSON has no 'key_sectors' list of length n (not compared)")
    elif not set(ks) <= set(KEY_CLASSES.values()):
        warnings.append(f"key_sectors has unknown classes {sorted(set(map(str, ks)))} (not compared)")
    else:
        # Classes from pymrio's linkages; sectors within 1e-9 of a threshold are skipped.
        bl, fl = py["backward_linkage"], py["forward_linkage"]
        bad = []
        for i, c in enumerate(ks):
            if abs(bl[i] - 1) < 1e-9 or abs(fl[i] - 1) < 1e-9:
                continue
            if KEY_CLASSES[(bl[i] > 1, fl[i] > 1)] != c:
                bad.append(f"{py['sectors'][i]}: {c}, BL {bl[i]:.6f}, FL {fl[i]:.6f}")
        if bad:
            problems.append(f"key_sectors: {len(bad)} classes disagree with pymrio's linkages "
                            f"(e.g. {bad[:3]})")
    return worst, where, problems, warnings


def fmt_mb(kb):
    return f"{kb / 1024:.0f} MB"


def main():
    ap = argparse.ArgumentParser(description="compare binhai and pymrio IO results")
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--md", help="write a markdown report here")
    ap.add_argument("--env", help="text file with environment notes to put in the report")
    ap.add_argument("--tol", type=float, default=1e-9)
    ap.add_argument("--time-target", type=float, default=0.15)
    ap.add_argument("--mem-target", type=float, default=0.30)
    ap.add_argument("--target-n", type=int, default=4000)
    ap.add_argument("--lu-target", type=float, default=1.15)
    ap.add_argument("--lu-target-n", type=int, default=7987)
    ap.add_argument("--matrix-target", type=float, default=1.10)
    a = ap.parse_args()

    rows, all_ok, details = [], True, []
    for d in a.dirs:
        try:
            n = int(open(os.path.join(d, "n")).read().strip())
            with open(os.path.join(d, "binhai.json")) as fh:
                bh = json.load(fh)
            with open(os.path.join(d, "pymrio.json")) as fh:
                py = json.load(fh)
            bt, bm, bk, bts = runs(d, "binhai")
            pt, pm, pk, pts = runs(d, "pymrio")
        except (OSError, ValueError, RuntimeError) as e:
            print(f"compare: {d}: {e}", file=sys.stderr)
            return 2
        worst, where, problems, warnings = compare(bh, py, a.tol)
        solver = bh.get("diagnostics", {}).get("solver", "?")
        passes = bh.get("diagnostics", {}).get("solver_matrix_passes")
        lu_path = None
        if glob.glob(os.path.join(d, "binhai-lu.time.*")) and os.path.exists(os.path.join(d, "binhai-lu.json")):
            with open(os.path.join(d, "binhai-lu.json")) as fh:
                bl = json.load(fh)
            lt, lm, _, lts = runs(d, "binhai-lu")
            lworst, _, lproblems, _ = compare(bl, py, a.tol)
            problems += [f"--solver lu: {p}" for p in lproblems]
            lu_path = dict(t=lt, m=lm, ts=lts, worst=lworst)
        ok = not problems
        all_ok = all_ok and ok
        # pymrio's in-process phases: best over the runs (pymrio.runK.json), else pymrio.json.
        timings = []
        for f in sorted(glob.glob(os.path.join(d, "pymrio.run*.json"))) or [None]:
            if f is None:
                timings.append(py.get("timing_s", {}))
            else:
                with open(f) as fh:
                    timings.append(json.load(fh).get("timing_s", {}))
        timings = [t for t in timings if "read_and_compute" in t]
        best = min(timings, key=lambda t: t["read_and_compute"]) if timings else {}
        p_inner = best.get("read_and_compute")
        lu = None
        if os.path.exists(os.path.join(d, "lu.json")):
            with open(os.path.join(d, "lu.json")) as fh:
                lu = json.load(fh).get("best")
        matrix_kb = n * n * 8 / 1024
        rows.append(dict(n=n, bt=bt, pt=pt, tr=bt / pt, bm=bm, pm=pm, mr=bm / pm,
                         worst=worst, where=where, ok=ok, bk=bk, pk=pk,
                         p_inner=p_inner, tr_strict=(bt / p_inner) if p_inner else None,
                         bts=bts, pts=pts, timing=best, lu=lu,
                         lr=(bt / lu) if lu else None, xr=bm / matrix_kb,
                         solver=solver, passes=passes, lu_path=lu_path))
        b = busy(d)
        if b is not None and b > BUSY_WARN:
            warnings.append(f"the machine was {b}% busy in the second before a run: "
                            "other processes may have slowed the timings (run again when idle)")
        details.append((n, problems, warnings))

    hdr = ["n", "binhai time", "pymrio time", "time ratio", "binhai peak RSS",
           "pymrio peak RSS", "memory ratio", "max rel diff", "agree",
           "pymrio read+compute", "ratio vs that", "bare LU (scipy)", "binhai / LU",
           "binhai RSS / n² doubles", "binhai solver", "binhai --solver lu",
           "lu path / LU", "lu path RSS / n² doubles"]
    table = []
    for r in rows:
        table.append([
            str(r["n"]), f"{r['bt']:.2f} s", f"{r['pt']:.2f} s", f"{r['tr']:.3f}",
            fmt_mb(r["bm"]), fmt_mb(r["pm"]), f"{r['mr']:.3f}",
            f"{r['worst']:.1e}", "yes" if r["ok"] else "NO",
            f"{r['p_inner']:.2f} s" if r["p_inner"] else "-",
            f"{r['tr_strict']:.3f}" if r["tr_strict"] else "-",
            f"{r['lu']:.2f} s" if r["lu"] else "-",
            f"{r['lr']:.3f}" if r["lr"] else "-",
            f"{r['xr']:.3f}",
            r["solver"] + (f" ({r['passes']} passes)" if r["passes"] else ""),
            f"{r['lu_path']['t']:.2f} s" if r["lu_path"] else "-",
            f"{r['lu_path']['t'] / r['lu']:.3f}" if r["lu_path"] and r["lu"] else "-",
            f"{r['lu_path']['m'] / (r['n'] * r['n'] * 8 / 1024):.3f}" if r["lu_path"] else "-",
        ])
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(hdr)]
    line = lambda cells: "  ".join(c.rjust(w) for c, w in zip(cells, widths))
    print(line(hdr))
    for t in table:
        print(line(t))
    verdicts = []
    for r in rows:
        if r["n"] == a.target_n:
            verdicts.append(
                f"targets at n={r['n']}: time ratio {r['tr']:.3f} "
                f"({'meets' if r['tr'] <= a.time_target else 'MISSES'} <= {a.time_target}), "
                f"memory ratio {r['mr']:.3f} "
                f"({'meets' if r['mr'] <= a.mem_target else 'MISSES'} <= {a.mem_target})")
        if r["n"] >= a.lu_target_n and r["lr"]:
            verdicts.append(
                f"targets at n={r['n']}: binhai end to end / bare LU {r['lr']:.3f} "
                f"({'meets' if r['lr'] <= a.lu_target else 'MISSES'} <= {a.lu_target}), "
                f"peak RSS / one n x n matrix {r['xr']:.3f} "
                f"({'meets' if r['xr'] <= a.matrix_target else 'MISSES'} <= {a.matrix_target}); "
                f"solver {r['solver']}"
                + (f"; the LU path (--solver lu) / bare LU {r['lu_path']['t'] / r['lu']:.3f}"
                   if r["lu_path"] else ""))
    for v in verdicts:
        print(v)
    for n, problems, warnings in details:
        for p in problems:
            print(f"n={n}: DISAGREE: {p}")
        for w in warnings:
            print(f"n={n}: warning: {w}")
    print("results agree to {:g} relative".format(a.tol) if all_ok
          else "RESULTS DISAGREE (tolerance {:g})".format(a.tol))

    if a.md:
        out = ["# IO benchmark: binhai vs pymrio", ""]
        out.append("Same CSV folder for both tools; time = wall clock of the whole process "
                   "(best of the runs), peak memory = max RSS from `/usr/bin/time -v` "
                   "(largest over the runs). Ratios are binhai / pymrio.")
        out.append("")
        out.append("| " + " | ".join(hdr) + " |")
        out.append("|" + "|".join("---:" for _ in hdr) + "|")
        for t in table:
            out.append("| " + " | ".join(t) + " |")
        out.append("")
        for v in verdicts:
            out.append(f"- {v}")
        for r in rows:
            tm = ", ".join(f"{k} {v:.2f} s" for k, v in r["timing"].items())
            tm = (tm + " (its best run)") if tm else "-"
            lp = (f"binhai --solver lu runs {', '.join(f'{x:.2f}' for x in r['lu_path']['ts'])} s "
                  f"(max rel diff to pymrio {r['lu_path']['worst']:.1e}); " if r["lu_path"] else "")
            out.append(f"- n={r['n']}: binhai runs {', '.join(f'{x:.2f}' for x in r['bts'])} s; {lp}"
                       f"pymrio runs {', '.join(f'{x:.2f}' for x in r['pts'])} s; "
                       f"pymrio phases: {tm}; worst entry: {r['where']}")
        for n, problems, warnings in details:
            for p in problems:
                out.append(f"- n={n}: DISAGREE: {p}")
            for w in warnings:
                out.append(f"- n={n}: warning: {w}")
        out.append("")
        out.append("Agreement: " + ("all compared entries agree to {:g} relative.".format(a.tol)
                                    if all_ok else "**results disagree**."))
        if a.env and os.path.exists(a.env):
            out += ["", "## Environment", "", "```", open(a.env).read().rstrip(), "```"]
        with open(a.md, "w") as fh:
            fh.write("\n".join(out) + "\n")
        print(f"wrote {a.md}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())

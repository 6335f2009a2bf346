"""Sensitivity benchmark, peer side: SALib 1.6 driving the numpy twin of the engine.

Reads the design binhai wrote (`binhai sensitivity --design FILE`, the Saltelli design on the
Sobol' sequence that equals SALib's), evaluates every point with Benchmarks/forecast/numpy_engine.py
on the same parameters (forecast-bench --params-out: the benchmark scenario of the forecast
benchmark), in one process, then SALib's `sobol.analyze` (first order and total, 95 % intervals).

    python sensitivity_peer.py PARAMS.json DESIGN.csv DRAWS SEED OUT.json
"""
import csv
import json
import sys
import time

import numpy as np
from SALib.analyze import sobol as sobol_analyze

sys.path.insert(0, sys.argv[6] if len(sys.argv) > 6 else ".")
import numpy_engine  # noqa: E402

SOURCES = {"beijing": 0, "other_domestic": 1, "foreign": 2}


def apply(P, path, value):
    """The binhai input path onto the twin's parameter dictionary."""
    if path == "engine.arrival_volatility":
        P["arrival_volatility"] = value
    elif path == "engine.effort_scale":
        P["effort_scale"] = value
    elif path.startswith("engine.sources.") and path.endswith(".lead_rate"):
        P["sources"][SOURCES[path.split(".")[2]]]["lead_rate_multiplier"] = value
    elif path.startswith("engine.effort."):
        P["effort"][int(path.split(".")[2]) - P["base_year"] - 1] = value
    else:
        raise SystemExit(f"no mapping for input {path}")


def main():
    params, design, draws, seed, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    with open(params) as f:
        base = json.load(f)
    with open(design) as f:
        rows = list(csv.reader(f))
    names, points = rows[0], [[float(x) for x in r] for r in rows[1:]]
    t0 = time.perf_counter()
    y = {"p_target_met": [], "target_p50": []}
    for point in points:
        P = json.loads(json.dumps(base))
        for name, v in zip(names, point):
            apply(P, name, v)
        _, res = numpy_engine.run(P, draws, seed)
        y["p_target_met"].append(float(res["probability_at_least_target"][-1]))
        y["target_p50"].append(float(res["p50"][-1]))
    seconds = time.perf_counter() - t0
    problem = {"num_vars": len(names), "names": names, "bounds": [[0, 1]] * len(names)}
    result = {"seconds": seconds, "runs": len(points), "draws": draws, "inputs": names}
    for key, values in y.items():
        s = sobol_analyze.analyze(problem, np.array(values), calc_second_order=False, seed=1)
        result[key] = {"S1": list(map(float, s["S1"])), "S1_conf": list(map(float, s["S1_conf"])),
                       "ST": list(map(float, s["ST"])), "ST_conf": list(map(float, s["ST_conf"]))}
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()

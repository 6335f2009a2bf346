#!/usr/bin/env python3
"""SALib reference values for Tests/SensitivityTests (salib_fixture.json).

Produces, with SALib 1.6.0 and numpy 2.4.6 (Python 3.11):
- sobol: the Ishigami function (a = 7, b = 0.1) on a Saltelli design from SALib's own
  sampler (`SALib.sample.sobol.sample`, N = 64, first order only, scrambled, seed 7): the sample
  matrix X (N·(D+2) rows), the outputs Y, and SALib's `analyze.sobol` S1 and ST. The Swift
  estimators, given the same X and Y, must reproduce S1 and ST to 1e-12.
- morris: a function with known linear effects y = 2·x1 − 3·x2 + 0·x3 + x1·x2 on [0, 1]³ on
  SALib's Morris design (`SALib.sample.morris.sample`, N = 20 trajectories, 4 levels, seed 3),
  with SALib's `analyze.morris` mu, mu_star and sigma.
Run: python3 -m venv v && v/bin/pip install SALib==1.6.0 && v/bin/python make_salib_fixture.py
This file is not part of the Swift build (excluded in Package.swift).
"""
import json, os
import numpy as np
from SALib.sample import sobol as sobol_sample, morris as morris_sample
from SALib.analyze import sobol as sobol_analyze, morris as morris_analyze
from SALib.test_functions import Ishigami

problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}
X = sobol_sample.sample(problem, 64, calc_second_order=False, seed=7)
Y = Ishigami.evaluate(X)
S = sobol_analyze.analyze(problem, Y, calc_second_order=False, num_resamples=100, seed=7)

mproblem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[0, 1]] * 3}
MX = morris_sample.sample(mproblem, 20, num_levels=4, seed=3)
MY = 2 * MX[:, 0] - 3 * MX[:, 1] + 0 * MX[:, 2] + MX[:, 0] * MX[:, 1]
M = morris_analyze.analyze(mproblem, MX, MY, num_levels=4, num_resamples=100, seed=3)

out = {
    "provenance": "SALib 1.6.0, numpy %s; Tests/SensitivityTests/Fixtures/make_salib_fixture.py" % np.__version__,
    "sobol": {"N": 64, "D": 3, "X": X.tolist(), "Y": Y.tolist(), "S1": S["S1"].tolist(), "ST": S["ST"].tolist()},
    "morris": {"r": 20, "levels": 4, "X": MX.tolist(), "Y": MY.tolist(),
               "mu": M["mu"].tolist(), "mu_star": M["mu_star"].tolist(), "sigma": M["sigma"].tolist()},
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "salib_fixture.json")
json.dump(out, open(path, "w"), indent=1)
print("S1", S["S1"], "ST", S["ST"]); print("mu*", M["mu_star"], "sigma", M["sigma"])

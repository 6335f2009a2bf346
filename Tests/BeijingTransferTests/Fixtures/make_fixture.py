#!/usr/bin/env python3
# Fixture for Tests/BeijingTransferTests/NumpyFixture.swift: the default tiers of the
# beijing-transfer module recomputed INDEPENDENTLY with numpy (np.linalg.inv for the fundamental
# matrix N, matrix_power for the yearly flows in cohort form), and the progress quantiles of a
# small synthetic draw set with numpy.percentile (linear, the default), not copied from the
# module's output.
#
# Produces: on standard output, the Swift source of `enum NumpyFixture` (defaultTiers,
# eighteenTeams, progress); paste it over `enum NumpyFixture` in NumpyFixture.swift. It reads and
# writes no files.
#
# Library versions: the values in NumpyFixture.swift were recorded with numpy 2.4.6. Re-run with
# Python 3.11.7 and numpy 2.4.6 the output agrees with them to the last digit (two relocation
# values differ in the 16th significant digit, far inside the tests' 1e-12 tolerance).
#
# Run (from anywhere; numpy only, e.g. the benchmarks' venv):
#     Benchmarks/.venv/bin/python Tests/BeijingTransferTests/Fixtures/make_fixture.py
#
# This file is not part of the Swift build: the BeijingTransferTests target excludes it in Package.swift.
import numpy as np

YEARS = 5  # forecast years 2021..2025 (ModuleContext.testing: base 2020, target 2025)
TIERS = {  # id: (initial [cand, contacted, negotiating, signed], new per year, advance, withdraw)
    "central_soe": ([150, 88, 66, 44], 60, [0.35, 0.45, 0.50, 0.70], [0.05, 0.15, 0.10, 0.05]),
    "zgc_tech":    ([150, 125, 83, 44], 90, [0.50, 0.40, 0.45, 0.80], [0.10, 0.20, 0.15, 0.05]),
    "market":      ([180, 111, 81, 40], 90, [0.40, 0.40, 0.40, 0.75], [0.10, 0.25, 0.15, 0.05]),
}

def chain(adv, wd, teams_ratio=1.0):
    adv, wd = np.array(adv, float), np.array(wd, float)
    p = adv[0]
    p2 = 1 - (1 - p) ** teams_ratio          # work-team formula
    wd[0] = wd[0] * (1 - p2) / (1 - p)        # candidates not contacted keep their withdrawal rate
    adv[0] = p2
    Q = np.zeros((4, 4)); R = np.zeros((4, 2))
    for s in range(4):
        Q[s, s] = 1 - adv[s] - wd[s]
        if s < 3: Q[s, s + 1] = adv[s]
        else: R[s, 0] = adv[s]
        R[s, 1] = wd[s]
    return Q, R, adv[0], wd[0]

def swift(v):
    return repr(float(v))

def swift_list(xs):
    return "[" + ", ".join(swift(x) for x in xs) + "]"

def report(name, ratio):
    print(f"    /// Work-team ratio {ratio}.")
    print(f"    static let {name}: [String: TierFixture] = [")
    for tid, (init, new, adv, wd) in TIERS.items():
        Q, R, p, w = chain(adv, wd, ratio)
        N = np.linalg.inv(np.eye(4) - Q)
        t = N @ np.ones(4)
        B = N @ R
        # cohort form with matrix powers: a unit starting in state i relocates in its (k+1)-th
        # year with probability (Q^k R)[i, 0]; new candidates join at the start of years 2..YEARS
        f = [np.linalg.matrix_power(Q, k) @ R[:, 0] for k in range(YEARS)]
        init = np.array(init, float)
        expected = [init @ f[y] + sum(new * f[y - c][0] for c in range(1, y + 1)) for y in range(YEARS)]
        print(f'        "{tid}": TierFixture(')
        print(f"            contact: {swift(p)}, withdrawCandidate: {swift(w)},")
        print(f"            n: [{', '.join(swift_list(r) for r in N)}],")
        print(f"            t: {swift_list(t)},")
        print(f"            b: [{', '.join(swift_list(r) for r in B)}],")
        print(f"            relocations: {swift_list(expected)},")
        # P(a candidate has relocated by the end of year YEARS) = (sum_{k<YEARS} Q^k R)[0, 0]
        print(f"            candidateRelocatedWithinYears: {swift(sum(f)[0])}),")
    print("    ]")

print("enum NumpyFixture {")
report("defaultTiers", 1.0)
report("eighteenTeams", 18 / 12)

# Progress: 3 forecast years x 6 draws of the beijing source (亿元), cumulated from the 2nd year
# with 100 亿元 achieved before, quantiles as numpy.percentile (linear interpolation).
draws = np.array([[500, 520, 480, 610, 450, 700],
                  [530, 560, 470, 640, 400, 720],
                  [560, 600, 455, 700, 380, 760]], float)
cum = 100 + np.cumsum(draws[1:], axis=0)
print("    /// Progress rows 2022, 2023: mean, P10, P50, P90, P(>= 1300).")
print("    static let progress: [[Double]] = [")
for row in cum:
    print("        " + swift_list([row.mean(), np.percentile(row, 10), np.percentile(row, 50), np.percentile(row, 90), np.mean(row >= 1300)]) + ",")
print("    ]")
print("}")

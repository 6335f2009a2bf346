// Values for the default tiers of beijing-transfer computed INDEPENDENTLY with numpy
// (np.linalg.inv for N, matrix_power for the yearly flows in cohort form, np.percentile for the
// progress quantiles), not copied from the module's output. The generating script is kept
// below; to regenerate, extract and run it:
//   sed -n '/^BEGIN make_fixture.py$/,/^END make_fixture.py$/p' NumpyFixture.swift | sed '1d;$d' > /tmp/make_fixture.py
//   Benchmarks/.venv/bin/python /tmp/make_fixture.py
// and paste its output over `enum NumpyFixture` below.

/*
BEGIN make_fixture.py
# Fixture for Tests/BeijingTransferTests/NumpyFixture.swift: the default tiers of the
# beijing-transfer module recomputed with numpy (matrix inverse and matrix powers), and the
# progress quantiles of a small synthetic draw set with numpy.percentile (linear, the default).
# Run: python make_fixture.py  (numpy only); paste its output into NumpyFixture.swift.
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
END make_fixture.py
*/

/// N, t = N·1, B = N·R, the contact probabilities after the work-team effect, the expected
/// relocations in 2021…2025 and P(a candidate has relocated by the end of 2025) of one tier,
/// from numpy.
struct TierFixture {
    let contact: Double
    let withdrawCandidate: Double
    let n: [[Double]]
    let t: [Double]
    let b: [[Double]]
    let relocations: [Double]
    let candidateRelocatedWithinYears: Double
}

enum NumpyFixture {
    /// Work-team ratio 1.0.
    static let defaultTiers: [String: TierFixture] = [
        "central_soe": TierFixture(
            contact: 0.35, withdrawCandidate: 0.05,
            n: [[2.5, 1.4583333333333335, 1.09375, 0.7291666666666667], [0.0, 1.6666666666666667, 1.25, 0.8333333333333334], [0.0, 0.0, 1.6666666666666667, 1.1111111111111112], [0.0, 0.0, 0.0, 1.3333333333333333]],
            t: [5.78125, 3.75, 2.7777777777777777, 1.3333333333333333],
            b: [[0.5104166666666667, 0.4895833333333333], [0.5833333333333334, 0.4166666666666667], [0.7777777777777778, 0.22222222222222224], [0.9333333333333332, 0.06666666666666667]],
            relocations: [30.799999999999997, 30.799999999999997, 30.8, 30.752750000000002, 30.703137500000008],
            candidateRelocatedWithinYears: 0.14608125),
        "zgc_tech": TierFixture(
            contact: 0.5, withdrawCandidate: 0.1,
            n: [[1.6666666666666667, 1.3888888888888888, 0.925925925925926, 0.4901960784313725], [0.0, 1.6666666666666665, 1.1111111111111112, 0.588235294117647], [0.0, 0.0, 1.6666666666666667, 0.8823529411764705], [0.0, 0.0, 0.0, 1.176470588235294]],
            t: [4.4716775599128535, 3.366013071895425, 2.549019607843137, 1.176470588235294],
            b: [[0.392156862745098, 0.607843137254902], [0.4705882352941176, 0.5294117647058824], [0.7058823529411764, 0.29411764705882354], [0.9411764705882352, 0.0588235294117647]],
            relocations: [35.2, 35.160000000000004, 35.226000000000006, 35.264700000000005, 35.282025000000004],
            candidateRelocatedWithinYears: 0.16920000000000002),
        "market": TierFixture(
            contact: 0.4, withdrawCandidate: 0.1,
            n: [[2.0, 1.2307692307692308, 0.895104895104895, 0.4475524475524475], [0.0, 1.5384615384615383, 1.1188811188811187, 0.5594405594405594], [0.0, 0.0, 1.8181818181818181, 0.9090909090909091], [0.0, 0.0, 0.0, 1.25]],
            t: [4.573426573426573, 3.216783216783216, 2.727272727272727, 1.25],
            b: [[0.3356643356643356, 0.6643356643356644], [0.41958041958041953, 0.5804195804195804], [0.6818181818181818, 0.3181818181818182], [0.9375, 0.0625]],
            relocations: [30.0, 30.300000000000004, 30.315, 30.27975, 30.249187500000005],
            candidateRelocatedWithinYears: 0.12000000000000004),
    ]
    /// Work-team ratio 1.5.
    static let eighteenTeams: [String: TierFixture] = [
        "central_soe": TierFixture(
            contact: 0.4759532463605942, withdrawCandidate: 0.04031128874149276,
            n: [[1.9369914685351348, 1.5365289627034537, 1.1523967220275904, 0.7682644813517269], [0.0, 1.6666666666666667, 1.25, 0.8333333333333334], [0.0, 0.0, 1.6666666666666667, 1.1111111111111112], [0.0, 0.0, 0.0, 1.3333333333333333]],
            t: [5.394181634617906, 3.75, 2.7777777777777777, 1.3333333333333333],
            b: [[0.5377851369462088, 0.46221486305379134], [0.5833333333333334, 0.4166666666666667], [0.7777777777777778, 0.22222222222222224], [0.9333333333333332, 0.06666666666666667]],
            relocations: [30.799999999999997, 30.799999999999997, 30.8, 33.728395445269044, 35.49588625385331],
            candidateRelocatedWithinYears: 0.18993549014009814),
        "zgc_tech": TierFixture(
            contact: 0.6464466094067263, withdrawCandidate: 0.07071067811865475,
            n: [[1.3943942526898032, 1.5023357280459153, 1.0015571520306101, 0.530236139310323], [0.0, 1.6666666666666665, 1.1111111111111112, 0.588235294117647], [0.0, 0.0, 1.6666666666666667, 0.8823529411764705], [0.0, 0.0, 0.0, 1.176470588235294]],
            t: [4.428523272076651, 3.366013071895425, 2.549019607843137, 1.176470588235294],
            b: [[0.42418891144825843, 0.5758110885517416], [0.4705882352941176, 0.5294117647058824], [0.7058823529411764, 0.29411764705882354], [0.9411764705882352, 0.0588235294117647]],
            relocations: [35.2, 35.160000000000004, 35.226000000000006, 38.42794676318529, 39.81446007238897],
            candidateRelocatedWithinYears: 0.2078515585177539),
        "market": TierFixture(
            contact: 0.53524199845511, withdrawCandidate: 0.07745966692414834,
            n: [[1.6321156877891079, 1.3439644037571974, 0.9774286572779618, 0.4887143286389809], [0.0, 1.5384615384615383, 1.1188811188811187, 0.5594405594405594], [0.0, 0.0, 1.8181818181818181, 0.9090909090909091], [0.0, 0.0, 0.0, 1.25]],
            t: [4.4422230774632485, 3.216783216783216, 2.727272727272727, 1.25],
            b: [[0.3665357464792357, 0.6334642535207643], [0.41958041958041953, 0.5804195804195804], [0.6818181818181818, 0.3181818181818182], [0.9375, 0.0625]],
            relocations: [30.0, 30.300000000000004, 30.315, 33.20097716663037, 34.788672277753584],
            candidateRelocatedWithinYears: 0.15333387978371543),
    ]
    /// Progress rows 2022, 2023: mean, P10, P50, P90, P(>= 1300).
    static let progress: [[Double]] = [
        [653.3333333333334, 535.0, 645.0, 780.0, 0.0],
        [1229.1666666666667, 952.5, 1225.0, 1510.0, 0.3333333333333333],
    ]
}

#!/usr/bin/env python3
# Independent computation of the industry-chain module's NBS 2020 42-sector values with numpy
# (brute-force re-solves, no closed forms), for Tests/IndustryChainTests/NBSChainFixture.swift.
# It forms L = inv(I - A) and the Ghosh inverse explicitly and re-solves the economy with each
# chain extracted, where the module uses LU solves and Woodbury closed forms.
#
# Reads: the embedded NBS 2020 42-sector table (Sources/Datasets/Resources/nbs-2020-42/{Z,Y,F,x}.csv)
# and the binhai-default concordance (Sources/Datasets/Resources/binhai-default/concordance.csv).
# Produces: on standard output, per 1+3+4 chain its output X_k (亿元), output and value-added
# multipliers, backward/forward linkage, brute-force extraction losses (亿元) and top supplier;
# output, VA and imports per 亿元 of investment through FU201; the operation phase of a 100 亿元
# project in intelligent_tech and in new_energy; the Type I output multipliers of sectors
# 11, 16, 18, 20, 31. These are the values pasted into `enum NBSChainFixture` in NBSChainFixture.swift.
#
# Library versions: the values in NBSChainFixture.swift were recorded with numpy 2.4.6. Re-run with
# Python 3.11.7 and numpy 2.4.6 the output agrees with them to about 1e-14 relative (the last one or
# two digits depend on the BLAS/LAPACK kernels numpy runs), inside the tests' tolerances.
#
# Run (from anywhere; numpy only, e.g. the benchmarks' venv):
#     Benchmarks/.venv/bin/python Tests/IndustryChainTests/Fixtures/nbs_chain_fixture.py
#
# This file is not part of the Swift build: the IndustryChainTests target excludes it in Package.swift.
import csv, os, numpy as np
np.set_printoptions(legacy="1.25")  # print numpy scalars as plain numbers, as recorded (numpy >= 2)
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
io = os.path.join(ROOT, "Sources/Datasets/Resources/nbs-2020-42/")
ds = os.path.join(ROOT, "Sources/Datasets/Resources/binhai-default/")
def table(path):
    rows = list(csv.reader(open(path, encoding="utf-8-sig")))
    return rows[0][1:], [r[0] for r in rows[1:]], np.array([[float(v) for v in r[1:]] for r in rows[1:]])
codes, _, Z = table(io + "Z.csv")
ylab, _, Y = table(io + "Y.csv")
_, flab, F = table(io + "F.csv")
_, _, X = table(io + "x.csv"); x = X[:, 0]
n = len(codes); idx = {c: i for i, c in enumerate(codes)}
A = Z / x; I = np.eye(n); L = np.linalg.inv(I - A)
m = L.sum(axis=0); BL = m / m.mean()
G = np.linalg.inv(I - Z / x[:, None]); g = G.sum(axis=1); FL = g / g.mean()
va = sum(F[flab.index(r)] for r in flab if r.startswith("VA")) / x
imp = F[flab.index("IMPORTED_INTERMEDIATE")] / x
conc = {}
for r in csv.DictReader(open(ds + "concordance.csv", encoding="utf-8")):
    conc.setdefault(r["industry"], []).append((idx[r["io_code"]], float(r["share"])))
chains = ["intelligent_tech", "biomedicine", "new_energy", "new_materials", "equipment", "petrochemicals", "automotive", "aerospace"]
y = Z.sum(axis=1) * 0 + (x - Z.sum(axis=1))      # final demand consistent with x
vprim = x - Z.sum(axis=0)                          # primary inputs (Ghosh)
T = x.sum()
def backward_loss(members):
    Ab = A.copy()
    for j, c in members: Ab[:, j] *= (1 - c)
    return T - np.linalg.solve(I - Ab, y).sum()
def forward_loss(members):
    B = Z / x[:, None]
    for j, c in members: B[j, :] *= (1 - c)
    return T - np.linalg.solve((I - B).T, vprim).sum()
print("// chain: X_yi, outputMult, vaMult, BL, FL, backwardLoss_yi, forwardLoss_yi, topSupplier")
for k in chains:
    w = np.zeros(n)
    for j, c in conc[k]: w[j] = c * x[j]
    X_k = w.sum(); w /= X_k
    req = L @ w - w
    out = [k, X_k / 1e4, m @ w, (va @ L) @ w, BL @ w, FL @ w,
           backward_loss(conc[k]) / 1e4, forward_loss(conc[k]) / 1e4,
           codes[max((i for i in range(n) if all(i != j for j, _ in conc[k])), key=lambda i: req[i])]]
    print(out)
b = Y[:, ylab.index("FU201")]; b = b / b.sum()
dx = L @ (b * 1e4)                                 # 1 亿元 of investment, 万元
print("// per 亿元 of investment via FU201: output, VA, imports (亿元)")
print([dx.sum() / 1e4, va @ dx / 1e4, imp @ dx / 1e4])
print("// 100 亿元 project, operation phase (output 100 亿元/yr): output, VA, imports (亿元)")
for k in ["intelligent_tech", "new_energy"]:
    w = np.zeros(n)
    for j, c in conc[k]: w[j] = c * x[j]
    d = L @ (w / w.sum() * 100 * 1e4)
    print(k, [d.sum() / 1e4, va @ d / 1e4, imp @ d / 1e4])
print("// output multipliers 11, 16, 18, 20, 31:", [m[idx[c]] for c in ["11", "16", "18", "20", "31"]])

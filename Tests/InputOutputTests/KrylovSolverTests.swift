import Datasets
import Foundation
import NumericTestSupport
import Testing
@testable import InputOutput
import LinearAlgebra

/// The GMRES path of `LeontiefModel` (`LeontiefSolverChoice.krylov`) against the LU path on the
/// same tables. The fixture checks against numpy/pymrio for both solvers are in NBS2020Tests;
/// here: which solver `.automatic` picks, agreement on a table large enough for it to pick
/// GMRES, the exact condition number, the fallbacks, and the model-level API.
@Suite struct KrylovSolverTests {
    /// A productive random table the way Benchmarks/io/gen_table.py makes one: A ≥ 0 with ~60 %
    /// non-zeros, column sums uniform in [0.3, 0.8] (so ρ(A) ≤ 0.8), y > 0, x = L·y by LU,
    /// Z = A·x̂; F = two factor rows.
    static func randomTable(_ n: Int, seed: UInt64) throws -> IOTable {
        var rng = SplitMix64(seed: seed)
        var a = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var column = (0..<n).map { i in i == j || rng.uniform() < 0.6 ? rng.uniform() * rng.uniform() : 0 }
            let s = column.reduce(0, +)
            let target = 0.3 + 0.5 * rng.uniform()
            column = column.map { $0 * target / s }
            for i in 0..<n { a[i, j] = column[i] }
        }
        var iMinusA = Matrix.identity(n)
        for k in 0..<(n * n) { iMinusA.elements[k] -= a.elements[k] }
        let y = (0..<n).map { _ in 100 + 1000 * rng.uniform() }
        let x = try LUFactorization(iMinusA).solve(y)
        var z = a
        for j in 0..<n { for i in 0..<n { z[i, j] *= x[j] } }
        var f = Matrix(rows: 2, columns: n)
        for j in 0..<n {
            f[0, j] = x[j] * (0.1 + 0.3 * rng.uniform())
            f[1, j] = x[j] * rng.uniform() * 1e-3
        }
        return try IOTable(
            sectors: (0..<n).map { Sector(code: "S\($0 + 1)") }, intermediate: z,
            finalDemand: Matrix(column: y), finalDemandLabels: ["Y"], factors: f,
            factorLabels: ["VA", "EMP"], grossOutput: x)
    }

    @Test func automaticPicksBySizeAndNeed() {
        let auto = LeontiefSolverChoice.automatic
        #expect(auto.resolved(sectors: 999, formsInverse: false) == .factorization)
        #expect(auto.resolved(sectors: 1000, formsInverse: false) == .krylov)
        #expect(auto.resolved(sectors: 5000, formsInverse: true) == .factorization)
        #expect(LeontiefSolverChoice.krylov.resolved(sectors: 10, formsInverse: true) == .krylov)
        #expect(LeontiefSolverChoice.factorization.resolved(sectors: 8000, formsInverse: false) == .factorization)
    }

    /// n = 1,100: `.automatic` solves by GMRES, and every reported number agrees with the LU's.
    /// cond₁(I − A) ≤ 1.8 / (1 − 0.8) = 9 here, so residuals of 1e-13 bound relative errors
    /// by ~1e-12; 1e-11 leaves a margin.
    @Test func largeTableAgreesWithLU() throws {
        let table = try Self.randomTable(1100, seed: 21)
        let demand = try DemandScenarios(
            labels: ["d"], changes: Matrix(column: (0..<1100).map { Double($0 % 5) }))
        let g = try IOAnalysis.analyze(table, options: IOAnalysisOptions(demandChange: demand))
        let l = try IOAnalysis.analyze(table, options: IOAnalysisOptions(demandChange: demand, solver: .factorization))
        #expect(g.diagnostics.solver.method == .gmres)
        #expect(l.diagnostics.solver.method == .luFactorization)
        #expect(try #require(g.diagnostics.solver.largestRelativeResidual) <= 1e-13)
        #expect(try #require(g.diagnostics.solver.matrixPasses) < 40)
        #expect(allClose(g.outputMultipliers, l.outputMultipliers, relative: 1e-11))
        #expect(allClose(g.ghoshRowSums, l.ghoshRowSums, relative: 1e-11))
        for (a, b) in zip(g.multipliers, l.multipliers) {
            #expect(a.label == b.label)
            #expect(allClose(a.values, b.values, relative: 1e-11), "\(a.label)")
        }
        #expect(g.keySectors == l.keySectors)
        let pg = g.diagnostics.productivity, pl = l.diagnostics.productivity
        #expect(isClose(try #require(pg.spectralRadiusUpperBound), try #require(pl.spectralRadiusUpperBound), relative: 1e-11))
        #expect(allClose(
            try #require(g.demandChange).outputChange.elements, try #require(l.demandChange).outputChange.elements,
            relative: 1e-11))
    }

    /// With GMRES the reciprocal condition number is exact: 1 / (‖I − A‖₁·‖L‖₁) with L formed
    /// explicitly (LAPACK dgetri through the LU model). dgecon's estimate of ‖L‖₁ is never above
    /// the true norm, so the LU's rcond is never below the exact one.
    @Test func conditionNumberIsExact() throws {
        let table = try IOFolderReader.read(try EmbeddedDatasets.nbs2020_42)
        let g = try LeontiefModel(table, solver: .krylov)
        let lu = try LeontiefModel(table)
        let l = try lu.leontiefInverse()
        let n = table.sectorCount
        var normL = 0.0, normM = 0.0
        let x = table.grossOutput
        for j in 0..<n {
            var s = 0.0, t = 0.0
            for i in 0..<n {
                s += abs(l[i, j])
                t += abs((i == j ? 1 : 0) - (x[j] > 0 ? table.intermediate[i, j] / x[j] : 0))
            }
            normL = max(normL, s)
            normM = max(normM, t)
        }
        let exact = 1 / (normM * normL)
        #expect(g.solverReport.method == .gmres)
        #expect(isClose(g.productivity.reciprocalConditionNumber, exact, relative: 1e-12))
        #expect(lu.productivity.reciprocalConditionNumber >= exact * (1 - 1e-12))
        // The model-level API answers the same with either solver.
        #expect(allClose(try g.leontiefInverse().elements, l.elements, relative: 1e-12, absolute: 1e-15))
        let b = Matrix(column: (0..<n).map { Double($0) })
        #expect(allClose(try g.leontiefTimes(b).elements, try lu.leontiefTimes(b).elements, relative: 1e-11))
        #expect(allClose(
            try g.leontiefTransposeTimes(b).elements, try lu.leontiefTransposeTimes(b).elements, relative: 1e-11))
    }

    /// An idle sector (x = 0, no flows: an identity column of I − A) and Miller & Blair's Table 2.3
    /// around it: GMRES gives the textbook multipliers 1.518152 and 1.452145 and 1 for the idle one.
    @Test func idleSectorWithGMRES() throws {
        let idle = try IOTable(
            sectors: [Sector(code: "a"), Sector(code: "idle"), Sector(code: "b")],
            intermediate: try Matrix([[150, 0, 500], [0, 0, 0], [200, 0, 100]]),
            finalDemand: try Matrix([[350], [0], [1700]]), finalDemandLabels: ["f"])
        let r = try IOAnalysis.analyze(idle, options: IOAnalysisOptions(solver: .krylov))
        #expect(r.diagnostics.solver.method == .gmres)
        #expect(r.diagnostics.idleSectors == ["idle"])
        #expect(allClose(r.outputMultipliers, [1.518152, 1, 1.452145], relative: 0, absolute: 5e-7))
        #expect(r.ghoshRowSums[1] == 1)
    }

    /// A negative coefficient: GMRES is not used (the exact ‖L‖₁ and the Collatz–Wielandt proof
    /// need A ≥ 0); the LU answers and the report says why.
    @Test func negativeCoefficientsFallBackToLU() throws {
        let table = try IOTable(
            sectors: [Sector(code: "a"), Sector(code: "b"), Sector(code: "c")],
            intermediate: try Matrix([[100, 50, -20], [30, 200, 40], [10, 20, 150]]),
            finalDemand: try Matrix([[870], [730], [820]]), finalDemandLabels: ["f"])
        let r = try IOAnalysis.analyze(table, options: IOAnalysisOptions(solver: .krylov))
        let l = try IOAnalysis.analyze(table, options: IOAnalysisOptions(solver: .factorization))
        #expect(r.diagnostics.solver.method == .luFactorization)
        #expect(r.diagnostics.solver.fallbackReason == "A has negative entries")
        #expect(l.diagnostics.solver.fallbackReason == nil)
        #expect(r.outputMultipliers == l.outputMultipliers)
    }
}

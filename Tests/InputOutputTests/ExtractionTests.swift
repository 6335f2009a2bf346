import Foundation
import Testing
@testable import InputOutput
import LinearAlgebra
import NumericTestSupport

/// Closed forms of hypothetical extraction, Ghosh row sums and Type II against brute force on a
/// 4-sector table (every quantity recomputed from its definition with a fresh factorisation).
@Suite struct ExtractionTests {
    let z = try! Matrix([
        [120, 40, 300, 10],
        [60, 200, 90, 45],
        [15, 80, 50, 120],
        [200, 10, 25, 30],
    ])
    let y = try! Matrix([[400, 100], [300, 250], [500, 80], [150, 40]])
    let f = try! Matrix([[300, 420, 350, 200], [80, 150, 110, 60]])

    func table() throws -> IOTable {
        try IOTable(
            sectors: (1...4).map { Sector(code: "s\($0)") }, intermediate: z, finalDemand: y,
            finalDemandLabels: ["TC", "EX"], factors: f, factorLabels: ["W", "OVA"])
    }

    var x: [Double] { zip(z.rowSums, y.rowSums).map { $0 + $1 } }

    func solve(_ m: Matrix, _ b: [Double], _ t: Transpose = .none) throws -> [Double] {
        try LUFactorization(m).solve(b, t)
    }

    @Test func extractionClosedFormsMatchBruteForce() throws {
        let r = try IOAnalysis.analyze(try table(), options: IOAnalysisOptions(extraction: true))
        let e = try #require(r.extraction)
        let n = 4, x = self.x, total = x.reduce(0, +)
        let yTotal = y.rowSums
        for j in 0..<n {
            // Backward: column j of A zeroed, y fixed.
            var ia = Matrix.identity(n)
            for c in 0..<n where c != j {
                for i in 0..<n { ia[i, c] -= z[i, c] / x[c] }
            }
            let xb = try solve(ia, yTotal)
            #expect(isClose(e.backwardLoss[j], total - xb.reduce(0, +), relative: 1e-10), "backward \(j)")
            // Forward: row j of B zeroed, v' = x'(I − B) fixed; x̄' = v'(I − B̄)⁻¹.
            var ib = Matrix.identity(n)
            var v = x
            for i in 0..<n {
                for c in 0..<n {
                    let b = z[i, c] / x[i]
                    v[c] -= x[i] * b
                    if i != j { ib[i, c] -= b }
                }
            }
            let xf = try solve(ib, v, .transposed)
            #expect(isClose(e.forwardLoss[j], total - xf.reduce(0, +), relative: 1e-10), "forward \(j)")
        }
        #expect(e.backwardLoss.allSatisfy { $0 > 0 } && e.forwardLoss.allSatisfy { $0 > 0 })
        #expect(allClose(e.backwardLossShare, e.backwardLoss.map { $0 / total }, relative: 1e-15))
    }

    @Test func ghoshAndLinkagesFromDefinitions() throws {
        let r = try IOAnalysis.analyze(
            try table(), options: IOAnalysisOptions(includeLeontiefInverse: true, includeGhoshInverse: true))
        let n = 4, x = self.x
        var ib = Matrix.identity(n)
        for i in 0..<n { for c in 0..<n { ib[i, c] -= z[i, c] / x[i] } }
        let g = try LUFactorization(ib).inverse()
        let l = try #require(r.leontiefInverse)
        #expect(allClose(try #require(r.ghoshInverse).elements, g.elements, relative: 1e-12))
        let gsum = g.rowSums.reduce(0, +), lsum = l.columnSums.reduce(0, +)
        #expect(allClose(r.forwardLinkage, g.rowSums.map { $0 / (gsum / 4) }, relative: 1e-12))
        #expect(allClose(r.backwardLinkage, l.columnSums.map { $0 / (lsum / 4) }, relative: 1e-12))
        for j in 0..<n {
            #expect(r.keySectors[j] == KeySectorClass(backward: r.backwardLinkage[j], forward: r.forwardLinkage[j]))
        }
        // M = S·L.
        var s = f
        for j in 0..<n { for k in 0..<2 { s[k, j] /= x[j] } }
        let m = try Matrix.product(s, l)
        for (k, row) in r.multipliers.enumerated() {
            #expect(allClose(row.values, m.row(k), relative: 1e-12))
        }
    }

    @Test func typeIIAgainstAugmentedSystem() throws {
        let r = try IOAnalysis.analyze(try table(), options: IOAnalysisOptions(households: HouseholdClosure(incomeRow: "W", consumptionColumn: "TC")))
        let t2 = try #require(r.typeII)
        let n = 4, x = self.x
        let w = f.row(0).reduce(0, +)
        var ia = Matrix.identity(n + 1)
        for i in 0..<n {
            for c in 0..<n { ia[i, c] -= z[i, c] / x[c] }
            ia[i, n] -= y[i, 0] / w
            ia[n, i] -= f[0, i] / x[i]
        }
        let lbar = try LUFactorization(ia).inverse()
        let m2 = (0..<n).map { j in (0..<n).reduce(0.0) { $0 + lbar[$1, j] } }
        #expect(allClose(t2.outputMultipliers, m2, relative: 1e-12))
        #expect(allClose(t2.householdIncomeMultipliers, (0..<n).map { lbar[n, $0] }, relative: 1e-12))
        for (k, row) in t2.multipliers.enumerated() {
            let expected = (0..<n).map { j in (0..<n).reduce(0.0) { $0 + f[k, $1] / x[$1] * lbar[$1, j] } }
            #expect(allClose(row.values, expected, relative: 1e-12), "\(row.label)")
        }
    }

    @Test func demandChangeAgainstInverse() throws {
        let dy = try Matrix([[10, 0, -5], [0, 20, 0], [3, 0, 0], [0, 0, 7]])
        let r = try IOAnalysis.analyze(
            try table(), options: IOAnalysisOptions(includeLeontiefInverse: true, demandChange: try DemandScenarios(labels: ["a", "b", "c"], changes: dy)))
        let l = try #require(r.leontiefInverse)
        let d = try #require(r.demandChange)
        #expect(allClose(d.outputChange.elements, try Matrix.product(l, dy).elements, relative: 1e-12, absolute: 1e-12))
        #expect(allClose(d.totalOutputChange, try Matrix.product(l, dy).columnSums, relative: 1e-12))
    }

    @Test func negativeCoefficientsAndIdleSectors() throws {
        // One negative flow (e.g. a subsidy recorded as a negative input): productivity is
        // established through ρ(|A|) or the eigenvalues.
        var zn = z
        zn[3, 0] = -50
        let t = try IOTable(
            sectors: (1...4).map { Sector(code: "s\($0)") }, intermediate: zn, finalDemand: y,
            finalDemandLabels: ["TC", "EX"])
        let r = try IOAnalysis.analyze(t)
        #expect(r.diagnostics.productivity.hasNegativeCoefficients)
        #expect([.absoluteValueBound, .eigenvalues].contains(r.diagnostics.productivity.method))
        // A strongly expanding table with a negative entry is rejected.
        let bad = try IOTable(
            sectors: [Sector(code: "a"), Sector(code: "b")], intermediate: try Matrix([[1500, -10], [900, 10]]),
            finalDemand: try Matrix([[10], [10]]), finalDemandLabels: ["f"], grossOutput: [1000, 1000])
        let e = #expect(throws: IOAnalysisError.self) { try IOAnalysis.analyze(bad) }
        guard case .notProductive = e else { Issue.record("got \(String(describing: e))"); return }
        // An idle sector (x = 0, no flows) gets zero coefficients and unit multipliers.
        let idle = try IOTable(
            sectors: [Sector(code: "a"), Sector(code: "idle"), Sector(code: "b")],
            intermediate: try Matrix([[150, 0, 500], [0, 0, 0], [200, 0, 100]]),
            finalDemand: try Matrix([[350], [0], [1700]]), finalDemandLabels: ["f"])
        let ri = try IOAnalysis.analyze(idle, options: IOAnalysisOptions(includeGhoshInverse: true, extraction: true))
        #expect(ri.diagnostics.idleSectors == ["idle"])
        #expect(allClose(ri.outputMultipliers, [1.518152, 1, 1.452145], relative: 0, absolute: 5e-7))
        #expect(ri.ghoshRowSums[1] == 1 && ri.extraction?.backwardLoss[1] == 0)
        #expect(ri.diagnostics.warnings.contains { $0.contains("idle sectors") })
    }
}

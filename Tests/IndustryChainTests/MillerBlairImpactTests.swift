import Foundation
import InputOutput
import LinearAlgebra
import ScenarioKit
import Testing
@testable import IndustryChain

/// Known answers on Miller & Blair's two-sector table (Table 2.3), checked against L
/// written out by hand (adj(I − A) / det, det = 0.7575).
@Suite struct MillerBlairImpactTests {
    func module(_ values: [String: ParameterValue] = [:], strategy: ImpactStrategy = .automatic) throws -> IndustryChainModule {
        let (dataset, io) = try TestSupport.millerBlair()
        return try IndustryChainModule(
            parameters: TestSupport.parameters(values),
            context: TestSupport.context(dataset: dataset, io: io, industries: TestSupport.millerBlairIndustries),
            strategy: strategy)
    }

    @Test func leontiefColumnsMatchMillerBlairTable() throws {
        let m = try module()
        let columns = try LeontiefColumns(model: m.technology.model, sectors: [0, 1])
        let published = [[1.254125, 0.330033], [0.264026, 1.122112]]
        for i in 0..<2 {
            for j in 0..<2 {
                let l = try #require(columns.value(row: i, column: j))
                #expect(abs(l - published[i][j]) < 5e-7)
                #expect(TestSupport.close(l, TestSupport.leontief[i][j], relative: 1e-13))
            }
        }
    }

    /// The impact of one demand vector equals L·Δy computed by hand, in every indicator.
    @Test func oneDemandVectorEqualsLTimesDeltaY() throws {
        let m = try module()
        let dy = [1.0, 5.0]  // 亿元
        let impact = try DemandImpact(Matrix(column: dy.map { $0 * 10_000 }), technology: m.technology)
        let dx = TestSupport.leontiefTimes(dy)  // 亿元
        let expected = [
            dx[0] + dx[1],                                   // output
            0.6 * dx[0] + 0.65 * dx[1],                      // VA = (VA001 + VA004) / x
            0.05 * dx[0] + 0.05 * dx[1],                     // imports
            (0.01 * dx[0] + 0.015 * dx[1]) * 10_000,         // persons per 万元 × 万元
        ]
        #expect(m.technology.indicators.map(\.kind) == [.output, .valueAdded, .imports, .employment])
        for r in 0..<4 { #expect(TestSupport.close(impact.typeI[r, 0], expected[r], relative: 1e-12)) }
        #expect(TestSupport.close(expected[0], 6.65 / 0.7575, relative: 1e-15))
        // VA + imports = Δy in a table whose columns balance (non-competitive imports).
        #expect(TestSupport.close(impact.typeI[1, 0] + impact.typeI[2, 0], 6, relative: 1e-12))
    }

    /// Forecast investment through the FU201 bridge: b = [100, 500] / 600, so 6 亿元 buys
    /// Δy = [1, 5] 亿元.
    @Test func forecastThroughCapitalFormationColumn() throws {
        let m = try module()
        var results = ResultSet()
        try m.analyze(TestSupport.outputs(years: [2021], amounts: ["alpha": [[6]], "beta": [[0]], "other": [[0]]]), into: &results)
        let table = try #require(TestSupport.table(results, "industry-chain.impact-by-year"))
        #expect(table.columns.map(\.unit) == ["亿元", "亿元", "亿元", "亿元", "persons"])
        let dx = TestSupport.leontiefTimes([1, 5])
        let output = try #require(TestSupport.quantiles(table.rows[0].cells[1]))
        #expect(TestSupport.close(output.p50, dx[0] + dx[1], relative: 1e-12))
        let jobs = try #require(TestSupport.quantiles(table.rows[0].cells[4]))
        #expect(TestSupport.close(jobs.mean, (0.01 * dx[0] + 0.015 * dx[1]) * 10_000, relative: 1e-12))
        #expect(table.rows.count == 2)  // 2021 and the total row
    }

    /// A per-industry bridge file: alpha → 01, beta → 02, other half/half.
    @Test func perIndustryBridgeFile() throws {
        let m = try module(["bridge": .text("bridge.csv")])
        #expect(!m.bridge.isCommon)
        var results = ResultSet()
        try m.analyze(TestSupport.outputs(years: [2021], amounts: ["alpha": [[2]], "beta": [[3]], "other": [[4]]]), into: &results)
        let table = try #require(TestSupport.table(results, "industry-chain.impact-by-year"))
        let dx = TestSupport.leontiefTimes([2 + 2, 3 + 2])
        let output = try #require(TestSupport.quantiles(table.rows[0].cells[1]))
        #expect(TestSupport.close(output.mean, dx[0] + dx[1], relative: 1e-12))
    }

    /// The linearity shortcut of a common bridge and the general multi-RHS path agree.
    @Test func linearityShortcutEqualsGeneralSolve() throws {
        let outputs = TestSupport.outputs(years: [2021, 2022], amounts: [
            "alpha": [[1, 2, 3.5], [0, 4, 1]], "beta": [[2, 0, 1], [3, 1, 0.25]], "other": [[5, 6, 7], [8, 9, 10]],
        ])
        let m = try module()
        let fast = try InvestmentImpact.compute(outputs, bridge: m.bridge, technology: m.technology)
        let slow = try InvestmentImpact.compute(outputs, bridge: m.bridge, technology: m.technology, strategy: .perIndustrySolve)
        #expect(fast.usedLinearity && !slow.usedLinearity)
        for r in fast.typeI.indices {
            for c in fast.typeI[r].indices { #expect(TestSupport.close(fast.typeI[r][c], slow.typeI[r][c], relative: 1e-12)) }
        }
        for k in fast.sectorOutput.elements.indices {
            #expect(TestSupport.close(fast.sectorOutput.elements[k], slow.sectorOutput.elements[k], relative: 1e-12))
        }
    }

    /// Type II equals the closed model (I − Ā)⁻¹ with the household row and column appended,
    /// solved directly (3 × 3) instead of through the Schur complement.
    @Test func typeIIEqualsClosedModel() throws {
        let m = try module(["households": .text("VA001:TC")])
        let hr = [350.0 / 1000, 800.0 / 2000], hc = [250.0 / 1150, 1200.0 / 1150]
        let a = [[0.15, 0.25], [0.2, 0.05]]
        var closed = Matrix.identity(3)
        for i in 0..<2 {
            for j in 0..<2 { closed[i, j] -= a[i][j] }
            closed[i, 2] -= hc[i]
            closed[2, i] -= hr[i]
        }
        let dxBar = try LUFactorization(closed).solve([1, 5, 0])
        let impact = try DemandImpact(Matrix(column: [10_000, 50_000]), technology: m.technology)
        let two = try #require(impact.typeII)
        #expect(TestSupport.close(two[0, 0], dxBar[0] + dxBar[1], relative: 1e-12))
        #expect(TestSupport.close(two[1, 0], 0.6 * dxBar[0] + 0.65 * dxBar[1], relative: 1e-12))
        var results = ResultSet()
        try m.analyze(TestSupport.outputs(years: [2021], amounts: ["alpha": [[6]], "beta": [[0]], "other": [[0]]]), into: &results)
        #expect(TestSupport.table(results, "industry-chain.impact-by-year-type-ii") != nil)
    }

    /// Chain extraction (closed form, partial share) against re-solving the modified economy.
    @Test func chainExtractionMatchesBruteForce() throws {
        let m = try module()
        let y = [350.0, 1700.0], v = [650.0, 1400.0]
        func solve2(_ a: [[Double]], _ b: [Double]) -> [Double] {
            let det = a[0][0] * a[1][1] - a[0][1] * a[1][0]
            return [(a[1][1] * b[0] - a[0][1] * b[1]) / det, (a[0][0] * b[1] - a[1][0] * b[0]) / det]
        }
        for (id, sector, share) in [("alpha", 0, 1.0), ("beta", 1, 0.5)] {
            let p = try #require(m.chainAnalysis.profiles.first { $0.chain.id == id })
            // Backward: column `sector` of A scaled by (1 − share).
            var a = [[0.15, 0.25], [0.2, 0.05]]
            for i in 0..<2 { a[i][sector] *= 1 - share }
            let xb = solve2([[1 - a[0][0], -a[0][1]], [-a[1][0], 1 - a[1][1]]], y)
            #expect(TestSupport.close(p.extraction.backwardLoss, 3000 - xb[0] - xb[1], relative: 1e-12))
            // Forward: row `sector` of B = x̂⁻¹Z scaled; x̄ᵀ = vᵀ(I − B̄)⁻¹, i.e. (I − B̄)ᵀx̄ = v.
            var b = [[150.0 / 1000, 500.0 / 1000], [200.0 / 2000, 100.0 / 2000]]
            for j in 0..<2 { b[sector][j] *= 1 - share }
            let xf = solve2([[1 - b[0][0], -b[1][0]], [-b[0][1], 1 - b[1][1]]], v)
            #expect(TestSupport.close(p.extraction.forwardLoss, 3000 - xf[0] - xf[1], relative: 1e-12))
        }
        // Share 1 on one sector: the closed form of InputOutput's per-sector extraction.
        let alpha = try #require(m.chainAnalysis.profiles.first { $0.chain.id == "alpha" })
        let e = try #require(m.technology.analysis.extraction)
        #expect(TestSupport.close(alpha.extraction.backwardLoss, e.backwardLoss[0], relative: 1e-12))
        #expect(TestSupport.close(alpha.extraction.forwardLoss, e.forwardLoss[0], relative: 1e-12))
    }
}

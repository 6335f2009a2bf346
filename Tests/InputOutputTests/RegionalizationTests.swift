import Foundation
import LinearAlgebra
import NumericTestSupport
import Testing
@testable import InputOutput

/// Location-quotient regionalisation: a hand-worked 3-sector example, the properties every
/// regional table must have, and the NBS 2020 table with Binhai's weights against the numpy
/// reference (Fixtures/regionalize_reference.py → regional_fixtures.json).
@Suite struct RegionalizationTests {
    /// National A = [[0.2, 0.1, 0.05], [0.15, 0.25, 0.1], [0.05, 0.1, 0.3]], x = [100, 200, 300]
    /// (TNE = 600), regional output RE = [10, 5, 40] (TRE = 55, TRE/TNE = 0.091667).
    /// By hand: SLQ_1 = (10/55)/(100/600) = 1.0909, SLQ_2 = (5/55)/(200/600) = 0.27273,
    /// SLQ_3 = (40/55)/(300/600) = 1.45455.
    /// SLQ: row 1 and 3 keep a (SLQ ≥ 1), row 2 ×0.27273: r_21 = 0.15·0.27273 = 0.040909.
    /// CILQ_12 = SLQ_1/SLQ_2 = 4 → r_12 = 0.1 (kept); CILQ_21 = 0.25 → r_21 = 0.0375;
    /// CILQ_31 = 1.3333 → r_31 = 0.05; CILQ_13 = 0.75 → r_13 = 0.05·0.75 = 0.0375; diagonal
    /// SLQ_i: r_22 = 0.25·0.27273 = 0.068182.
    /// FLQ (δ = 0.3): λ* = log₂(1.091667)^0.3 = 0.126531^0.3 = 0.537849; r_11 = 0.2·1.0909·0.537849
    /// = 0.117349; r_12 = 0.1·min(1, 4·0.537849) = 0.1; r_21 = 0.15·0.25·0.537849 = 0.020169.
    static let a: [[Double]] = [[0.2, 0.1, 0.05], [0.15, 0.25, 0.1], [0.05, 0.1, 0.3]]
    static let x: [Double] = [100, 200, 300]

    static func table() throws -> IOTable {
        var z = Matrix(rows: 3, columns: 3)
        for i in 0..<3 { for j in 0..<3 { z[i, j] = a[i][j] * x[j] } }
        var y = Matrix(rows: 3, columns: 1)
        for i in 0..<3 { y[i, 0] = x[i] - (0..<3).reduce(0) { $0 + z[i, $1] } }
        return try IOTable(
            sectors: ["1", "2", "3"].map { Sector(code: $0) }, intermediate: z, finalDemand: y, finalDemandLabels: ["f"],
            grossOutput: x)
    }

    static func coefficients(_ t: IOTable) -> [[Double]] {
        (0..<3).map { i in (0..<3).map { j in t.intermediate[i, j] / t.grossOutput[j] } }
    }

    @Test func handWorkedThreeSectors() throws {
        let w = try RegionalWeights(outputShares: [10, 5, 40], regionToNation: 55.0 / 600)
        let slq = try Regionalization(method: .slq, nationalOutput: Self.x, weights: w)
        #expect(allClose(slq.simpleQuotients, [1.0909090909, 0.2727272727, 1.4545454545], relative: 1e-9))
        let rs = Self.coefficients(try Self.table().regionalized(slq, weights: w))
        #expect(isClose(rs[1][0], 0.15 * 0.2727272727, relative: 1e-9) && isClose(rs[0][0], 0.2, relative: 1e-12))
        let cilq = try Regionalization(method: .cilq, nationalOutput: Self.x, weights: w)
        let rc = Self.coefficients(try Self.table().regionalized(cilq, weights: w))
        #expect(isClose(rc[0][1], 0.1, relative: 1e-12) && isClose(rc[1][0], 0.0375, relative: 1e-12))
        #expect(isClose(rc[0][2], 0.0375, relative: 1e-12) && isClose(rc[2][0], 0.05, relative: 1e-12))
        #expect(isClose(rc[1][1], 0.25 * 0.2727272727, relative: 1e-9))
        let flq = try Regionalization(method: .flq(delta: 0.3), nationalOutput: Self.x, weights: w)
        #expect(isClose(flq.sizeFactor, 0.537849, relative: 1e-6))
        let rf = Self.coefficients(try Self.table().regionalized(flq, weights: w))
        #expect(isClose(rf[0][0], 0.117349, relative: 1e-5) && isClose(rf[0][1], 0.1, relative: 1e-12))
        #expect(isClose(rf[1][0], 0.020169, relative: 1e-4))
    }

    /// Regional weights equal to national ones: SLQ and CILQ leave A unchanged, FLQ scales it by λ*.
    @Test func nationalWeightsLeaveTheTable() throws {
        let w = try RegionalWeights(outputShares: Self.x, regionToNation: 0.1)
        for method in [LocationQuotient.slq, .cilq] {
            let r = Self.coefficients(try Self.table().regionalized(try Regionalization(method: method, nationalOutput: Self.x, weights: w), weights: w))
            for i in 0..<3 { for j in 0..<3 { #expect(isClose(r[i][j], Self.a[i][j], relative: 1e-12)) } }
        }
        let flq = try Regionalization(method: .flq(delta: 0.3), nationalOutput: Self.x, weights: w)
        let r = Self.coefficients(try Self.table().regionalized(flq, weights: w))
        for i in 0..<3 { for j in 0..<3 { #expect(isClose(r[i][j], flq.sizeFactor * Self.a[i][j], relative: 1e-12)) } }
    }

    /// Against the numpy reference: the 3-sector coefficients of all four methods, and the NBS
    /// 2020 42-sector table with Binhai's default weights (regional multipliers and retained share).
    @Test func numpyReference() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/regional_fixtures", withExtension: "json"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let three = try #require(root["three_sector_example"] as? [String: Any])
        let coefficients = try #require(three["regional_coefficients"] as? [String: [[Double]]])
        let w = try RegionalWeights(outputShares: [10, 5, 40], regionToNation: 55.0 / 600)
        for (name, method) in [("SLQ", LocationQuotient.slq), ("CILQ", .cilq), ("FLQ", .flq(delta: 0.3)), ("AFLQ", .aflq(delta: 0.3))] {
            let expected = try #require(coefficients[name])
            let r = Self.coefficients(try Self.table().regionalized(try Regionalization(method: method, nationalOutput: Self.x, weights: w), weights: w))
            for i in 0..<3 { for j in 0..<3 { #expect(isClose(r[i][j], expected[i][j], relative: 1e-12, absolute: 1e-15), "\(name) \(i) \(j)") } }
        }
        let nbs = try #require(root["nbs_2020_42_binhai"] as? [String: Any])
        let multipliers = try #require(nbs["regional_output_multipliers"] as? [String: [Double]])
        let national = try #require(nbs["national_output_multipliers"] as? [Double])
        let table = try IOFolderReader.read(try nbs2020())
        let weights = try BinhaiWeights.load(sectors: table.sectors)
        for (name, method) in [("SLQ", LocationQuotient.slq), ("CILQ", .cilq), ("FLQ", .flq(delta: 0.3))] {
            let r = try Regionalization(method: method, nationalOutput: table.grossOutput, weights: weights)
            let regional = try IOAnalysis.analyze(try table.regionalized(r, weights: weights))
            #expect(allClose(regional.outputMultipliers, try #require(multipliers[name]), relative: 1e-10), "\(name)")
            // Never above the national multipliers.
            for k in national.indices { #expect(regional.outputMultipliers[k] <= national[k] + 1e-12) }
        }
    }

    /// Random regional weights (seeded): the regional table is always productive and its
    /// multipliers never exceed the national ones.
    @Test func alwaysProductiveAndNeverAboveNational() throws {
        let table = try IOFolderReader.read(try nbs2020())
        let national = try IOAnalysis.analyze(table).outputMultipliers
        var rng = SplitMix64(seed: 14)
        for trial in 0..<30 {
            let shares = (0..<table.sectorCount).map { _ in rng.uniform() < 0.2 ? 0 : rng.uniform() }
            let w = try RegionalWeights(outputShares: shares, regionToNation: 0.001 + rng.uniform() * 0.5)
            let methods: [LocationQuotient] = [.slq, .cilq, .flq(delta: 0.1 + 0.3 * rng.uniform()), .aflq(delta: 0.3)]
            let method = methods[trial % methods.count]
            let r = try Regionalization(method: method, nationalOutput: table.grossOutput, weights: w)
            let regional = try IOAnalysis.analyze(try table.regionalized(r, weights: w))
            #expect(regional.diagnostics.productivity.spectralRadiusUpperBound.map { $0 < 1 } ?? true)
            for k in national.indices { #expect(regional.outputMultipliers[k] <= national[k] * (1 + 1e-12), "\(method) \(k)") }
        }
    }

    func nbs2020() throws -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Datasets/Resources/nbs-2020-42")
    }
}

/// Binhai's default weights from the dataset's CSVs (the test reads them as the module does).
enum BinhaiWeights {
    static func load(sectors: [Sector]) throws -> RegionalWeights {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Datasets/Resources/binhai-default")
        let w = try RegionalWeightsFile.read(folder)
        return try w.weights(for: sectors)
    }
}

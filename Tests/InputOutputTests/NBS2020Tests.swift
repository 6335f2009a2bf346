import Datasets
import Foundation
import Testing
@testable import InputOutput
import LinearAlgebra
import NumericTestSupport

/// The embedded NBS 2020 42-sector table against `nbs-2020-42-reference.json` (numpy explicit
/// inverses, cross-checked with pymrio 0.7.0; see make_reference.py and its provenance block).
@Suite struct NBS2020Tests {
    let table: IOTable
    let ref: [String: Any]

    init() throws {
        table = try IOFolderReader.read(try EmbeddedDatasets.nbs2020_42)
        ref = try fixtureJSON("nbs-2020-42-reference.json")
    }

    func vector(_ key: String, in object: [String: Any]? = nil) throws -> [Double] {
        try #require((object ?? ref)[key] as? [Double], "missing \(key)")
    }

    @Test func readsSectorsAndBalances() throws {
        #expect(table.sectorCount == 42)
        #expect(table.sectors.map(\.code) == (ref["sectors"] as? [String]))
        #expect(table.sectors[0].nameEn == "Agriculture, forestry, animal husbandry and fishery")
        #expect(table.sectors[5].nameZh == "食品和烟草")
        #expect(table.finalDemandLabels == ["TC", "FU201", "FU202", "EX"])
        #expect(table.factorLabels == ["IMPORTED_INTERMEDIATE", "VA001", "VA002", "VA003", "VA004"])
        #expect(!table.grossOutputIsComputed)
        // Row sums of Z + row sums of Y = x.
        #expect(table.maxRelativeBalanceResidual < 1e-9)
        // Total value added = 101.64 trillion CNY = 1.0164e10 万元 (2020 GDP), 4 significant digits.
        let va = try table.factorTotal(rows: ["VA001", "VA002", "VA003", "VA004"]).reduce(0, +)
        #expect((va / 1e6).rounded() / 1e4 == 1.0164)
        #expect(isClose(va, try #require(ref["total_value_added"] as? Double), relative: 1e-13))
    }

    /// Both solvers against the same numpy/pymrio references: the LU and GMRES on the unfactored
    /// I − A (forced here; `.automatic` uses it only from 1,000 sectors).
    @Test(arguments: [LeontiefSolverChoice.factorization, .krylov])
    func multipliersAndLinkages(solver: LeontiefSolverChoice) throws {
        let r = try IOAnalysis.analyze(
            table, options: IOAnalysisOptions(
                factorRowSums: [FactorRowSum(label: "VA", rows: ["VA001", "VA002", "VA003", "VA004"])], solver: solver))
        #expect(r.diagnostics.solver.method == (solver == .krylov ? .gmres : .luFactorization))
        #expect(allClose(r.outputMultipliers, try vector("output_multipliers"), relative: 1e-11))
        let rows = try #require(ref["multipliers"] as? [String: [Double]])
        #expect(r.multipliers.map(\.label) == ["IMPORTED_INTERMEDIATE", "VA001", "VA002", "VA003", "VA004", "VA"])
        for row in r.multipliers where row.label != "VA" {
            #expect(allClose(row.values, try #require(rows[row.label]), relative: 1e-10), "\(row.label)")
        }
        let va = try #require(r.multipliers.last)
        #expect(allClose(va.values, try vector("value_added_multipliers"), relative: 1e-11))
        #expect(allClose(try #require(r.directCoefficients.last).values, try vector("value_added_shares"), relative: 1e-13))
        #expect(allClose(r.backwardLinkage, try vector("backward_linkage"), relative: 1e-11))
        #expect(allClose(r.forwardLinkage, try vector("forward_linkage"), relative: 1e-11))
        #expect(r.keySectors.map(\.rawValue) == (ref["key_sectors"] as? [String]))
        // Non-competitive table: VA + imported intermediates per unit of final demand = 1.
        let imp = try #require(r.multipliers.first)
        #expect(allClose(zip(va.values, imp.values).map { $0 + $1 }, [Double](repeating: 1, count: 42), relative: 1e-12))
        // Productive with a rigorous bound that brackets numpy's ρ(A).
        let rho = try #require(ref["spectral_radius_A"] as? Double)
        let p = r.diagnostics.productivity
        #expect(p.method == .collatzWielandt)
        #expect(try #require(p.spectralRadiusLowerBound) <= rho + 1e-12)
        #expect(rho <= (try #require(p.spectralRadiusUpperBound)) + 1e-12)
        #expect(p.reciprocalConditionNumber > 1e-3)
        #expect(r.diagnostics.warnings.isEmpty)
    }

    /// BINHAI-FACTS.md quotes domestic Type I references "output multiplier / VA share / VA
    /// multiplier": 11: 1.96/0.246/0.67, 16: 2.84/0.233/0.83, 18: 2.86/0.206/0.81,
    /// 20: 2.35/0.152/0.57, 31: 2.15/0.464/0.93. They match the domestic (non-competitive)
    /// Leontief inverse of this table, rounded.
    @Test func matchesBriefingReferenceMultipliers() throws {
        let r = try IOAnalysis.analyze(
            table, options: IOAnalysisOptions(factorRowSums: [FactorRowSum(label: "VA", rows: ["VA001", "VA002", "VA003", "VA004"])]))
        let quoted: [(code: String, m: Double, share: Double, vam: Double)] = [
            ("11", 1.96, 0.246, 0.67), ("16", 2.84, 0.233, 0.83), ("18", 2.86, 0.206, 0.81),
            ("20", 2.35, 0.152, 0.57), ("31", 2.15, 0.464, 0.93),
        ]
        let codes = r.sectors.map(\.code)
        let share = try #require(r.directCoefficients.last).values
        let vam = try #require(r.multipliers.last).values
        for q in quoted {
            let j = try #require(codes.firstIndex(of: q.code))
            #expect((r.outputMultipliers[j] * 100).rounded() / 100 == q.m, "sector \(q.code)")
            #expect((share[j] * 1000).rounded() / 1000 == q.share, "sector \(q.code)")
            #expect((vam[j] * 100).rounded() / 100 == q.vam, "sector \(q.code)")
        }
    }

    @Test(arguments: [LeontiefSolverChoice.factorization, .krylov])
    func typeIIWithCompensationAndConsumption(solver: LeontiefSolverChoice) throws {
        let r = try IOAnalysis.analyze(table, options: IOAnalysisOptions(households: HouseholdClosure(), solver: solver))
        let t2 = try #require(r.typeII)
        let rt = try #require(ref["type_ii"] as? [String: Any])
        #expect(isClose(t2.householdIncome, try #require(rt["household_income"] as? Double), relative: 1e-14))
        #expect(allClose(t2.outputMultipliers, try vector("output_multipliers", in: rt), relative: 1e-10))
        #expect(allClose(t2.householdIncomeMultipliers, try vector("household_income_multipliers", in: rt), relative: 1e-10))
        let rows = try #require(rt["multipliers"] as? [String: [Double]])
        for row in t2.multipliers {
            #expect(allClose(row.values, try #require(rows[row.label]), relative: 1e-10), "\(row.label)")
        }
        #expect(t2.outputMultiplierRatios.allSatisfy { $0 > 1 })
        #expect(t2.schurComplement > 0)
    }

    @Test func extractionMatchesBruteForce() throws {
        let r = try IOAnalysis.analyze(table, options: IOAnalysisOptions(extraction: true))
        let e = try #require(r.extraction)
        let brute = try #require(ref["extraction_brute_force"] as? [String: Any])
        #expect(allClose(e.backwardLoss, try vector("backward_loss", in: brute), relative: 1e-9))
        #expect(allClose(e.forwardLoss, try vector("forward_loss", in: brute), relative: 1e-9))
        #expect(isClose(e.totalOutput, try #require(brute["total_output"] as? Double), relative: 1e-14))
        #expect(r.leontiefInverse == nil)  // formed for the diagonal, not returned
    }

    @Test(arguments: [LeontiefSolverChoice.factorization, .krylov])
    func demandChangeFromFile(solver: LeontiefSolverChoice) throws {
        let scenarios = try DemandScenarios.read(try fixture("nbs-demand-change.csv"), sectors: table.sectors)
        #expect(scenarios.labels == ["ev-plant", "food-exports"])
        let r = try IOAnalysis.analyze(table, options: IOAnalysisOptions(demandChange: scenarios, solver: solver))
        let d = try #require(r.demandChange)
        let rd = try #require(ref["demand_change"] as? [String: Any])
        let dx = try #require(rd["output_change"] as? [[Double]])
        #expect(allClose(d.outputChange.rowArrays.flatMap { $0 }, dx.flatMap { $0 }, relative: 1e-10, absolute: 1e-6))
        #expect(allClose(d.totalOutputChange, try vector("total_output_change", in: rd), relative: 1e-11))
    }

    @Test func matricesWhenAsked() throws {
        let r = try IOAnalysis.analyze(
            table, options: IOAnalysisOptions(includeTechnicalCoefficients: true, includeLeontiefInverse: true, includeGhoshInverse: true))
        let l = try #require(r.leontiefInverse)
        let g = try #require(r.ghoshInverse)
        let a = try #require(r.technicalCoefficients)
        #expect(allClose(l.row(2), try vector("leontief_inverse_row_03"), relative: 1e-11, absolute: 1e-15))
        #expect(allClose(g.row(2), try vector("ghosh_inverse_row_03"), relative: 1e-11, absolute: 1e-15))
        #expect(allClose((0..<42).map { l[$0, $0] }, try vector("leontief_inverse_diagonal"), relative: 1e-12))
        #expect(allClose(g.rowSums, r.ghoshRowSums, relative: 1e-12))
        // A·x = Z·1.
        #expect(allClose(try a.multiply(table.grossOutput), table.intermediate.rowSums, relative: 1e-12))
    }
}

import Foundation
import Testing
@testable import InputOutput
import LinearAlgebra
import NumericTestSupport

/// Type II multipliers, households endogenous, on `Fixtures/closed-model` (2 sectors).
/// Convention (see `TypeIIMultipliers`): household row W of F, household column TC of Y,
/// hrⱼ = Wⱼ / xⱼ, hcᵢ = TCᵢ / Σⱼ Wⱼ. Expected values: `closed-model-reference.json`, from the
/// explicit numpy inverse of the augmented 3 × 3 matrix (make_reference.py).
@Suite struct ClosedModelTests {
    @Test func typeIIAgainstAugmentedInverse() throws {
        let ref = try fixtureJSON("closed-model-reference.json")
        let table = try IOFolderReader.read(try fixture("closed-model"))
        #expect(table.grossOutputIsComputed)
        #expect(table.grossOutput == (ref["x"] as? [Double]))
        let r = try IOAnalysis.analyze(
            table, options: IOAnalysisOptions(households: HouseholdClosure(incomeRow: "W", consumptionColumn: "TC")))
        let t2 = try #require(r.typeII)
        #expect(allClose(t2.incomeCoefficients, try #require(ref["hr"] as? [Double]), relative: 1e-14))
        #expect(allClose(t2.consumptionCoefficients, try #require(ref["hc"] as? [Double]), relative: 1e-14))
        #expect(isClose(t2.householdIncome, 800, relative: 1e-15))
        #expect(allClose(r.outputMultipliers, try #require(ref["type_i_output_multipliers"] as? [Double]), relative: 1e-13))
        let m2 = try #require(ref["type_ii_output_multipliers"] as? [Double])
        #expect(allClose(t2.outputMultipliers, m2, relative: 1e-12))
        #expect(allClose(t2.outputMultiplierRatios, zip(m2, r.outputMultipliers).map { $0 / $1 }, relative: 1e-12))
        let rows = try #require(ref["type_ii_multipliers"] as? [String: [Double]])
        for row in t2.multipliers {
            #expect(allClose(row.values, try #require(rows[row.label]), relative: 1e-12), "\(row.label)")
        }
        #expect(allClose(t2.householdIncomeMultipliers, try #require(ref["household_income_multipliers"] as? [Double]), relative: 1e-12))
        // 1/s is the household-household element of the augmented inverse.
        let lbar = try #require(ref["augmented_leontief_inverse"] as? [[Double]])
        #expect(isClose(1 / t2.schurComplement, lbar[2][2], relative: 1e-12))
    }

    @Test func unknownLabelsAreNamed() throws {
        let table = try IOFolderReader.read(try fixture("closed-model"))
        let e1 = #expect(throws: IOAnalysisError.self) {
            try IOAnalysis.analyze(table, options: IOAnalysisOptions(households: HouseholdClosure(incomeRow: "VA001", consumptionColumn: "TC")))
        }
        #expect(e1 == .unknownFactorRow(label: "VA001", available: ["W", "OVA"]))
        let e2 = #expect(throws: IOAnalysisError.self) {
            try IOAnalysis.analyze(table, options: IOAnalysisOptions(households: HouseholdClosure(incomeRow: "W", consumptionColumn: "HH")))
        }
        #expect(e2?.description.contains("TC, OTHER") == true)
    }

    @Test func closedModelThatIsNotProductive() throws {
        // Households earn 0.5 per unit of output and spend more than all of it on sector 1.
        let table = try IOTable(
            sectors: [Sector(code: "a"), Sector(code: "b")],
            intermediate: try Matrix([[100, 100], [100, 100]]),
            finalDemand: try Matrix([[2000, -1200], [0, 800]]), finalDemandLabels: ["TC", "OTHER"],
            factors: try Matrix([[500, 500]]), factorLabels: ["W"])
        let e = #expect(throws: IOAnalysisError.self) {
            try IOAnalysis.analyze(table, options: IOAnalysisOptions(households: HouseholdClosure(incomeRow: "W", consumptionColumn: "TC")))
        }
        guard case .closedModelNotProductive = e else {
            Issue.record("expected closedModelNotProductive, got \(String(describing: e))")
            return
        }
    }

    @Test func parsesClosureSpec() {
        #expect(HouseholdClosure(parsing: "VA001:TC") == HouseholdClosure(incomeRow: "VA001", consumptionColumn: "TC"))
        #expect(HouseholdClosure(parsing: "VA001") == nil)
        #expect(HouseholdClosure(parsing: ":TC") == nil)
    }
}

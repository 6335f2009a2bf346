import Foundation
import Testing
@testable import InputOutput
import LinearAlgebra
import NumericTestSupport

/// Miller & Blair (2009), Table 2.3 and section 2.3 (published values, 6–8 significant digits).
@Suite struct MillerBlairTests {
    let table: IOTable

    init() throws {
        table = try IOFolderReader.read(try fixture("miller-blair-2-3"))
    }

    @Test func readsTheFolder() throws {
        #expect(table.sectors.map(\.code) == ["S1", "S2"])
        #expect(table.sectors[0].nameEn == "Sector 1 (Miller & Blair Table 2.3)")
        #expect(table.sectors[1].nameZh == "部门2")
        #expect(table.intermediate == (try Matrix([[150, 500], [200, 100]])))
        #expect(table.finalDemandLabels == ["f"])
        #expect(table.grossOutput == [1000, 2000])
        #expect(!table.grossOutputIsComputed)
        #expect(table.factorLabels == ["VA"])
    }

    @Test func technicalCoefficientsAndLeontiefInverse() throws {
        let r = try IOAnalysis.analyze(
            table, options: IOAnalysisOptions(includeTechnicalCoefficients: true, includeLeontiefInverse: true))
        let a = try #require(r.technicalCoefficients)
        #expect(allClose(a.elements, try Matrix([[0.15, 0.25], [0.20, 0.05]]).elements, relative: 1e-15))
        let l = try #require(r.leontiefInverse)
        let published = try Matrix([[1.254125, 0.330033], [0.264026, 1.122112]])
        #expect(allClose(l.elements, published.elements, relative: 0, absolute: 5e-7))
        #expect(allClose(r.outputMultipliers, [1.518152, 1.452145], relative: 0, absolute: 5e-7))
        // Output multipliers are column sums of L.
        #expect(allClose(r.outputMultipliers, l.columnSums, relative: 1e-14))
        // Value-added multipliers: every unit of final demand ends up as one unit of value
        // added in a closed-economy table without imports.
        #expect(allClose(try #require(r.multipliers.first).values, [1, 1], relative: 1e-14))
        #expect(r.diagnostics.productivity.method == .collatzWielandt)
        let upper = try #require(r.diagnostics.productivity.spectralRadiusUpperBound)
        let lower = try #require(r.diagnostics.productivity.spectralRadiusLowerBound)
        // ρ(A) for [[.15,.25],[.2,.05]] = (0.2 + √(0.01 + 0.2))/2 = 0.329128784747792.
        #expect(lower <= 0.329128784747792 + 1e-12 && 0.329128784747792 <= upper + 1e-12 && upper < 1)
    }

    @Test func newFinalDemand() throws {
        let model = try LeontiefModel(table)
        let x = try model.leontiefTimes(Matrix(column: [600, 1500]))
        #expect(allClose(x.elements, [1247.5248, 1841.5842], relative: 0, absolute: 5e-5))
    }

    @Test func demandChangeThroughOptions() throws {
        let scenarios = try DemandScenarios(
            labels: ["mb", "unit1"], changes: try Matrix([[600, 1], [1500, 0]]))
        let r = try IOAnalysis.analyze(table, options: IOAnalysisOptions(demandChange: scenarios))
        let d = try #require(r.demandChange)
        #expect(allClose(d.outputChange.column(0), [1247.5248, 1841.5842], relative: 0, absolute: 5e-5))
        #expect(allClose(d.outputChange.column(1), [1.254125, 0.264026], relative: 0, absolute: 5e-7))
        #expect(isClose(d.totalOutputChange[1], 1.518152, relative: 0, absolute: 5e-7))
        // Value added induced equals the demand change here (no imports).
        #expect(allClose(try #require(d.factorChanges.first).values, [2100, 1], relative: 1e-13))
    }
}

import LinearAlgebra
import NumericTestSupport
import Testing
@testable import InputOutput

/// Tables that used to give wrong answers with exit status 0.
@Suite struct HostileTableTests {
    /// A = [[0.1, −0.5], [0.5, 0.1]]: eigenvalues 0.1 ± 0.5i, ρ(A) = 0.51 < 1, but
    /// L = (I − A)⁻¹ = [[0.9, −0.5], [0.5, 0.9]] / 1.06 has the negative entry −0.5/1.06 = −0.4717.
    /// One rule for every option: accepted, with the same warning.
    static func negativeInverseTable() throws -> IOTable {
        try IOTable(
            sectors: [Sector(code: "a"), Sector(code: "b")], intermediate: try Matrix([[100, -500], [500, 100]]),
            finalDemand: try Matrix([[1400], [400]]), finalDemandLabels: ["f"], grossOutput: [1000, 1000])
    }

    @Test func negativeInverseIsAWarningForEveryOption() throws {
        let options = [
            IOAnalysisOptions(), IOAnalysisOptions(includeLeontiefInverse: true), IOAnalysisOptions(extraction: true),
            IOAnalysisOptions(includeGhoshInverse: true),
        ]
        for o in options {
            let r = try IOAnalysis.analyze(try Self.negativeInverseTable(), options: o)
            let warning = try #require(r.diagnostics.warnings.first { $0.contains("negative entry") })
            #expect(warning.contains("-0.4716981"), "\(warning)")
            // Output multipliers: column sums of L = [1.4, 0.4] / 1.06.
            #expect(allClose(r.outputMultipliers, [1.4 / 1.06, 0.4 / 1.06], relative: 1e-12))
        }
        let l = try #require(try IOAnalysis.analyze(try Self.negativeInverseTable(), options: options[1]).leontiefInverse)
        #expect(isClose(l[0, 1], -0.5 / 1.06, relative: 1e-12))
    }

    /// A sector with x = 0 but final demand is an error, not an idle sector.
    @Test func zeroOutputWithFinalDemand() throws {
        let t = try IOTable(
            sectors: [Sector(code: "a"), Sector(code: "b")], intermediate: try Matrix([[100, 0], [0, 0]]),
            finalDemand: try Matrix([[900], [50]]), finalDemandLabels: ["f"], grossOutput: [1000, 0])
        #expect(throws: IOAnalysisError.zeroGrossOutputWithFlows(sector: "b")) { try IOAnalysis.analyze(t) }
        #expect(t.maxRelativeBalanceResidual.isFinite)
    }

    /// Values near the top of double precision overflow inside the analysis: an error naming
    /// the quantity and the sector, not `null` in the output.
    @Test func overflowIsAnError() throws {
        let t = try IOTable(
            sectors: [Sector(code: "a"), Sector(code: "b")], intermediate: try Matrix([[1.5e308, 1e300], [1e300, 1e300]]),
            finalDemand: try Matrix([[1.7e308], [1e300]]), finalDemandLabels: ["f"], grossOutput: [1.7e308, 1.7e308])
        do {
            let r = try IOAnalysis.analyze(t, options: IOAnalysisOptions(extraction: true))
            // If it does not overflow, every number must be finite.
            #expect(r.outputMultipliers.allSatisfy(\.isFinite) && r.ghoshRowSums.allSatisfy(\.isFinite))
        } catch {
            #expect("\(error)".contains("is not a finite number"), "\(error)")
        }
        // A demand change of 1e308 in both sectors: Δx = L·Δy overflows.
        var options = IOAnalysisOptions()
        options.demandChange = try DemandScenarios(labels: ["huge"], changes: try Matrix([[1e308], [1e308]]))
        let mb = try IOTable(
            sectors: [Sector(code: "a"), Sector(code: "b")], intermediate: try Matrix([[150, 500], [200, 100]]),
            finalDemand: try Matrix([[350], [1700]]), finalDemandLabels: ["f"])
        do {
            _ = try IOAnalysis.analyze(mb, options: options)
            Issue.record("an overflowing demand change was accepted")
        } catch {
            #expect("\(error)".contains("is not a finite number: a value of the demand-change file"), "\(error)")
        }
    }

    /// Extraction on a table whose rows do not balance says what it holds fixed.
    @Test func extractionOnUnbalancedRowsWarns() throws {
        let t = try IOTable(
            sectors: [Sector(code: "a"), Sector(code: "b")], intermediate: try Matrix([[150, 500], [200, 100]]),
            finalDemand: try Matrix([[350], [1700]]), finalDemandLabels: ["f"], grossOutput: [1100, 2000])
        let r = try IOAnalysis.analyze(t, options: IOAnalysisOptions(extraction: true))
        #expect(r.diagnostics.warnings.contains { $0.contains("rows do not balance") })
        #expect(r.diagnostics.warnings.contains { $0.contains("extraction holds fixed") })
    }
}

import Foundation
import InputOutput
import LinearAlgebra
import Reports
import Testing
@testable import Briefings

@Suite struct IOResultRendererTests {
    /// Miller & Blair (2009) Table 2.3 through the renderer: CSV holds full-precision values.
    @Test func csvCarriesFullPrecisionMultipliers() throws {
        let table = try IOTable(
            sectors: [Sector(code: "1"), Sector(code: "2")],
            intermediate: Matrix([[150, 500], [200, 100]]),
            finalDemand: Matrix([[350], [1700]]), finalDemandLabels: ["f"],
            factors: Matrix([[650, 1400]]), factorLabels: ["VA001"])
        let result = try IOAnalysis.analyze(table)
        let csv = try IOResultRenderer(result: result, source: "mb", language: .en).csv()
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows[0][3] == "output mult.")
        // Output multiplier of sector 1 = 1.518152 (Miller & Blair).
        #expect(abs(Double(rows[1][3])! - 1.518152) < 1e-6)
    }
}

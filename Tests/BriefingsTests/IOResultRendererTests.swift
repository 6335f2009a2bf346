import Foundation
import InputOutput
import LinearAlgebra
import Reports
import Testing
import XMLTestSupport
import ZIPFoundation
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

    /// Miller & Blair Table 2.3 as a workbook with the Leontief inverse: the matrix sheet holds
    /// L = [[1.254125, 0.330033], [0.264026, 1.122112]] (the textbook's values) as numbers with
    /// all their digits, and the sector sheet the output multiplier 1.518152.
    @Test func workbookHoldsTheLeontiefInverseAsNumbers() throws {
        let table = try IOTable(
            sectors: [Sector(code: "1"), Sector(code: "2")],
            intermediate: Matrix([[150, 500], [200, 100]]),
            finalDemand: Matrix([[350], [1700]]), finalDemandLabels: ["f"],
            factors: Matrix([[650, 1400]]), factorLabels: ["VA001"])
        var options = IOAnalysisOptions()
        options.includeLeontiefInverse = true
        let result = try IOAnalysis.analyze(table, options: options)
        let archive = try Archive(data: try IOResultRenderer(result: result, source: "mb", language: .en).workbook(), accessMode: .read)
        func sheet(_ n: Int) throws -> XMLTree {
            var bytes = Data()
            _ = try archive.extract(try #require(archive["xl/worksheets/sheet\(n).xml"])) { bytes.append($0) }
            return XMLTree(String(decoding: bytes, as: UTF8.self))
        }
        #expect(archive["xl/worksheets/sheet3.xml"] == nil)
        let l = try sheet(2)
        #expect(l.error == nil)
        // Rows 3 and 4 hold sectors 1 and 2 (row 1 title, row 2 codes), columns B and C the matrix.
        // Number cells carry no reference (optional in SpreadsheetML: a cell without `r` is the
        // next column), so they are read in order after the row's label cell.
        let rows = l.all("row")
        #expect(rows.map { $0.attributes["r"] } == ["1", "2", "3", "4"])
        let values = l.all("v").compactMap { Double($0.text) }
        let expected = [1.254125, 0.330033, 0.264026, 1.122112]
        #expect(values.count == 4 && zip(values, expected).allSatisfy { abs($0 - $1) < 5e-7 }, "\(values)")
        #expect(l.all("c").filter { $0.attributes["r"] != nil }.map { $0.attributes["r"]! } == ["A1", "A2", "B2", "C2", "A3", "A4"])
        let sectors = try sheet(1)
        #expect(sectors.all("v").map(\.text).compactMap(Double.init).contains { abs($0 - 1.518152) < 1e-6 })
    }
}

import Foundation
import Reports
import Testing
import ZIPFoundation

@testable import Briefings

/// The briefing as a workbook: one sheet per table, and the numbers in the yearly sheet are the
/// forecast's own numbers (P50 of the target year), stored as numbers.
@Test func workbookHasOneSheetPerTableWithTheForecastNumbers() throws {
    let b = try ForecastFixture.briefing(.en, variants: true)
    let tables = b.tables()
    let archive = try Archive(data: try b.workbook(), accessMode: .read)
    let sheets = archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/") }
    #expect(sheets.count == tables.count)
    var workbook = Data()
    _ = try archive.extract(try #require(archive["xl/workbook.xml"])) { workbook.append($0) }
    let names = String(decoding: workbook, as: UTF8.self)
    #expect(names.contains("name=\"1 ") && names.contains("name=\"2 "))
    // Sheet 2 is the yearly table: its last row holds the target year's P50 as a number with one
    // decimal, the same value the table shows.
    var yearly = Data()
    _ = try archive.extract(try #require(archive["xl/worksheets/sheet2.xml"])) { yearly.append($0) }
    let xml = String(decoding: yearly, as: UTF8.self)
    let last = try #require(b.result.yearly.last)
    let shown = String(format: "%.1f", last.investmentInPlace.p50)
    #expect(xml.contains("<v>\(Double(shown)!)</v>"), "P50 \(shown) missing")
}

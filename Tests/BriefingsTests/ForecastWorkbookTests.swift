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

/// Sheet names cut to Excel's 31 characters stay unique and keep the variant they show.
@Test func longVariantSheetNamesKeepTheVariant() throws {
    let a = ForecastBriefing.sheetName(number: 12, title: "Variant weak-fdi against the baseline", variant: "weak-fdi")
    let b = ForecastBriefing.sheetName(
        number: 13, title: "Variant weak-fdi-and-strong-dollar against the baseline", variant: "weak-fdi-and-strong-dollar")
    #expect(a.count <= 31 && b.count <= 31)
    #expect(a.hasPrefix("12 ") && a.hasSuffix(" · weak-fdi"))
    #expect(b.hasPrefix("13 ") && b.contains("weak-fdi-and-stron"))
    #expect(a != b)
    #expect(ForecastBriefing.sheetName(number: 1, title: "Short", variant: "v") == "1 Short")
    // In a briefing with variants every sheet name is unique (checked by XLSXWorkbook) and the
    // variant tables' sheets name their variant.
    let briefing = try ForecastFixture.briefing(.en, variants: true)
    let owners = briefing.ownedTables().map(\.variant)
    #expect(owners.count == briefing.tables().count)
    #expect(owners.contains { $0 != nil })
}

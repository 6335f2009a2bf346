import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation

@testable import Reports
import XMLTestSupport

/// Formatted cells back to numbers: the value and the Excel format code that shows the same digits.
@Test(arguments: [
    ("1,715.2", SpreadsheetValue.number(1715.2, format: "#,##0.0")),
    ("99.8%", .number(0.998, format: "0.0%")),
    ("2021", .number(2021, format: "0")),
    ("−1,515.7", .number(-1515.7, format: "#,##0.0")),
    ("-280.0", .number(-280, format: "0.0")),
    ("+49.1", .number(49.1, format: "0.0")),
    ("0.291", .number(0.291, format: "0.000")),
    ("12,345,678", .number(12_345_678, format: "#,##0")),
    ("183290.32039601842", .number(183290.32039601842, format: "#,##0.00")),
    ("2.2679052606834813", .number(2.2679052606834813, format: "0.0000")),
    ("1331683250.270971", .number(1_331_683_250.270971, format: "#,##0.00")),
    ("", .empty),
    ("0.84×", .text("0.84×")),
    ("3,235.4 – 3,906.2", .text("3,235.4 – 3,906.2")),
    ("1,2345", .text("1,2345")),
    ("12.", .text("12.")),
    ("—", .text("—")),
    ("北京", .text("北京")),
])
func formattedCellsBecomeSpreadsheetValues(_ text: String, _ expected: SpreadsheetValue) {
    let v = SpreadsheetValue(formatted: text)
    if case let .number(x, f) = v, case let .number(y, g) = expected {
        #expect(abs(x - y) <= 1e-12 * abs(y) && f == g, "\(text)")
    } else {
        #expect(v == expected, "\(text)")
    }
}

@Test func sheetNamesAreValidAndUnique() {
    var book = XLSXWorkbook()
    let t = Table(columns: [.init("a")])
    book.append(t, name: "Investment in place by year: 2021–2025 [亿元]")
    book.append(t, name: "Investment in place by year: 2021–2025 [亿元]")
    book.append(t, name: "a/b\\c?d*e:f")
    let names = book.sheets.map(\.name)
    #expect(names[0] == "Investment in place by year 202")
    #expect(names[1].count <= 31 && names[1].hasSuffix(" (2)") && names[1] != names[0])
    #expect(names[2] == "abcdef")
}

/// The package holds the parts a spreadsheet program needs, every part is well-formed XML, and the
/// sheet carries the title, bold headers, numbers as numbers with their formats, text and notes.
@Test func workbookPackageIsWellFormedAndHoldsNumbers() throws {
    var t = Table(title: "到位额 & 目标 <2025>", columns: [.init("year"), .init("P50 (亿元)", alignment: .right), .init("P(≥ target)")])
    t.append(["2024", "2,973.8", "64.8%"])
    t.append(["2025", "3,551.7", "99.8%"])
    t.notes = ["Range cells are P50 (P10–P90)."]
    var book = XLSXWorkbook()
    book.append(t, name: "1 到位额")
    let data = try book.data()
    #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // ZIP local file header
    let archive = try Archive(data: data, accessMode: .read)
    var parts: [String: String] = [:]
    for entry in archive {
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }  // checks each entry's CRC-32
        parts[entry.path] = String(decoding: bytes, as: UTF8.self)
    }
    #expect(Set(parts.keys) == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
    ])
    for (path, xml) in parts {
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
    }
    let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
    #expect(sheet.contains("到位额 &amp; 目标 &lt;2025&gt;"))
    #expect(sheet.contains("<c r=\"B4\" s=\"") && sheet.contains("<v>3551.7</v>") && sheet.contains("<v>0.998</v>"))
    #expect(sheet.contains("<c r=\"A3\" s=\"") && sheet.contains("<v>2024.0</v>"))
    #expect(sheet.contains("Range cells are P50 (P10–P90)."))
    let styles = try #require(parts["xl/styles.xml"])
    #expect(styles.contains("formatCode=\"#,##0.0\"") && styles.contains("formatCode=\"0.0%\"") && styles.contains("<b/>"))
    #expect(parts["xl/workbook.xml"]?.contains("name=\"1 到位额\"") == true)
}

/// A number grid streamed into the zip reads back cell for cell, at full precision, with its
/// labels, whatever the zip's chunk boundaries (a grid of 70 × 70 spans many 16 KiB chunks).
@Test func numberGridStreamsEveryValue() throws {
    let n = 70
    let value: @Sendable (Int, Int) -> Double = { i, j in i == j ? .nan : Double(i) + Double(j) / 7 + 1e-13 * Double(i * j) }
    var book = XLSXWorkbook()
    book.append(Table(title: "t", columns: [.init("a")]), name: "first")
    book.append(
        grid: XLSXNumberGrid(
            title: "Leontief <L>", corner: "code", rowLabels: (0..<n).map { "r\($0)" }, columnLabels: (0..<n).map { "c\($0)" }, value: value),
        name: "grid")
    let archive = try Archive(data: try book.data(), accessMode: .read)
    var bytes = Data()
    _ = try archive.extract(try #require(archive["xl/worksheets/sheet2.xml"])) { bytes.append($0) }
    let xml = XMLTree(String(decoding: bytes, as: UTF8.self))
    #expect(xml.error == nil)
    // Written in order: row by row, the diagonal (NaN) left empty.
    let values = xml.all("v").map(\.text)
    var expected: [String] = []
    for i in 0..<n { for j in 0..<n where i != j { expected.append("\(value(i, j))") } }
    #expect(values == expected)
    #expect(values.allSatisfy { Double($0) != nil })
    #expect(xml.all("t").map(\.text).prefix(3) == ["Leontief <L>", "code", "c0"])
    #expect(xml.all("row").count == n + 2)
    // The file written in place is the same workbook.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("grid-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: url) }
    try book.write(to: url)
    let again = try Archive(url: url, accessMode: .read)
    var bytes2 = Data()
    _ = try again.extract(try #require(again["xl/worksheets/sheet2.xml"])) { bytes2.append($0) }
    #expect(bytes2 == bytes)
    #expect(again["xl/worksheets/sheet1.xml"] != nil && again["xl/workbook.xml"] != nil)
}

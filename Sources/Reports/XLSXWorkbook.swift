import Foundation

/// An Excel workbook (Office Open XML, `.xlsx`) with one sheet per `Table`: the title in row 1,
/// the column headers in row 2 (bold, frozen), the rows, then the notes. Cells that are plain
/// numbers become numbers with their shown decimals as the number format (`SpreadsheetValue`),
/// so a planner can sum and chart them; everything else is text.
///
/// The package is a ZIP (ZIPFoundation, deflate) of the minimal parts Excel, LibreOffice and
/// openpyxl read: `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml` and its relations,
/// `xl/styles.xml` and `xl/worksheets/sheetN.xml` (inline strings, no shared-string table).
public struct XLSXWorkbook {
    /// What a sheet holds: a table of formatted cells, or a grid of numbers (`XLSXNumberGrid`).
    public enum Sheet {
        case table(Table)
        case grid(XLSXNumberGrid)
    }

    /// Every sheet in order, with its (valid, unique) name.
    public private(set) var entries: [(name: String, sheet: Sheet)] = []

    /// The table sheets, in order.
    public var sheets: [(name: String, table: Table)] {
        entries.compactMap { e in
            if case let .table(t) = e.sheet { return (e.name, t) }
            return nil
        }
    }

    public init() {}

    /// Adds a sheet. The name is made valid for Excel: the characters `[]:*?/\` are dropped, it is
    /// cut to 31 characters, and made unique (" (2)", " (3)", … within the 31).
    public mutating func append(_ table: Table, name: String) {
        entries.append((Self.validName(name, taken: entries.map(\.name)), .table(table)))
    }

    /// Adds a sheet of numbers, streamed when the workbook is written (see `XLSXNumberGrid`).
    public mutating func append(grid: XLSXNumberGrid, name: String) {
        entries.append((Self.validName(name, taken: entries.map(\.name)), .grid(grid)))
    }

    /// The `.xlsx` bytes. Table sheets are made whole; number grids are streamed into the zip.
    public func data() throws -> Data { try ZipPackage.data(streamed: parts()) }

    /// The workbook written to the file at `url` (replaced): number grids go from their values
    /// to the file through the compressor, so memory stays far below the file's size.
    public func write(to url: URL) throws { try ZipPackage.write(streamed: parts(), to: url) }

    private func parts() -> [ZipPackage.StreamedPart] {
        let styles = Styles(sheets.map(\.table))
        let fixed: [(String, String)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", Self.rootRelations),
            ("xl/workbook.xml", workbook()),
            ("xl/_rels/workbook.xml.rels", workbookRelations()),
            ("xl/styles.xml", styles.xml),
        ]
        var parts = fixed.map { part -> ZipPackage.StreamedPart in
            let bytes = Data(part.1.utf8)
            return ZipPackage.StreamedPart(path: part.0, size: Int64(bytes.count)) { p, n in bytes.subdata(in: Int(p)..<(Int(p) + n)) }
        }
        for (i, entry) in entries.enumerated() {
            let path = "xl/worksheets/sheet\(i + 1).xml"
            switch entry.sheet {
            case let .table(table):
                let bytes = Data(worksheet(table, styles: styles).utf8)
                parts.append(ZipPackage.StreamedPart(path: path, size: Int64(bytes.count)) { p, n in bytes.subdata(in: Int(p)..<(Int(p) + n)) })
            case let .grid(grid):
                parts.append(grid.part(path: path))
            }
        }
        return parts
    }

    // MARK: Parts

    private static let rootRelations = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    private func contentTypes() -> String {
        let sheetOverrides = entries.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(sheetOverrides)</Types>
            """
    }

    private func workbook() -> String {
        let list = entries.enumerated().map { i, s in
            "<sheet name=\"\(XMLEscaping.escape(s.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets>\(list)</sheets></workbook>
            """
    }

    private func workbookRelations() -> String {
        var relations = entries.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        relations.append(
            "<Relationship Id=\"rId\(entries.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relations.joined())</Relationships>
            """
    }

    private func worksheet(_ table: Table, styles: Styles) -> String {
        var rows: [String] = []
        var widths = table.columns.map { DisplayWidth.of($0.header) }
        func row(_ index: Int, _ cells: [String]) -> String {
            "<row r=\"\(index)\">\(cells.joined())</row>"
        }
        var r = 1
        if let title = table.title {
            rows.append(row(r, [Cell.text(title, at: Cell.reference(0, r), style: Styles.bold)]))
            r += 1
        }
        let headerRow = r
        rows.append(row(r, table.columns.enumerated().map { c, col in
            Cell.text(col.header, at: Cell.reference(c, r), style: Styles.bold)
        }))
        r += 1
        for cells in table.rows {
            var xml: [String] = []
            for (c, text) in cells.enumerated() {
                widths[c] = max(widths[c], DisplayWidth.of(text))
                switch SpreadsheetValue(formatted: text) {
                case .empty: continue
                case let .text(t): xml.append(Cell.text(t, at: Cell.reference(c, r), style: 0))
                case let .number(v, format):
                    xml.append(Cell.number(v, at: Cell.reference(c, r), style: styles.index(of: format)))
                }
            }
            rows.append(row(r, xml))
            r += 1
        }
        if !table.notes.isEmpty { r += 1 }
        for note in table.notes {
            rows.append(row(r, [Cell.text(note, at: Cell.reference(0, r), style: 0)]))
            r += 1
        }
        let cols = widths.enumerated().map { c, w in
            "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(min(max(w, 6), 60) + 2)\" customWidth=\"1\"/>"
        }.joined()
        let frozen = headerRow
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="\(frozen)" topLeftCell="A\(frozen + 1)" \
            activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            \(cols.isEmpty ? "" : "<cols>\(cols)</cols>")<sheetData>\(rows.joined())</sheetData></worksheet>
            """
    }

    static func validName(_ raw: String, taken: [String]) -> String {
        let cleaned = String(raw.filter { !"[]:*?/\\".contains($0) && !$0.isNewline })
        var base = cleaned.isEmpty ? "Sheet" : cleaned
        if base.count > 31 { base = String(base.prefix(31)) }
        var name = base
        var k = 2
        while taken.contains(where: { $0.lowercased() == name.lowercased() }) {
            let suffix = " (\(k))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            k += 1
        }
        return name
    }
}

/// Cell XML.
private enum Cell {
    /// "A1"-style reference of zero-based column `c` in one-based row `r`.
    static func reference(_ c: Int, _ r: Int) -> String {
        var n = c + 1, letters = ""
        while n > 0 {
            let m = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + m))) + letters
            n = (n - 1) / 26
        }
        return "\(letters)\(r)"
    }

    static func text(_ t: String, at ref: String, style: Int) -> String {
        "<c r=\"\(ref)\"\(style > 0 ? " s=\"\(style)\"" : "") t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLEscaping.escape(t))</t></is></c>"
    }

    static func number(_ v: Double, at ref: String, style: Int) -> String {
        guard v.isFinite else { return text(v.isNaN ? "NaN" : (v > 0 ? "∞" : "−∞"), at: ref, style: 0) }
        return "<c r=\"\(ref)\" s=\"\(style)\"><v>\(v)</v></c>"
    }
}

/// `xl/styles.xml`: cell format 0 = default, 1 = bold, then one per number format used.
private struct Styles {
    static let bold = 1
    let formats: [String]
    let xml: String

    init(_ tables: [Table]) {
        var found: [String] = []
        for t in tables {
            for row in t.rows {
                for cell in row {
                    if case let .number(_, f) = SpreadsheetValue(formatted: cell), !found.contains(f) { found.append(f) }
                }
            }
        }
        formats = found
        let numFmts = found.enumerated().map { i, f in "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(XMLEscaping.escape(f))\"/>" }
        let xfs = found.indices.map { "<xf numFmtId=\"\(164 + $0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" }
        xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            \(found.isEmpty ? "" : "<numFmts count=\"\(found.count)\">\(numFmts.joined())</numFmts>")\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(2 + found.count)"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\(xfs.joined())</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """
    }

    func index(of format: String) -> Int { 2 + (formats.firstIndex(of: format) ?? 0) }
}

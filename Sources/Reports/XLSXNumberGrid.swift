import Foundation

/// A worksheet of numbers written straight from its values — an n × n matrix of an IO table —
/// without a `Table` of formatted strings: row 1 the title (bold), row 2 the corner label and the
/// column labels (bold; rows 1–2 and the label column frozen), then one row per row label with
/// each value at full precision (the shortest text that reads back to the same double, General
/// format); a non-finite value leaves its cell empty.
///
/// The sheet's XML is streamed into the zip (`XLSXWorkbook.data()`): its size is counted in a
/// first pass over the rows and its bytes made row by row in a second, so memory stays a few
/// rows however large the matrix (600 sectors: 360,000 cells, ~8 MB of XML per sheet).
public struct XLSXNumberGrid: Sendable {
    public var title: String
    public var corner: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// The value in row `i`, column `j` (zero-based).
    public var value: @Sendable (_ i: Int, _ j: Int) -> Double

    public init(
        title: String, corner: String, rowLabels: [String], columnLabels: [String], value: @escaping @Sendable (_ i: Int, _ j: Int) -> Double
    ) {
        self.title = title
        self.corner = corner
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.value = value
    }

    /// The sheet as a streamed zip part.
    func part(path: String) -> ZipPackage.StreamedPart {
        let writer = GridWriter(self)
        let size = writer.totalSize()
        return ZipPackage.StreamedPart(path: path, size: Int64(size)) { position, count in writer.read(position: Int(position), count: count) }
    }
}

/// Makes a grid's XML in order: the head (up to the header row), one `<row>` per row label, the
/// tail. `read` hands out consecutive byte ranges, making rows as they are needed.
private final class GridWriter {
    let grid: XLSXNumberGrid
    let columnRefs: [[UInt8]]
    var pending: [UInt8] = []
    var pendingStart = 0  // position in the part of pending[0]
    var nextRow = 0  // next row label to write (rows.count = the tail)
    var headDone = false
    var tailDone = false

    init(_ grid: XLSXNumberGrid) {
        self.grid = grid
        columnRefs = (0...grid.columnLabels.count).map { Array(Self.letters($0).utf8) }
    }

    static func letters(_ c: Int) -> String {
        var n = c + 1, s = ""
        while n > 0 {
            let m = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + m))) + s
            n = (n - 1) / 26
        }
        return s
    }

    var head: [UInt8] {
        let labelWidth = min(max(grid.rowLabels.map(DisplayWidth.of).max() ?? 6, DisplayWidth.of(grid.corner), 6), 40) + 2
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/>\
            </sheetView></sheetViews><cols><col min="1" max="1" width="\(labelWidth)" customWidth="1"/>
            """
        if !grid.columnLabels.isEmpty {
            s += "<col min=\"2\" max=\"\(grid.columnLabels.count + 1)\" width=\"20\" customWidth=\"1\"/>"
        }
        s += "</cols><sheetData>"
        s += "<row r=\"1\">" + Self.text(grid.title, ref: "A1", bold: true) + "</row>"
        s += "<row r=\"2\">" + Self.text(grid.corner, ref: "A2", bold: true)
        for (j, label) in grid.columnLabels.enumerated() { s += Self.text(label, ref: Self.letters(j + 1) + "2", bold: true) }
        s += "</row>"
        return Array(s.utf8)
    }

    static let tail = Array("</sheetData></worksheet>".utf8)

    static func text(_ t: String, ref: String, bold: Bool) -> String {
        "<c r=\"\(ref)\"\(bold ? " s=\"1\"" : "") t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLEscaping.escape(t))</t></is></c>"
    }

    /// Appends row `i` (sheet row i + 3) to `out`.
    func appendRow(_ i: Int, to out: inout [UInt8]) {
        let r = Array(String(i + 3).utf8)
        out += Array("<row r=\"".utf8) + r + Array("\">".utf8)
        out += Array(Self.text(grid.rowLabels[i], ref: "A\(i + 3)", bold: false).utf8)
        for j in 0..<grid.columnLabels.count {
            let v = grid.value(i, j)
            guard v.isFinite else { continue }
            out += Self.cellOpen
            out += v.description.utf8
            out += Self.cellClose
        }
        out += Self.rowClose
    }

    static let cellOpen = Array("<c><v>".utf8)
    static let cellClose = Array("</v></c>".utf8)
    static let rowClose = Array("</row>".utf8)

    /// Bytes of the whole part (a first pass over the rows, one row in memory at a time).
    func totalSize() -> Int {
        var total = head.count + Self.tail.count
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64 * (grid.columnLabels.count + 2))
        for i in grid.rowLabels.indices {
            buffer.removeAll(keepingCapacity: true)
            appendRow(i, to: &buffer)
            total += buffer.count
        }
        return total
    }

    /// `count` bytes from `position` (the next unread position: chunks are asked for in order).
    func read(position: Int, count: Int) -> Data {
        // Drop what was handed out already.
        let consumed = position - pendingStart
        if consumed > 0 {
            pending.removeFirst(min(consumed, pending.count))
            pendingStart = position
        }
        while pending.count < count {
            if !headDone {
                pending += head
                headDone = true
            } else if nextRow < grid.rowLabels.count {
                appendRow(nextRow, to: &pending)
                nextRow += 1
            } else if !tailDone {
                pending += Self.tail
                tailDone = true
            } else {
                break
            }
        }
        return Data(pending.prefix(count))
    }
}

import Dispatch
import LinearAlgebra

/// A labelled numeric CSV table as read from a file: header `corner,<column labels…>`, then
/// rows `label,<numbers…>`.
struct NumericCSVTable: Sendable {
    /// Path of the file.
    var path: String
    /// The first header field (normally `code`).
    var cornerLabel: String
    /// Header labels of the numeric columns.
    var columnLabels: [String]
    /// First field of each data row.
    var rowLabels: [String]
    /// 1-based physical line number of each data row.
    var rowLines: [Int]
    /// The numbers, column-major. With `expectedRows` it has exactly that many rows (rows
    /// missing from the file are zero, rows beyond it are only counted in `dataRowCount`).
    var values: Matrix
    /// Number of data rows in the file (may differ from `rowLabels.count` when the file has
    /// more rows than expected).
    var dataRowCount: Int

    /// Location of data row `i`, numeric column `j` (0-based) for messages.
    func location(row i: Int? = nil, column j: Int? = nil) -> FileLocation {
        FileLocation(
            file: path, line: i.map { rowLines[$0] }, column: j.map { $0 + 2 },
            columnLabel: j.map { columnLabels[$0] })
    }
}

/// Reads labelled numeric CSV files fast and with little memory: the file is read in chunks
/// of a few megabytes; the lines of each chunk are parsed in parallel (numbers with
/// `DecimalParser`, which gives `strtod`'s results faster) straight into the column-major
/// storage of the result (or a row-major buffer when the number of rows is not known in
/// advance). Every malformed cell is reported with file, line and column.
enum NumericCSVReader {
    /// Rows parsed per task; blocks of consecutive rows make the column-major writes contiguous.
    static let blockRows = 8

    /// Reads `path`.
    /// - Parameters:
    ///   - expectedRows: the number of data rows when known (the matrix is then filled in place).
    ///     The caller compares `dataRowCount` with it (after checking labels, which gives the
    ///     more useful message).
    ///   - square: the number of data rows is expected to equal the number of column labels.
    ///   - chunkSize: bytes read at a time. Two buffers of this size are held while a large
    ///     table is read (one parsed, the next being read), and they are resident when the
    ///     matrix is complete, so they count in the read's peak memory. Measured at n = 7,987
    ///     (Z.csv 795 MB), release, 2-core AMD EPYC, the read alone (a last cell made bad so
    ///     the command stops after it), 8 interleaved runs: 8 MB chunks 1.54–1.78 s, peak
    ///     546,968–547,792 kB; 4 MB chunks 1.50–1.89 s (the same), 539,060–539,576 kB.
    static func read(
        path: String, expectedRows: Int? = nil, square: Bool = false, chunkSize: Int = 4 << 20
    ) throws(IOReadError) -> NumericCSVTable {
        var expectedRows = expectedRows
        var chunks = try FileChunks(path: path, chunkSize: chunkSize)
        var header: (corner: String, labels: [String])? = nil
        var rowLabels: [String] = []
        var rowLines: [Int] = []
        var columnMajor: [Double] = []  // used when expectedRows is known
        var rowMajor: [Double] = []     // used otherwise
        var extraRows = 0               // data rows beyond expectedRows (only counted)

        while try chunks.nextRun({ (buffer, lines) throws(IOReadError) -> Void in
            var lines = lines[...]
            if header == nil {
                guard let first = lines.first else { return }
                lines = lines.dropFirst()
                header = try parseHeader(buffer, first, path: path)
                if square, let h = header { expectedRows = h.labels.count }
                if let e = expectedRows, let h = header {
                    // Not zero-filled: every cell of a row is written by the worker that parses
                    // it, so the pages are first touched by the parsing threads (in parallel)
                    // instead of by a serial memset; rows the file lacks are zeroed below.
                    // Measured at n = 7987 (Z.csv 795 MB, 510 MB of doubles), release, 2-core EPYC:
                    // reading the folder 2.54–2.90 s with the zero fill, 1.81–2.45 s without (5 runs).
                    columnMajor = [Double](unsafeUninitializedCapacity: e * h.labels.count) { _, count in
                        count = e * h.labels.count
                    }
                }
            }
            guard let h = header, !lines.isEmpty else { return }
            let ncols = h.labels.count
            var take = lines.count
            if let e = expectedRows {
                let room = max(0, e - rowLabels.count)
                if take > room {
                    extraRows += take - room
                    take = room
                }
            }
            if take == 0 { return }
            let batch = Array(lines.prefix(take))
            let row0 = rowLabels.count
            rowLabels.append(contentsOf: repeatElement("", count: take))
            rowLines.append(contentsOf: batch.map(\.number))
            let failure: (line: Int, RowFailure)?
            if let e = expectedRows {
                failure = columnMajor.withUnsafeMutableBufferPointer { dst in
                    rowLabels.withUnsafeMutableBufferPointer { labels in
                        parseBatch(
                            buffer, batch, ncols: ncols, labels: labels.baseAddress! + row0,
                            destination: .columnMajor(dst.baseAddress!, rows: e, firstRow: row0))
                    }
                }
            } else {
                rowMajor.append(contentsOf: repeatElement(0, count: take * ncols))
                failure = rowMajor.withUnsafeMutableBufferPointer { dst in
                    rowLabels.withUnsafeMutableBufferPointer { labels in
                        parseBatch(
                            buffer, batch, ncols: ncols, labels: labels.baseAddress! + row0,
                            destination: .rowMajor(dst.baseAddress! + row0 * ncols))
                    }
                }
            }
            if let (line, f) = failure {
                throw error(for: f, line: line, path: path, columnLabels: h.labels)
            }
        }) != nil {}

        guard let h = header else { throw .emptyFile(path: path) }
        let ncols = h.labels.count
        let nrows = rowLabels.count
        if nrows + extraRows == 0 { throw .noDataRows(path: path) }
        if let e = expectedRows, nrows < e {
            for j in 0..<ncols { for i in nrows..<e { columnMajor[i + j * e] = 0 } }
        }
        let values: Matrix
        do {
            if let e = expectedRows {
                values = try Matrix(rows: e, columns: ncols, columnMajor: columnMajor)
            } else {
                var cm = [Double](repeating: 0, count: nrows * ncols)
                for i in 0..<nrows {
                    for j in 0..<ncols { cm[i + j * nrows] = rowMajor[i * ncols + j] }
                }
                values = try Matrix(rows: nrows, columns: ncols, columnMajor: cm)
            }
        } catch {
            throw .unreadable(path: path, reason: "internal size error: \(error)")
        }
        return NumericCSVTable(
            path: path, cornerLabel: h.corner, columnLabels: h.labels, rowLabels: rowLabels,
            rowLines: rowLines, values: values, dataRowCount: nrows + extraRows)
    }

    /// The header line: corner label and at least one column label.
    private static func parseHeader(
        _ buffer: UnsafeMutablePointer<UInt8>, _ line: FileChunks.Line, path: String
    ) throws(IOReadError) -> (corner: String, labels: [String]) {
        let bytes = Array(UnsafeBufferPointer(start: buffer + line.start, count: line.end - line.start))
        let records: [CSVText.Record]
        do {
            records = try CSVText.parse(bytes, firstLine: line.number)
        } catch {
            switch error {
            case let .notUTF8(l, problem): throw .notUTF8(path: path, line: l, problem: problem)
            case .carriageReturnLineEndings: throw .carriageReturnLineEndings(path: path)
            default: throw .badQuote(FileLocation(file: path, line: line.number), reason: "unterminated or misplaced quote in the header")
            }
        }
        guard let fields = records.first?.fields, fields.count >= 2 else {
            throw .badHeader(
                FileLocation(file: path, line: line.number),
                reason: "expected 'code' followed by at least one column label, separated by commas")
        }
        let labels = fields.dropFirst().map { $0.trimmingASCIISpaces }
        var seen: [String: Int] = [:]
        for (j, label) in labels.enumerated() {
            if label.isEmpty {
                throw .badHeader(
                    FileLocation(file: path, line: line.number, column: j + 2),
                    reason: "empty column label")
            }
            if seen[label] != nil {
                throw .duplicateLabel(
                    FileLocation(file: path, line: line.number, column: j + 2, columnLabel: label),
                    label: label)
            }
            seen[label] = j
        }
        return (fields[0].trimmingASCIISpaces, labels)
    }

    enum Destination {
        /// Column-major storage with `rows` rows; this batch starts at row `firstRow`.
        case columnMajor(UnsafeMutablePointer<Double>, rows: Int, firstRow: Int)
        /// Row-major storage starting at this batch's first row.
        case rowMajor(UnsafeMutablePointer<Double>)
    }

    /// Parses `lines` (in parallel when there is enough work) and returns the failure on the
    /// earliest line, if any.
    private static func parseBatch(
        _ buffer: UnsafeMutablePointer<UInt8>, _ lines: [FileChunks.Line], ncols: Int,
        labels: UnsafeMutablePointer<String>, destination: Destination
    ) -> (line: Int, RowFailure)? {
        let tasks = (lines.count + blockRows - 1) / blockRows
        var failures = [(line: Int, RowFailure)?](repeating: nil, count: tasks)
        let buf = SharedPointer(base: buffer)
        let lab = SharedPointer(base: labels)
        let dest: SharedPointer<Double>
        let columnMajorRows: Int?
        let firstRow: Int
        switch destination {
        case let .columnMajor(p, rows, first):
            dest = SharedPointer(base: p); columnMajorRows = rows; firstRow = first
        case let .rowMajor(p):
            dest = SharedPointer(base: p); columnMajorRows = nil; firstRow = 0
        }
        failures.withUnsafeMutableBufferPointer { fb in
            let fails = SharedPointer(base: fb.baseAddress!)
            let work: @Sendable (Int) -> Void = { t in
                let lo = t * blockRows
                let hi = min(lo + blockRows, lines.count)
                withCNumericLocale {
                    if let rows = columnMajorRows {
                        // Parse a block of rows into a small row-major scratch, then write each
                        // column's run of consecutive rows.
                        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: (hi - lo) * ncols)
                        defer { scratch.deallocate() }
                        for k in lo..<hi {
                            let line = lines[k]
                            let (label, failure) = CSVLineParser.parseLine(
                                buf.base + line.start, count: ncols, into: scratch + (k - lo) * ncols,
                                end: buf.base + line.end)
                            lab.base[k] = label
                            if let failure { fails.base[t] = (line.number, failure); return }
                        }
                        let count = hi - lo
                        for j in 0..<ncols {
                            let column = dest.base + j * rows + firstRow + lo
                            for r in 0..<count { column[r] = scratch[r * ncols + j] }
                        }
                    } else {
                        for k in lo..<hi {
                            let line = lines[k]
                            let (label, failure) = CSVLineParser.parseLine(
                                buf.base + line.start, count: ncols, into: dest.base + k * ncols,
                                end: buf.base + line.end)
                            lab.base[k] = label
                            if let failure { fails.base[t] = (line.number, failure); return }
                        }
                    }
                }
            }
            if lines.count * ncols < 50_000 || tasks == 1 {
                for t in 0..<tasks { work(t) }
            } else {
                DispatchQueue.concurrentPerform(iterations: tasks, execute: work)
            }
        }
        return failures.compactMap { $0 }.min { $0.line < $1.line }
    }

    /// The user-facing error for a row failure.
    private static func error(
        for f: RowFailure, line: Int, path: String, columnLabels: [String]
    ) -> IOReadError {
        let label = f.field >= 2 && f.field - 2 < columnLabels.count ? columnLabels[f.field - 2] : nil
        let loc = FileLocation(file: path, line: line, column: f.field, columnLabel: label)
        switch f.kind {
        case let .ragged(found):
            return .raggedRow(FileLocation(file: path, line: line), expectedFields: columnLabels.count + 1, foundFields: found)
        case .empty: return .emptyCell(loc)
        case .nonNumeric: return .nonNumericCell(loc, cell: f.cell)
        case .nonFinite: return .nonFiniteCell(loc, cell: f.cell)
        case .badLabel:
            return .badQuote(
                FileLocation(file: path, line: line, column: 1),
                reason: "the quoted label \(f.cell) is not closed, or has text after its closing quote (write \"\" for a quote inside quotes)")
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    var trimmingASCIISpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}

import Foundation
import LinearAlgebra

/// Reads an input-output folder in the layout of the NBS tables:
///
/// | file | content |
/// |---|---|
/// | `Z.csv` (required) | intermediate flows, header `code,<sector codes…>`, one row per sector, same codes in the same order |
/// | `Y.csv` (required) | final demand, header `code,<category labels…>`, one row per sector in `Z.csv` order |
/// | `F.csv` | factor / extension rows, header `code,<sector codes…>` in `Z.csv` order |
/// | `x.csv` | gross output, header `code,<label>` (e.g. `code,x`), one row per sector; without it x = Z·1 + Y·1 |
/// | `sectors.csv` | `code,name_en,name_zh` (any order of columns, names may be quoted) |
///
/// Files are UTF-8 with or without a byte-order mark, with LF or CRLF line ends; blank lines
/// are skipped. Numbers are decimal (`strtod` in the C locale: `12`, `-3.5`, `1.2e6`); empty
/// cells, NaN, infinity and hexadecimal numbers are errors. Large tables are read in chunks and
/// parsed in parallel straight into the matrices. Every error is an `IOReadError` naming the file
/// and, where it applies, the line and column.
///
/// A sector with gross output 0 is accepted only if its row and column in `Z` and its column
/// in `F` are all zero (an idle sector: its coefficients are taken as 0); otherwise the error
/// `zeroGrossOutputWithFlows` names it.
///
/// ```swift
/// let table = try IOFolderReader.read(URL(fileURLWithPath: "data/china-io/2020-42"))
/// print(table.sectors.count, table.finalDemandLabels)   // 42 ["TC", "FU201", "FU202", "EX"]
/// ```
public enum IOFolderReader {
    /// Reads the folder at `folder`.
    /// - Throws: `IOReadError`.
    public static func read(_ folder: URL) throws(IOReadError) -> IOTable {
        try read(path: folder.path)
    }

    /// Reads the folder at `path`.
    /// - Throws: `IOReadError`.
    public static func read(path folder: String) throws(IOReadError) -> IOTable {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingFolder(path: folder)
        }
        func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }

        // Z: square, row labels = column labels.
        let zPath = file("Z.csv")
        guard exists("Z.csv") else { throw .missingFile(path: zPath) }
        guard exists("Y.csv") else { throw .missingFile(path: file("Y.csv")) }
        let z = try NumericCSVReader.read(path: zPath, square: true)
        let codes = z.columnLabels
        let n = codes.count
        try checkRowLabels(z, expected: codes, reference: { "column \($0 + 2) of the header of Z.csv" })
        try checkRowCount(z, expected: n, reference: "Z must be square: one row per column label")

        // Y: one row per sector.
        let y = try NumericCSVReader.read(path: file("Y.csv"), expectedRows: n)
        try checkRowLabels(y, expected: codes, reference: { "row \($0 + 1) of Z.csv" })
        try checkRowCount(y, expected: n, reference: "one row per sector of Z.csv")

        // F: optional, columns = sectors.
        var f = Matrix(rows: 0, columns: n)
        var fLabels: [String] = []
        if exists("F.csv") {
            let t = try NumericCSVReader.read(path: file("F.csv"))
            for (j, label) in t.columnLabels.enumerated() where j < n && label != codes[j] {
                throw .labelMismatch(
                    FileLocation(file: t.path, line: 1, column: j + 2), found: label,
                    expected: codes[j], reference: "column \(j + 2) of Z.csv")
            }
            if t.columnLabels.count != n {
                throw .columnCountMismatch(
                    path: t.path, found: t.columnLabels.count, expected: n,
                    reference: "one column per sector of Z.csv")
            }
            try checkUnique(t)
            f = t.values
            fLabels = t.rowLabels
        }

        // x: optional, else row sums.
        var x: [Double]
        var xComputed = false
        var xPath = zPath
        var xLines = z.rowLines
        if exists("x.csv") {
            let t = try NumericCSVReader.read(path: file("x.csv"), expectedRows: n)
            if t.columnLabels.count != 1 {
                throw .columnCountMismatch(
                    path: t.path, found: t.columnLabels.count, expected: 1,
                    reference: "x.csv holds one column of gross output, header 'code,x'")
            }
            try checkRowLabels(t, expected: codes, reference: { "row \($0 + 1) of Z.csv" })
            try checkRowCount(t, expected: n, reference: "one row per sector of Z.csv")
            x = t.values.elements
            xPath = t.path
            xLines = t.rowLines
            for (i, v) in x.enumerated() where v < 0 {
                throw .negativeGrossOutput(
                    FileLocation(file: t.path, line: t.rowLines[i], column: 2, columnLabel: t.columnLabels[0]),
                    sector: codes[i], value: v)
            }
        } else {
            xComputed = true
            x = zip(z.values.rowSums, y.values.rowSums).map { $0 + $1 }
            for (i, v) in x.enumerated() where v < 0 {
                throw .negativeGrossOutput(
                    FileLocation(file: "\(zPath) + \(y.path) (no x.csv: x = row sum of Z + row sum of Y)", line: z.rowLines[i]),
                    sector: codes[i], value: v)
            }
        }

        // Zero output with flows.
        for j in 0..<n where x[j] == 0 {
            var flows = false
            for i in 0..<n where z.values[i, j] != 0 || z.values[j, i] != 0 { flows = true; break }
            for r in 0..<f.rows where f[r, j] != 0 { flows = true; break }
            if flows {
                throw .zeroGrossOutputWithFlows(FileLocation(file: xPath, line: xLines[j]), sector: codes[j])
            }
        }

        var sectors = codes.map { Sector(code: $0) }
        if exists("sectors.csv") { try readNames(path: file("sectors.csv"), into: &sectors) }

        do {
            var table = try IOTable(
                sectors: sectors, intermediate: z.values, finalDemand: y.values,
                finalDemandLabels: y.columnLabels, factors: f, factorLabels: fLabels,
                grossOutput: x)
            table.grossOutputIsComputed = xComputed
            return table
        } catch {
            throw .unreadable(path: folder, reason: error.description)
        }
    }

    /// Row labels must equal `expected` position by position (for the rows present).
    static func checkRowLabels(
        _ t: NumericCSVTable, expected: [String], reference: (Int) -> String
    ) throws(IOReadError) {
        for (i, label) in t.rowLabels.enumerated() where i < expected.count && label != expected[i] {
            throw .labelMismatch(
                FileLocation(file: t.path, line: t.rowLines[i], column: 1), found: label,
                expected: expected[i], reference: reference(i))
        }
    }

    static func checkRowCount(_ t: NumericCSVTable, expected: Int, reference: String) throws(IOReadError) {
        if t.dataRowCount != expected {
            throw .rowCountMismatch(path: t.path, found: t.dataRowCount, expected: expected, reference: reference)
        }
    }

    static func checkUnique(_ t: NumericCSVTable) throws(IOReadError) {
        var seen = Set<String>()
        for (i, label) in t.rowLabels.enumerated() where !seen.insert(label).inserted {
            throw .duplicateLabel(FileLocation(file: t.path, line: t.rowLines[i], column: 1), label: label)
        }
    }

    /// Reads `sectors.csv` (`code` column required, `name_en` / `name_zh` optional).
    static func readNames(path: String, into sectors: inout [Sector]) throws(IOReadError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot open the file")
        }
        let records: [CSVText.Record]
        do {
            records = try CSVText.parse([UInt8](data))
        } catch {
            switch error {
            case let .unterminatedQuote(line):
                throw .badQuote(FileLocation(file: path, line: line), reason: "a quoted field is never closed")
            case let .textAfterQuote(line, field):
                throw .badQuote(FileLocation(file: path, line: line, column: field), reason: "text after a closing quote")
            case let .notUTF8(line, problem):
                throw .notUTF8(path: path, line: line, problem: problem)
            case .carriageReturnLineEndings:
                throw .carriageReturnLineEndings(path: path)
            }
        }
        guard let header = records.first else { throw .emptyFile(path: path) }
        let names = header.fields.map(\.trimmingASCIISpaces)
        guard let codeColumn = names.firstIndex(of: "code") else {
            throw .badHeader(FileLocation(file: path, line: header.line), reason: "no 'code' column (expected 'code,name_en,name_zh')")
        }
        let en = names.firstIndex(of: "name_en") ?? names.firstIndex(of: "name")
        let zh = names.firstIndex(of: "name_zh")
        var index: [String: Int] = [:]
        for (i, s) in sectors.enumerated() { index[s.code] = i }
        var seen = Set<String>()
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                throw .raggedRow(FileLocation(file: path, line: record.line), expectedFields: names.count, foundFields: record.fields.count)
            }
            let code = record.fields[codeColumn].trimmingASCIISpaces
            guard let i = index[code] else {
                throw .unknownSector(FileLocation(file: path, line: record.line, column: codeColumn + 1, columnLabel: "code"), code: code)
            }
            guard seen.insert(code).inserted else {
                throw .duplicateLabel(FileLocation(file: path, line: record.line, column: codeColumn + 1), label: code)
            }
            if let en { sectors[i].nameEn = record.fields[en] }
            if let zh { sectors[i].nameZh = record.fields[zh] }
        }
    }
}

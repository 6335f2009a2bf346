import Foundation
import Testing
@testable import InputOutput
import LinearAlgebra
import NumericTestSupport

/// Byte-level reading: BOM, CRLF, quotes, chunk boundaries, long lines, exact numbers.
@Suite struct ReaderTests {
    @Test func bomCRLFAndQuotedFieldsParse() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let folder = try TempFolder([
            "Y.csv": "code,f\r\nS1,350\r\nS2,1700",  // CRLF, no final line end
            "x.csv": "\"code\",\"x\"\n\"S1\",\"1000\"\n\"S2\", 2e3 \n\n",  // quotes, spaces, blank line
            "sectors.csv": "code,name_en,name_zh\r\nS1,\"Farming, fishing \"\"etc.\"\"\",农业\r\nS2,Other,其他\r\n",
        ])
        defer { folder.remove() }
        try folder.write("Z.csv", bytes: bom + Array("code,S1,S2\r\nS1,150,500\r\nS2,+2.0E2,100.\r\n".utf8))
        try folder.write("F.csv", bytes: bom + Array("code,S1,S2\nVA,650,1400\n".utf8))
        let t = try IOFolderReader.read(folder.url)
        #expect(t.sectors.map(\.code) == ["S1", "S2"])
        #expect(t.intermediate == (try Matrix([[150, 500], [200, 100]])))
        #expect(t.finalDemand.elements == [350, 1700])
        #expect(t.grossOutput == [1000, 2000])
        #expect(t.factorLabels == ["VA"])
        #expect(t.sectors[0].nameEn == "Farming, fishing \"etc.\"")
        #expect(t.sectors[0].nameZh == "农业")
        #expect(t.sectors[1].nameZh == "其他")
    }

    /// Numbers written with Swift's shortest round-trip representation are read back exactly,
    /// whatever the chunk size (chunks much shorter than a line force the buffer to grow).
    @Test(arguments: [64, 1000, 1 << 20])
    func chunkBoundariesAndExactValues(chunkSize: Int) throws {
        let rows = 37, cols = 53
        var generator = SplitMix64(seed: 7)
        var values = [Double](repeating: 0, count: rows * cols)
        var text = "code," + (0..<cols).map { "c\($0)" }.joined(separator: ",") + "\n"
        for i in 0..<rows {
            var line = "r\(i)"
            for j in 0..<cols {
                let v = (generator.uniform() - 0.3) * pow(10, Double(Int(generator.uniform() * 20) - 8))
                values[i + j * rows] = v
                line += ",\(v)"
            }
            text += line + (i % 3 == 0 ? "\r\n" : "\n")
        }
        let folder = try TempFolder(["t.csv": text])
        defer { folder.remove() }
        for expected in [nil, rows] as [Int?] {
            let t = try NumericCSVReader.read(path: folder.path("t.csv"), expectedRows: expected, chunkSize: chunkSize)
            #expect(t.values.rows == rows && t.values.columns == cols)
            #expect(t.values.elements == values)
            #expect(t.rowLabels == (0..<rows).map { "r\($0)" })
            #expect(t.rowLines == Array(2...(rows + 1)))
        }
    }

    /// The next run is read while the current one is parsed: an error the reader finds in a
    /// later run (bytes that are not UTF-8) never hides a bad cell of an earlier run, a bad cell never
    /// hides an earlier encoding error, and stopping at the first error does not wait forever.
    @Test func errorsInLaterRunsComeAfterEarlierOnes() throws {
        let n = 40
        func table(badCellRow: Int?, gbkRow: Int?) -> [UInt8] {
            var bytes = Array(("code," + (0..<n).map { "s\($0)" }.joined(separator: ",") + "\n").utf8)
            for i in 0..<n {
                var cells = (0..<n).map { "\(Double(i * n + $0) * 0.25)" }
                if i == badCellRow { cells[5] = "bad" }
                bytes += Array("s\(i)".utf8)
                if i == gbkRow { bytes += [0xD6, 0xD0] }  // 中 in GBK, not UTF-8
                bytes += Array(",".utf8)
                bytes += Array((cells.joined(separator: ",") + "\n").utf8)
            }
            return bytes
        }
        let folder = try TempFolder([:])
        defer { folder.remove() }
        let path = folder.path("t.csv")
        for chunkSize in [300, 2000, 1 << 20] {
            try folder.write("t.csv", bytes: table(badCellRow: 3, gbkRow: 30))
            let first = #expect(throws: IOReadError.self) { try NumericCSVReader.read(path: path, square: true, chunkSize: chunkSize) }
            if chunkSize < 1 << 20 {
                #expect(first == .nonNumericCell(FileLocation(file: path, line: 5, column: 7, columnLabel: "s5"), cell: "bad"), "chunk \(chunkSize)")
            } else {
                // One run holds the whole file: its encoding is checked before any cell, as always.
                #expect(first == .notUTF8(path: path, line: 32, problem: .gbk))
            }
            try folder.write("t.csv", bytes: table(badCellRow: 30, gbkRow: 3))
            let second = #expect(throws: IOReadError.self) { try NumericCSVReader.read(path: path, square: true, chunkSize: chunkSize) }
            #expect(second == .notUTF8(path: path, line: 5, problem: .gbk), "chunk \(chunkSize)")
            try folder.write("t.csv", bytes: table(badCellRow: nil, gbkRow: nil))
            let t = try NumericCSVReader.read(path: path, square: true, chunkSize: chunkSize)
            #expect(t.values[39, 39] == Double(39 * 40 + 39) * 0.25 && t.rowLines == Array(2...41))
        }
    }

    /// Parallel parsing (enough cells to use several tasks) reports the earliest bad line.
    @Test func parallelParseReportsFirstError() throws {
        let n = 400
        var text = "code," + (0..<n).map { "s\($0)" }.joined(separator: ",") + "\n"
        for i in 0..<n {
            var cells = (0..<n).map { "\(Double(i * n + $0) * 0.5)" }
            if i == 250 { cells[17] = "bad" }
            if i == 390 { cells[3] = "worse" }
            text += "s\(i)," + cells.joined(separator: ",") + "\n"
        }
        let folder = try TempFolder(["t.csv": text])
        defer { folder.remove() }
        let e = #expect(throws: IOReadError.self) {
            try NumericCSVReader.read(path: folder.path("t.csv"), square: true, chunkSize: 100_000)
        }
        #expect(e == .nonNumericCell(FileLocation(file: folder.path("t.csv"), line: 252, column: 19, columnLabel: "s17"), cell: "bad"))
        // And a clean table of the same size reads exactly.
        text = text.replacingOccurrences(of: "bad", with: "1").replacingOccurrences(of: "worse", with: "2")
        try folder.write("t.csv", text)
        let t = try NumericCSVReader.read(path: folder.path("t.csv"), square: true, chunkSize: 100_000)
        #expect(t.values[0, 1] == 0.5 && t.values[399, 399] == Double(399 * 400 + 399) * 0.5)
        #expect(t.values[250, 17] == 1 && t.values[390, 3] == 2)
    }

    @Test func csvTextParser() throws {
        let r = try CSVText.parse(Array("a,\"b,\"\"c\"\"\"\r\n\n\"multi\nline\",x\n,\n".utf8))
        #expect(r == [
            CSVText.Record(line: 1, fields: ["a", "b,\"c\""]),
            CSVText.Record(line: 3, fields: ["multi\nline", "x"]),
            CSVText.Record(line: 5, fields: ["", ""]),
        ])
        #expect(throws: CSVText.ParseError.unterminatedQuote(line: 1)) { try CSVText.parse(Array("\"abc".utf8)) }
    }
}

import Foundation
import Testing
@testable import InputOutput
import LinearAlgebra

/// Every malformed input gives an error naming the file and, where it applies, line and column.
@Suite struct BadInputTests {
    func with(_ name: String, _ content: String, removing removed: [String] = []) -> [String: String] {
        var files = validFiles
        files[name] = content
        for r in removed { files[r] = nil }
        return files
    }

    @Test func validFilesRead() throws {
        let folder = try TempFolder(validFiles)
        defer { folder.remove() }
        let t = try IOFolderReader.read(folder.url)
        #expect(t.grossOutput == [1000, 2000])
    }

    @Test func missingFolder() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)")
        let e = #expect(throws: IOReadError.self) { try IOFolderReader.read(path) }
        #expect(e == .missingFolder(path: path.path))
        #expect(e?.description.contains("folder not found") == true)
    }

    @Test func missingYAndZ() throws {
        let e = try readError(with("F.csv", validFiles["F.csv"]!, removing: ["Y.csv"]))
        guard case let .missingFile(path) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path.hasSuffix("/Y.csv"))
        #expect(e?.description.contains("Y.csv: file not found") == true)
        let e2 = try readError(with("F.csv", validFiles["F.csv"]!, removing: ["Z.csv"]))
        #expect(e2?.description.contains("Z.csv: file not found") == true)
    }

    @Test func emptyFile() throws {
        let e = try readError(with("Z.csv", ""))
        guard case let .emptyFile(path) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path.hasSuffix("Z.csv"))
        // Only a byte-order mark and blank lines is empty too.
        let e2 = try readError(with("Y.csv", "\u{FEFF}\n\r\n"))
        #expect(e2?.description.contains("Y.csv: the file is empty") == true)
        // A header without rows.
        let e3 = try readError(with("Y.csv", "code,f\n"))
        #expect(e3?.description.contains("Y.csv: the file has a header line but no data rows") == true)
    }

    @Test func raggedRows() throws {
        let e = try readError(with("Z.csv", "code,S1,S2\nS1,150\nS2,200,100\n"))
        #expect(e == .raggedRow(FileLocation(file: e.map(path) ?? "", line: 2), expectedFields: 3, foundFields: 2))
        #expect(e?.description.contains("Z.csv, line 2: ragged row: expected 3 fields like the header, found 2") == true)
        let e2 = try readError(with("Y.csv", "code,f\nS1,350\nS2,1700,5,6\n"))
        #expect(e2?.description.contains("Y.csv, line 3: ragged row: expected 2 fields like the header, found 4") == true)
    }

    @Test func nonNumericAndEmptyCells() throws {
        let e = try readError(with("Z.csv", "code,S1,S2\nS1,150,500\nS2,2O0,100\n"))
        #expect(e?.description.contains("Z.csv, line 3, column 2 ('S1'): non-numeric cell \"2O0\"") == true)
        let e2 = try readError(with("Y.csv", "code,f\nS1,abc\nS2,1700\n"))
        #expect(e2?.description.contains("Y.csv, line 2, column 2 ('f'): non-numeric cell \"abc\"") == true)
        let e3 = try readError(with("Z.csv", "code,S1,S2\nS1,150,\nS2,200,100\n"))
        #expect(e3?.description.contains("Z.csv, line 2, column 3 ('S2'): empty cell") == true)
        let e4 = try readError(with("Z.csv", "code,S1,S2\nS1,0x1p3,500\nS2,200,100\n"))
        #expect(e4?.description.contains("non-numeric cell \"0x1p3\"") == true)
        let e5 = try readError(with("Z.csv", "code,S1,S2\nS1,\"1,5\",500\nS2,200,100\n"))
        #expect(e5?.description.contains("Z.csv, line 2, column 2 ('S1'): non-numeric") == true)
    }

    @Test func nanAndInfinity() throws {
        for cell in ["NaN", "inf", "-Infinity", "1e999"] {
            let e = try readError(with("Z.csv", "code,S1,S2\nS1,150,500\nS2,200,\(cell)\n"))
            #expect(e == .nonFiniteCell(FileLocation(file: e.map(path) ?? "", line: 3, column: 3, columnLabel: "S2"), cell: cell), "\(cell)")
            #expect(e?.description.contains("NaN and infinity are not allowed") == true)
        }
    }

    @Test func labelsDifferBetweenFiles() throws {
        // Z rows vs Z columns.
        let e = try readError(with("Z.csv", "code,S1,S2\nS1,150,500\nS3,200,100\n"))
        #expect(e?.description.contains("Z.csv, line 3, column 1: label 'S3' differs from 'S2' in column 3 of the header of Z.csv") == true)
        // Y rows vs Z.
        let e2 = try readError(with("Y.csv", "code,f\nS2,350\nS1,1700\n"))
        #expect(e2?.description.contains("Y.csv, line 2, column 1: label 'S2' differs from 'S1' in row 1 of Z.csv") == true)
        // F columns vs Z.
        let e3 = try readError(with("F.csv", "code,S1,Sx\nVA,650,1400\n"))
        #expect(e3?.description.contains("F.csv, line 1, column 3: label 'Sx' differs from 'S2' in column 3 of Z.csv") == true)
        // x rows vs Z.
        let e4 = try readError(with("x.csv", "code,x\nS1,1000\nS9,2000\n"))
        #expect(e4?.description.contains("x.csv, line 3, column 1: label 'S9' differs from 'S2'") == true)
        // Counts.
        let e5 = try readError(with("Y.csv", "code,f\nS1,350\nS2,1700\nS3,1\n"))
        #expect(e5?.description.contains("Y.csv: 3 data rows, expected 2 (one row per sector of Z.csv)") == true)
        let e6 = try readError(with("F.csv", "code,S1\nVA,650\n"))
        #expect(e6?.description.contains("F.csv: 1 numeric columns, expected 2") == true)
        let e7 = try readError(with("Z.csv", "code,S1,S2\nS1,150,500\n"))
        #expect(e7?.description.contains("Z.csv: 1 data rows, expected 2 (Z must be square") == true)
        // Duplicates.
        let e8 = try readError(with("Z.csv", "code,S1,S1\nS1,150,500\nS1,200,100\n"))
        #expect(e8?.description.contains("Z.csv, line 1, column 3 ('S1'): duplicate label 'S1'") == true)
        let e9 = try readError(with("F.csv", "code,S1,S2\nVA,650,1400\nVA,1,1\n"))
        #expect(e9?.description.contains("F.csv, line 3, column 1: duplicate label 'VA'") == true)
    }

    @Test func grossOutput() throws {
        let e = try readError(with("x.csv", "code,x\nS1,1000\nS2,-2000\n"))
        #expect(e?.description.contains("x.csv, line 3, column 2 ('x'): gross output of sector 'S2' is negative (-2000.0)") == true)
        // Computed x (no x.csv) that is negative.
        let e2 = try readError(with("Y.csv", "code,f\nS1,350\nS2,-400\n", removing: ["x.csv"]))
        #expect(e2?.description.contains("gross output of sector 'S2' is negative (-100.0)") == true)
        #expect(e2?.description.contains("Z.csv") == true)
        // x = 0 with flows.
        let e3 = try readError(with("x.csv", "code,x\nS1,0\nS2,2000\n"))
        #expect(e3?.description.contains("x.csv, line 2: gross output of sector 'S1' is 0 but the sector has intermediate or factor flows") == true)
    }

    @Test func sectorNamesFile() throws {
        let e = try readError(with("sectors.csv", "code,name_en,name_zh\nS1,\"a, b\",甲\nS7,c,丙\n"))
        #expect(e?.description.contains("sectors.csv, line 3, column 1 ('code'): unknown sector code 'S7'") == true)
        let e2 = try readError(with("sectors.csv", "name_en,name_zh\nx,y\n"))
        #expect(e2?.description.contains("sectors.csv, line 1: bad header: no 'code' column") == true)
        let e3 = try readError(with("sectors.csv", "code,name_en,name_zh\nS1,a\n"))
        #expect(e3?.description.contains("sectors.csv, line 2: ragged row") == true)
    }

    @Test(arguments: [LeontiefSolverChoice.factorization, .krylov])
    func nonProductiveTable(solver: LeontiefSolverChoice) throws {
        // A = [[.9, .75], [.3, .45]] has ρ(A) = 1.2: (I − A)⁻¹·1 has a negative entry.
        let folder = try TempFolder([
            "Z.csv": "code,a,b\na,900,1500\nb,300,900\n",
            "Y.csv": "code,f\na,-1400\nb,800\n",
            "x.csv": "code,x\na,1000\nb,2000\n",
        ])
        defer { folder.remove() }
        let table = try IOFolderReader.read(folder.url)
        let e = #expect(throws: IOAnalysisError.self) { try IOAnalysis.analyze(table, options: IOAnalysisOptions(solver: solver)) }
        guard case let .notProductive(sector, _) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(["a", "b"].contains(sector))
        #expect(e?.description.contains("the table is not productive (spectral radius of A ≥ 1): worst sector") == true)
    }

    @Test(arguments: [LeontiefSolverChoice.factorization, .krylov])
    func singularTable(solver: LeontiefSolverChoice) throws {
        // A = [[.5, .5], [.5, .5]]: I − A is singular (ρ(A) = 1).
        let table = try IOTable(
            sectors: [Sector(code: "a", nameZh: "甲"), Sector(code: "b", nameZh: "乙")],
            intermediate: try Matrix([[500, 1000], [500, 1000]]), finalDemand: try Matrix([[0], [500]]),
            finalDemandLabels: ["f"], grossOutput: [1000, 2000])
        // GMRES cannot solve a singular system; it falls back to the LU, which names the pivot.
        let e = #expect(throws: IOAnalysisError.self) { try IOAnalysis.analyze(table, options: IOAnalysisOptions(solver: solver)) }
        #expect(e == .singular(sector: "b 乙"))
        #expect(e?.description == "the table is not productive: I − A is singular (zero pivot at sector b 乙)")
    }

    @Test func demandFileErrors() throws {
        let folder = try TempFolder([
            "d.csv": "code,s1\nS1,5\nS9,1\n",
            "dup.csv": "code,s1\nS1,5\nS1,1\n",
            "bad.csv": "code,s1,s2\nS1,5,x\n",
        ])
        defer { folder.remove() }
        let sectors = [Sector(code: "S1"), Sector(code: "S2")]
        let e = #expect(throws: IOReadError.self) { try DemandScenarios.read(path: folder.path("d.csv"), sectors: sectors) }
        #expect(e?.description.contains("d.csv, line 3, column 1: unknown sector code 'S9'") == true)
        let e2 = #expect(throws: IOReadError.self) { try DemandScenarios.read(path: folder.path("dup.csv"), sectors: sectors) }
        #expect(e2?.description.contains("dup.csv, line 3, column 1: duplicate label 'S1'") == true)
        let e3 = #expect(throws: IOReadError.self) { try DemandScenarios.read(path: folder.path("bad.csv"), sectors: sectors) }
        #expect(e3?.description.contains("bad.csv, line 2, column 3 ('s2'): non-numeric cell \"x\"") == true)
        let e4 = #expect(throws: IOReadError.self) { try DemandScenarios.read(path: folder.path("none.csv"), sectors: sectors) }
        #expect(e4?.description.contains("none.csv: file not found") == true)
    }

    /// The path inside an error (to build the expected value).
    func path(_ e: IOReadError) -> String {
        switch e {
        case let .raggedRow(l, _, _), let .emptyCell(l), let .nonNumericCell(l, _), let .nonFiniteCell(l, _):
            return l.file
        default: return ""
        }
    }
}

import Foundation
import Testing

/// End-to-end tests of `binhai io analyze` through the built executable.
@Suite struct IOAnalyzeCLITests {
    /// Miller & Blair (2009), Table 2.3: Z = [[150,500],[200,100]], f = [350,1700], x = [1000,2000].
    func millerBlairFolder() throws -> URL {
        let dir = try CLI.temporaryFolder()
        try "code,1,2\n1,150,500\n2,200,100\n".write(to: dir.appendingPathComponent("Z.csv"), atomically: true, encoding: .utf8)
        try "code,f\n1,350\n2,1700\n".write(to: dir.appendingPathComponent("Y.csv"), atomically: true, encoding: .utf8)
        try "code,1,2\nVA001,650,1400\n".write(to: dir.appendingPathComponent("F.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func jsonHasTheDocumentedKeysAndTextbookValues() throws {
        let dir = try millerBlairFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["io", "analyze", dir.path, "--format", "json", "--include", "leontief_inverse,technical_coefficients"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["sectors", "x", "output_multipliers", "multipliers", "backward_linkage", "forward_linkage", "key_sectors",
                    "leontief_inverse", "technical_coefficients"] {
            #expect(obj[key] != nil, "missing key \(key)")
        }
        #expect(obj["ghosh_inverse"] == nil)
        #expect(obj["sectors"] as? [String] == ["1", "2"])
        let m = try #require(obj["output_multipliers"] as? [Double])
        // Miller & Blair: output multipliers 1.518152, 1.452145.
        #expect(abs(m[0] - 1.518152) < 1e-6 && abs(m[1] - 1.452145) < 1e-6)
        let l = try #require(obj["leontief_inverse"] as? [[Double]])
        #expect(abs(l[0][0] - 1.254125) < 1e-6 && abs(l[0][1] - 0.330033) < 1e-6)
        #expect(abs(l[1][0] - 0.264026) < 1e-6 && abs(l[1][1] - 1.122112) < 1e-6)
        let a = try #require(obj["technical_coefficients"] as? [[Double]])
        #expect(abs(a[0][1] - 0.25) < 1e-15 && abs(a[1][0] - 0.20) < 1e-15)
        let bl = try #require(obj["backward_linkage"] as? [Double])
        // Rasmussen BL = m / mean(m) = 1.518152 / 1.4851485 = 1.022222.
        #expect(abs(bl[0] - 1.518152 / ((1.518152 + 1.452145) / 2)) < 1e-5)
    }

    /// `--solver gmres` on the textbook table: the same Miller & Blair multipliers, and the JSON
    /// diagnostics say how it was solved; an unknown solver is refused before any work.
    @Test func solverOptionChoosesGMRES() throws {
        let dir = try millerBlairFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["io", "analyze", dir.path, "--format", "json", "--solver", "gmres"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let m = try #require(obj["output_multipliers"] as? [Double])
        #expect(abs(m[0] - 1.518152) < 1e-6 && abs(m[1] - 1.452145) < 1e-6)
        let d = try #require(obj["diagnostics"] as? [String: Any])
        #expect(d["solver"] as? String == "gmres")
        // Two distinct eigenvalues: GMRES needs two steps and one residual check.
        #expect(d["solver_matrix_passes"] as? Int == 3)
        let lu = try CLI.run(["io", "analyze", dir.path, "--format", "json"])
        let dl = try #require((try JSONSerialization.jsonObject(with: Data(lu.stdout.utf8)) as? [String: Any])?["diagnostics"] as? [String: Any])
        #expect(dl["solver"] as? String == "lu")
        // The table's notes say it too, in either language.
        let en = try CLI.run(["io", "analyze", dir.path, "--solver", "gmres", "--lang", "en"])
        #expect(en.stdout.contains("Solved by GMRES without factoring I−A (3 passes over the matrix"), "\(en.stdout)")
        let zh = try CLI.run(["io", "analyze", dir.path, "--solver", "gmres", "--lang", "zh"])
        #expect(zh.stdout.contains("求解：GMRES，未分解 I−A（3 次遍历矩阵"), "\(zh.stdout)")
        #expect(!(try CLI.run(["io", "analyze", dir.path, "--lang", "en"])).stdout.contains("GMRES"))
        let bad = try CLI.run(["io", "analyze", dir.path, "--solver", "cg"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--solver") && bad.stderr.contains("cg"))
    }

    @Test func demandChangeGivesTextbookOutput() throws {
        let dir = try millerBlairFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Miller & Blair: f = [600, 1500] → x = [1247.5248, 1841.5842]; the change from f0 = [350, 1700].
        let delta = dir.appendingPathComponent("delta.csv")
        try "code,new_demand\n1,250\n2,-200\n".write(to: delta, atomically: true, encoding: .utf8)
        let r = try CLI.run(["io", "analyze", dir.path, "--format", "json", "--demand-change", delta.path])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let dc = try #require(obj["demand_change"] as? [String: Any])
        let dx = try #require((dc["delta_x"] as? [String: Any])?["new_demand"] as? [Double])
        #expect(abs(1000 + dx[0] - 1247.5248) < 1e-4 && abs(2000 + dx[1] - 1841.5842) < 1e-4)
    }

    @Test func embeddedTableRunsFromAnyFolderAndAlignsChinese() throws {
        let elsewhere = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let r = try CLI.run(["io", "analyze"], cwd: elsewhere)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let row11 = try #require(lines.first { $0.hasPrefix("11 ") })
        #expect(row11.contains("石油、炼焦产品和核燃料加工品") && row11.contains("1.9608"))
        // All 42 sector rows: the right-aligned numeric columns end at the same display column
        // (CJK characters count two cells), i.e. the text before the last (class) column has one width.
        let sectorRows = lines.filter { $0.first?.isNumber == true && $0.count > 2 }
        #expect(sectorRows.count == 42)
        func cells(_ s: Substring) -> Int {
            s.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x2E80 && $1.value <= 0xFFEF) ? 2 : 1) }
        }
        let widths = Set(sectorRows.map { line -> Int in
            let withoutClass = line[..<(line.range(of: " ", options: .backwards)?.lowerBound ?? line.endIndex)]
            return cells(withoutClass.trimmingSuffix(" "))
        })
        #expect(widths.count == 1)
    }

    @Test func csvAndMarkdownFormats() throws {
        let dir = try millerBlairFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try CLI.run(["io", "analyze", dir.path, "--format", "csv", "--lang", "en"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("code,sector,gross output,output mult."))
        #expect(lines[1].hasPrefix("1,,1000"))
        let md = try CLI.run(["io", "analyze", dir.path, "--format", "markdown", "--lang", "en"])
        #expect(md.stdout.contains("| code | sector |"))
    }

    @Test func outFileIsWrittenAtomically() throws {
        let dir = try millerBlairFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("result.json")
        let ok = try CLI.run(["io", "analyze", dir.path, "--format", "json", "--out", target.path])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: target.path))
        // A failing run (CSV cannot hold matrices) leaves no file behind.
        let failed = dir.appendingPathComponent("failed.csv")
        let bad = try CLI.run(["io", "analyze", dir.path, "--format", "csv", "--include", "leontief_inverse", "--out", failed.path])
        #expect(bad.status != 0)
        #expect(!FileManager.default.fileExists(atPath: failed.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func userErrorsAreClearAndExitNonZero() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try CLI.run(["io", "analyze", dir.appendingPathComponent("nope").path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope"))
        #expect(!missing.stderr.contains("Fatal error") && !missing.stderr.contains("Stack dump"))

        try "code,1,2\n1,150,500\n2,200,x\n".write(to: dir.appendingPathComponent("Z.csv"), atomically: true, encoding: .utf8)
        try "code,f\n1,350\n2,1700\n".write(to: dir.appendingPathComponent("Y.csv"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["io", "analyze", dir.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("Z.csv") && bad.stderr.contains("3"), "\(bad.stderr)")

        let include = try CLI.run(["io", "analyze", "--include", "bogus"])
        #expect(include.status != 0 && include.stderr.contains("bogus"))
        let hh = try CLI.run(["io", "analyze", "--households", "VA001"])
        #expect(hh.status != 0 && hh.stderr.contains("ROW:COLUMN"))
    }

    @Test func doctorNamesTheLoadedLibrary() throws {
        let r = try CLI.run(["doctor"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("BLAS library: /"))
        #expect(r.stdout.contains("implementation:"))
        #expect(r.stdout.contains("GMRES products (io analyze, large tables): "))
    }
}


extension Substring {
    func trimmingSuffix(_ ch: Character) -> Substring {
        var s = self
        while s.last == ch { s = s.dropLast() }
        return s
    }
}

/// `--out FILE.xlsx`: a workbook (ZIP) with two sheets, the sector table and the requested Leontief
/// inverse, written atomically (no temporary file left). Its contents: BriefingsTests.
@Test func ioAnalyzeWritesAnExcelWorkbook() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("nbs.xlsx")
    let r = try CLI.run(["io", "analyze", "--include", "leontief_inverse", "--lang", "en", "--out", file.path])
    #expect(r.status == 0, "\(r.stderr)")
    let data = try Data(contentsOf: file)
    #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["nbs.xlsx"])
    // The parts are deflated; their names are stored plainly in the ZIP headers.
    #expect(data.range(of: Data("xl/worksheets/sheet2.xml".utf8)) != nil)
    #expect(data.range(of: Data("xl/worksheets/sheet3.xml".utf8)) == nil)
}

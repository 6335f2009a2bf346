import Foundation
import Testing
@testable import InputOutput

/// Text that is not UTF-8 is refused with what it looks like and the iconv command; CR-only line
/// endings and quote errors in labels say what they are.
@Suite struct EncodingTests {
    func folder(_ files: [String: [UInt8]]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("enc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    static let z = Array("code,S1,S2\nS1,1,2\nS2,3,4\n".utf8)
    static let y = Array("code,f\nS1,10\nS2,20\n".utf8)

    /// 农业 in GBK (C5 A9 D2 B5) and 制造业 (D6 C6 D4 EC D2 B5) as sector names.
    @Test func gbkSectorNamesAreRefused() throws {
        var sectors = Array("code,name_en,name_zh\nS1,Agriculture,".utf8) + [0xC5, 0xA9, 0xD2, 0xB5]
        sectors += Array("\nS2,Manufacturing,".utf8) + [0xD6, 0xC6, 0xD4, 0xEC, 0xD2, 0xB5] + Array("\n".utf8)
        let dir = try folder(["Z.csv": Self.z, "Y.csv": Self.y, "sectors.csv": sectors])
        do {
            _ = try IOFolderReader.read(dir)
            Issue.record("GBK accepted")
        } catch {
            let text = "\(error)"
            // 农业 in GBK happens to be valid UTF-8 ("ũҵ"); the first byte UTF-8 refuses is in 制造业.
            #expect(text.contains("sectors.csv is not UTF-8 text (line 3 looks like GBK"), "\(text)")
            #expect(text.contains("iconv -f GBK -t UTF-8"))
        }
    }

    @Test func utf16AndGBKInNumericTables() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + Self.z.flatMap { [$0, UInt8(0)] }
        let d1 = try folder(["Z.csv": utf16, "Y.csv": Self.y])
        #expect(throws: IOReadError.notUTF8(path: d1.appendingPathComponent("Z.csv").path, line: 1, problem: .utf16)) {
            try IOFolderReader.read(d1)
        }
        let gbkLabel = Array("code,S1,S2\n".utf8) + [0xD0, 0xC2, 0xC4, 0xDC, 0xD4, 0xB4] + Array(",1,2\nS2,3,4\n".utf8)
        let d2 = try folder(["Z.csv": gbkLabel, "Y.csv": Self.y])
        #expect(throws: IOReadError.notUTF8(path: d2.appendingPathComponent("Z.csv").path, line: 2, problem: .gbk)) {
            try IOFolderReader.read(d2)
        }
        // UTF-8 with a byte-order mark and Chinese labels is fine.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let names = bom + Array("code,name_en,name_zh\nS1,Agriculture,农业\nS2,Manufacturing,制造业\n".utf8)
        let d3 = try folder(["Z.csv": bom + Self.z, "Y.csv": Self.y, "sectors.csv": names])
        #expect(try IOFolderReader.read(d3).sectors.map(\.nameZh) == ["农业", "制造业"])
    }

    @Test func carriageReturnOnlyAndQuotedLabels() throws {
        let cr = Array("code,S1,S2\rS1,1,2\rS2,3,4\r".utf8)
        let d1 = try folder(["Z.csv": cr, "Y.csv": Self.y])
        #expect(throws: IOReadError.carriageReturnLineEndings(path: d1.appendingPathComponent("Z.csv").path)) {
            try IOFolderReader.read(d1)
        }
        let quoted = Array("code,S1,S2\n\"S1,1,2\nS2,3,4\n".utf8)
        let d2 = try folder(["Z.csv": quoted, "Y.csv": Self.y])
        do {
            _ = try IOFolderReader.read(d2)
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains("quoted label"), "\(error)")
            #expect(!"\(error)".contains("non-numeric"))
        }
    }

    @Test func classifierOnKnownBytes() {
        #expect(TextEncoding.problem(in: Array("plain ascii, 1.5e3\n".utf8)) == nil)
        #expect(TextEncoding.problem(in: Array("新能源,智能科技\n".utf8)) == nil)
        #expect(TextEncoding.problem(in: [0xD0, 0xC2, 0xC4, 0xDC, 0xD4, 0xB4])?.problem == .gbk)  // 新能源 in GBK
        #expect(TextEncoding.problem(in: [0xFE, 0xFF, 0x00, 0x41])?.problem == .utf16)
        #expect(TextEncoding.problem(in: [0x41, 0xED, 0xA0, 0x80])?.offset == 1)  // a UTF-16 surrogate in UTF-8
    }
}

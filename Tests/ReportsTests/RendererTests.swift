import Foundation
import Testing
@testable import Reports

@Suite struct RendererTests {
    @Test func csvQuotesFieldsThatNeedIt() {
        var t = Table(columns: [.init("code"), .init("name")])
        t.append(["01", "Agriculture, forestry"])
        t.append(["02", "say \"hi\""])
        #expect(CSVRenderer().render(t) == "code,name\n01,\"Agriculture, forestry\"\n02,\"say \"\"hi\"\"\"\n")
    }

    @Test func markdownEscapesPipes() {
        var t = Table(columns: [.init("a"), .init("b", alignment: .right)])
        t.append(["x|y", "1"])
        #expect(MarkdownTableRenderer().render(t) == "| a | b |\n| --- | ---: |\n| x\\|y | 1 |\n")
    }

    @Test func jsonWriterProducesValidJSON() throws {
        var bytes: [UInt8] = []
        var w = JSONWriter(chunkSize: 8) { bytes += $0 }
        try w.beginObject()
        try w.member("sectors", strings: ["01", "农业 \"a\"\n"])
        try w.member("x", numbers: [1000, 0.1, .nan])
        try w.member("m", rows: 2, columns: 2) { i, j in Double(i * 2 + j) }
        try w.key("nested")
        try w.beginObject()
        try w.member("n", 3)
        try w.member("ok", true)
        try w.endObject()
        try w.key("empty")
        try w.beginObject()
        try w.endObject()
        try w.endObject()
        try w.flush()
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(obj["sectors"] as? [String] == ["01", "农业 \"a\"\n"])
        let x = try #require(obj["x"] as? [Any])
        #expect(x[0] as? Double == 1000 && x[1] as? Double == 0.1 && x[2] is NSNull)
        #expect(obj["m"] as? [[Double]] == [[0, 1], [2, 3]])
        #expect((obj["nested"] as? [String: Any])?["n"] as? Int == 3)
    }

    @Test func groupedNumbers() {
        #expect(NumberFormatting.grouped(1331683250.27, decimals: 1) == "1,331,683,250.3")
        #expect(NumberFormatting.grouped(-999.5, decimals: 0) == "-1,000")
        #expect(NumberFormatting.fixed(.infinity, decimals: 2) == "—")
    }

    @Test func atomicFileAppearsOnlyOnCommit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.json")
        let sink = try OutputSink(file: target)
        try sink.write("{\"partial\":")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        sink.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let sink2 = try OutputSink(file: target)
        try sink2.write("{}")
        try sink2.commit()
        #expect(try String(contentsOf: target, encoding: .utf8) == "{}")
        #expect(throws: ReportError.self) { try OutputSink(file: dir.appendingPathComponent("missing/x.csv")) }
    }
}

import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `--out` writes the charts and the HTML briefing next to the other formats.
@Suite struct ChartOutputCLITests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Nil when `data` is well-formed XML, else the parser's error.
    func xmlError(_ data: Data) -> Error? {
        let parser = XMLParser(data: data)
        return parser.parse() ? nil : (parser.parserError ?? NSError(domain: "xml", code: 1))
    }

    @Test func outWritesChartsAndTheHTMLBriefingAtomically() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = Self.repo.appendingPathComponent("scenarios/what-if-weak-fdi.yaml").path
        let r = try CLI.run(["run", scenario, "--draws", "300", "--no-effort-search", "--lang", "en", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let expected = [
            "report.md", "report.txt", "forecast.csv", "forecast.json", "forecast.svg", "sources.svg", "variants.svg",
            "stages.svg", "report.html", "briefing.xlsx", "briefing.docx",
        ]
        // The marker says the folder is binhai's (so the next run may replace it).
        let listed = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != ".binhai-output" }
        // Nothing else: no temporary files left behind.
        #expect(Set(listed) == Set(expected), "\(listed.sorted())")
        #expect(!listed.contains { $0.hasPrefix(".") || $0.hasSuffix(".tmp") })
        let wrote = try #require(r.stderr.split(separator: "\n").first { $0.hasPrefix("wrote ") })
        for name in expected {
            let url = dir.appendingPathComponent(name)
            let data = try Data(contentsOf: url)
            #expect(data.count > 200, "\(name) is nearly empty")
            #expect(wrote.contains(url.path), "stderr does not list \(name)")
            if name.hasSuffix(".svg") || name.hasSuffix(".html") {
                #expect(xmlError(data) == nil, "\(name): \(String(describing: xmlError(data)))")
            }
        }
        let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Variant weak-fdi against the baseline"))
        #expect(html.contains("Investment in place 2021–2025 (P10–P90 band)"))
        let fan = try String(contentsOf: dir.appendingPathComponent("forecast.svg"), encoding: .utf8)
        #expect(fan.hasPrefix("<?xml") && fan.contains("font-family=\"Noto Sans CJK SC"))
    }

    @Test func noVariantsNoVariantChart() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain.yaml")
        try """
            id: plain
            title: {zh: 无变体, en: No variants}
            dataset: builtin:binhai-default
            plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
            engine: {draws: 300, seed: 5}
            """.write(to: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["run", file.path, "--no-effort-search", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let listed = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(listed.isSuperset(of: ["forecast.svg", "sources.svg", "report.html"]))
        #expect(!listed.contains("variants.svg"))
        let html = try Data(contentsOf: out.appendingPathComponent("report.html"))
        #expect(xmlError(html) == nil)
        #expect(String(decoding: html, as: UTF8.self).contains("招商引资到位额：2021–2025 预测（P10–P90）"))
    }
}

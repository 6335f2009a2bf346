import Foundation
import Testing

/// `binhai backtest` from the command line, on a small dataset of one total series.
@Suite struct BacktestCLITests {
    static func dataset(in dir: URL) throws -> URL {
        let data = dir.appendingPathComponent("dataset")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let embedded = repo.appendingPathComponent("Sources/Datasets/Resources/binhai-default")
        for f in ["industries.csv", "carriers.csv"] {
            try FileManager.default.copyItem(at: embedded.appendingPathComponent(f), to: data.appendingPathComponent(f))
        }
        try """
            id: series
            title: series
            calibration: {trend: estimated, beijing_share_of_domestic: 0.35}
            """.write(to: data.appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
        // A series that grows 8 %/yr with a wobble, 2000–2015.
        var csv = "year,indicator,value,unit,status,source,note\n"
        for i in 0..<16 { csv += "\(2000 + i),total_in_place,\(1000 * pow(1.08, Double(i)) * (i % 3 == 0 ? 1.05 : 0.97)),亿元,published,test,\n" }
        try csv.write(to: data.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        let scenario = dir.appendingPathComponent("s.yaml")
        try """
            id: s
            title: s
            dataset: dataset
            plan: {base_year: 2010, target_year: 2015, multiplier: 1.5}
            engine: {draws: 500, seed: 1}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        return scenario
    }

    @Test func backtestWritesScoresAsJSONAndTables() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = try Self.dataset(in: dir)
        let r = try CLI.run(["backtest", scenario.path, "--origins", "2005..2008", "--horizon", "3", "--history", "6", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let windows = try #require(json["windows"] as? [[String: Any]])
        #expect(windows.count == 4 * 3)
        #expect((json["pooled"] as? [String: Any])?["windows"] as? Int == 12)
        let text = try CLI.run(["backtest", scenario.path, "--origins", "2005..2008", "--horizon", "3", "--lang", "en"])
        #expect(text.status == 0 && text.stdout.contains("P10–P90 coverage") && text.stdout.contains("Calibration of P(target met)"))
    }

    @Test func badArgumentsAreClearErrors() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = try Self.dataset(in: dir)
        let origins = try CLI.run(["backtest", scenario.path, "--origins", "2005-2008"])
        #expect(origins.status != 0 && origins.stderr.contains("--origins expects FIRST..LAST"))
        let none = try CLI.run(["backtest", scenario.path, "--origins", "2014..2015", "--horizon", "5"])
        #expect(none.status != 0 && none.stderr.contains("no origin"), "\(none.stderr)")
        #expect(!none.stderr.contains("Fatal") && !none.stderr.contains("Backtrace"))
    }
}

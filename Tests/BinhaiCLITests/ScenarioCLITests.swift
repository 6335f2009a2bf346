import Foundation
import ProcessTestSupport
import Testing

/// End-to-end tests of `binhai forecast`, `binhai run` and `binhai validate`.
@Suite struct ScenarioCLITests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func json(_ r: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func forecastJSONHasThePlanFigures() throws {
        let r = try CLI.run(["forecast", "--draws", "400", "--format", "json", "--no-effort-search"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try json(r)
        #expect(obj["base_year"] as? Int == 2020 && obj["target_year"] as? Int == 2025)
        #expect(obj["multiplier"] as? Double == 2.0)
        // 2^(1/5) − 1 = 0.148698355 (required CAGR of a doubling in five years).
        #expect(abs((obj["required_cagr"] as? Double ?? 0) - 0.148698355) < 1e-9)
        let p = try #require(obj["probability_target_met"] as? Double)
        #expect(p >= 0 && p <= 1)
        let years = try #require(obj["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2021, 2022, 2023, 2024, 2025])
        for y in years {
            let p10 = y["p10"] as? Double ?? .nan, p50 = y["p50"] as? Double ?? .nan, p90 = y["p90"] as? Double ?? .nan
            #expect(p10 <= p50 && p50 <= p90)
            #expect(y["mean"] is Double)
        }
        // The baseline reproduces the dataset's base year: 1184.4 + 39.01 × 6.8976 亿元.
        #expect(abs((obj["base_year_total"] as? Double ?? 0) - (1184.4 + 39.01 * 6.8976)) < 1e-6)
    }

    @Test func sameSeedSameNumbersAtAnyWorkerCount() throws {
        let args = ["forecast", "--draws", "600", "--seed", "99", "--format", "csv", "--no-effort-search"]
        let one = try CLI.run(args + ["--workers", "1"])
        let two = try CLI.run(args + ["--workers", "2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout == two.stdout)
        let other = try CLI.run(["forecast", "--draws", "600", "--seed", "100", "--format", "csv", "--no-effort-search"])
        #expect(other.stdout != one.stdout)
    }

    @Test func runWritesEveryFormatIntoTheOutFolder() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = Self.repo.appendingPathComponent("scenarios/what-if-weak-fdi.yaml").path
        let r = try CLI.run(["run", scenario, "--draws", "300", "--no-effort-search", "--lang", "en", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        for f in ["report.md", "report.txt", "forecast.csv", "forecast.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(f).path), "missing \(f)")
        }
        #expect(r.stdout.contains("weak-fdi"))
        let data = try Data(contentsOf: dir.appendingPathComponent("forecast.json"))
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let variants = try #require(obj["variants"] as? [[String: Any]])
        #expect(variants.count == 2)
    }

    @Test func setOverridesAndValidate() throws {
        let scenario = Self.repo.appendingPathComponent("scenarios/doubling-2020-2025.yaml").path
        let ok = try CLI.run(["validate", scenario])
        #expect(ok.status == 0 && ok.stdout.contains("OK"))
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.yaml")
        try """
            id: bad
            title: Bad
            engine:
              draws: 100
              sources:
                foreign: {lead_rat: x0.7}
            """.write(to: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", bad.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.yaml:6:15: engine.sources.foreign.lead_rat: unknown key"), "\(r.stderr)")
        #expect(!r.stderr.contains("Stack dump") && !r.stderr.contains("Fatal error"))
        let set = try CLI.run(["validate", scenario, "--set", "plan.multiplier=abc"])
        #expect(set.status != 0 && set.stderr.contains("--set plan.multiplier=abc:1:1: plan.multiplier: expected a number"), "\(set.stderr)")
        let missing = try CLI.run(["run", dir.appendingPathComponent("nope.yaml").path])
        #expect(missing.status != 0 && missing.stderr.contains("nope.yaml"))
    }
}

/// Output sets and standard output: whole or nothing, refused targets, failures not hidden.
@Suite struct OutputSafetyCLITests {
    @Test func outFolderIsWholeOrPrevious() throws {
        let dir = try CLI.temporaryFolder()
        let scenario = dir.appendingPathComponent("s.yaml")
        try "id: t\ntitle: t\nengine: {draws: 200}\n".write(to: scenario, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("briefing").path
        let r1 = try CLI.run(["run", scenario.path, "--no-effort-search", "--out", out])
        #expect(r1.status == 0, "\(r1.stderr)")
        let before = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(before.contains(".binhai-output") && before.contains("briefing.xlsx") && before.contains("report.html"))
        // A run that fails (bad --set) changes nothing.
        let r2 = try CLI.run(["run", scenario.path, "--no-effort-search", "--out", out, "--set", "engine.draws=0"])
        #expect(r2.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
        // Someone's folder, a device and a trailing slash for one file are refused.
        let theirs = dir.appendingPathComponent("theirs")
        try FileManager.default.createDirectory(at: theirs, withIntermediateDirectories: true)
        try "keep".write(to: theirs.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let r3 = try CLI.run(["run", scenario.path, "--no-effort-search", "--out", theirs.path])
        #expect(r3.status != 0 && r3.stderr.contains("did not write"), "\(r3.stderr)")
        let r4 = try CLI.run(["io", "analyze", "--out", "/dev/full"])
        #expect(r4.status != 0 && r4.stderr.contains("character device"), "\(r4.stderr)")
        let r5 = try CLI.run(["io", "analyze", "--out", dir.path + "/"])
        #expect(r5.status != 0 && r5.stderr.contains("trailing /"), "\(r5.stderr)")
    }

    /// `validate` and `modules list` fail when standard output cannot be written.
    @Test func fullStandardOutputFails() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for args in [["validate", repo.appendingPathComponent("scenarios/doubling-2020-2025.yaml").path], ["modules", "list"]] {
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = args
            p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
            let err = Pipe()
            p.standardError = err
            try p.run()
            p.waitUntilExit()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(p.terminationStatus != 0, "\(args)")
            #expect(text.contains("disk is full"), "\(text)")
        }
    }

    /// SIGTERM during a run leaves neither temporary files nor a changed output folder (SIGINT
    /// takes the same handler; it is not sent here because a process started in the background
    /// by a non-interactive shell inherits SIGINT ignored).
    @Test func interruptLeavesNoLeftovers() throws {
        let dir = try CLI.temporaryFolder()
        let scenario = dir.appendingPathComponent("s.yaml")
        try "id: t\ntitle: t\nengine: {draws: 200}\n".write(to: scenario, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("briefing").path
        _ = try CLI.run(["run", scenario.path, "--no-effort-search", "--out", out])
        let before = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        for delay in [0.3, 1.0] {
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = ["run", scenario.path, "--draws", "1000000", "--out", out]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            p.terminate()
            p.waitUntilExit()
            #expect(p.terminationStatus == 143 || p.terminationReason == .uncaughtSignal)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == before)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }
}

/// A bad BINHAI_PLUGIN_PATH does not block a command that needs no plugin; `--plugin` with the
/// same path is an error.
@Test func badPluginPathInTheEnvironmentIsAWarning() throws {
    let r = try ProcessRunner.run(
        CLI.executable, ["modules", "list", "--format", "csv"], environment: ["BINHAI_PLUGIN_PATH": "/nonexistent/libX.so"])
    #expect(r.status == 0 && r.stdout.contains("industry-chain"))
    #expect(r.stderr.contains("warning: BINHAI_PLUGIN_PATH") && r.stderr.contains("/nonexistent/libX.so"), "\(r.stderr)")
    let e = try CLI.run(["modules", "list", "--plugin", "/nonexistent/libX.so"])
    #expect(e.status != 0 && e.stderr.contains("/nonexistent/libX.so"))
}

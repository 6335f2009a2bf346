import Foundation
import ProcessTestSupport
import Testing

/// The example plugin package (Examples/HelloModule) built as a shared library with `swift build`,
/// then loaded by `binhai` with `--plugin` and `BINHAI_PLUGIN_PATH`.
@Suite struct PluginCLITests {
    /// The `swift` driver: the toolchain on PATH, else /opt/swift (nil: the test is skipped).
    static let swift = ProcessRunner.swift

    static let scenario = """
        id: hello-plugin
        title: {zh: 插件示例, en: Plugin example}
        plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
        engine: {draws: 1000, seed: 11}
        modules:
          - use: hello-share
            with: {factor: 0.25}
        """

    /// Run `executable` with `arguments` and extra environment variables.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        try ProcessRunner.run(executable, arguments, environment: environment)
    }

    @Test(
        .enabled(if: PluginCLITests.swift != nil, "swift not found on PATH or in /opt/swift/usr/bin: the example plugin cannot be built"),
        .timeLimit(.minutes(10)))
    func examplePluginBuildsLoadsAndRuns() throws {
        let swift = try #require(Self.swift)
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let package = ScenarioCLITests.repo.appendingPathComponent("Examples/HelloModule")
        let scratch = dir.appendingPathComponent("build")
        let started = Date()
        let build = try Self.run(swift, ["build", "--package-path", package.path, "--scratch-path", scratch.path])
        #expect(build.status == 0, "swift build failed:\n\(build.stdout)\n\(build.stderr)")
        guard build.status == 0 else { return }
        print("example plugin built in \(Int(Date().timeIntervalSince(started))) s")
        let binPath = try Self.run(swift, ["build", "--package-path", package.path, "--scratch-path", scratch.path, "--show-bin-path"])
        let bin = URL(fileURLWithPath: binPath.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: bin.path)) ?? []
        let libName = try #require(names.first { $0 == "libHelloModule.so" || $0 == "libHelloModule.dylib" }, "\(names)")
        let lib = bin.appendingPathComponent(libName).path

        // modules list: the plugin module, marked with its library.
        let list = try CLI.run(["modules", "list", "--plugin", lib, "--format", "json"])
        #expect(list.status == 0, "\(list.stderr)")
        let modules = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let hello = try #require(modules.first { $0["id"] as? String == "hello-share" })
        #expect(hello["plugin"] as? String == lib && hello["version"] as? String == "1.0.0")
        #expect(modules.first { $0["id"] as? String == "target-tracker" }?["plugin"] == nil)
        let table = try CLI.run(["modules", "list", "--plugin", bin.path, "--lang", "en"])
        #expect(table.stdout.contains("hello-share") && table.stdout.contains("plugin \(lib)"), "\(table.stdout)")
        let describe = try CLI.run(["modules", "describe", "hello-share", "--plugin", lib, "--lang", "en"])
        #expect(describe.status == 0 && describe.stdout.contains("factor") && describe.stdout.contains("from 0 to 10"))

        // run: the module's table is the forecast × factor (the same draws, so the same quantiles).
        let file = dir.appendingPathComponent("hello.yaml")
        try Data(Self.scenario.utf8).write(to: file)
        let r = try CLI.run(["run", file.path, "--plugin", lib, "--draws", "300", "--no-effort-search", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let years = try #require(obj["years"] as? [[String: Any]])
        let reports = try #require(obj["modules"] as? [[String: Any]])
        #expect(reports.first?["id"] as? String == "hello-share")
        let tables = try #require(reports.first?["tables"] as? [[String: Any]])
        #expect(tables.first?["id"] as? String == "hello-share.by-year")
        let rows = try #require(tables.first?["rows"] as? [[String: Any]])
        #expect(rows.count == years.count && rows.count == 5)
        for (row, year) in zip(rows, years) {
            let label = (row["label"] as? [String: String])?["en"]
            #expect(label == (year["year"] as? Int).map(String.init))
            let cell = try #require((row["cells"] as? [Any])?.first as? [String: Double])
            for key in ["mean", "p10", "p50", "p90"] {
                let expected = 0.25 * ((year[key] as? Double) ?? .nan)
                #expect(abs((cell[key] ?? .nan) - expected) <= 1e-9 * expected, "\(key) \(cell) vs \(year)")
            }
        }

        // BINHAI_PLUGIN_PATH (colon-separated), the same library again with --plugin (loaded once).
        let env = try Self.run(
            CLI.executable, ["validate", file.path, "--plugin", lib], environment: ["BINHAI_PLUGIN_PATH": ":\(bin.path):"])
        #expect(env.status == 0 && env.stdout.contains("module hello-share 1.0.0"), "\(env.stderr)")
        #expect(env.stdout.contains("[plugin ") && env.stdout.contains("libHelloModule"), "validate names the plugin: \(env.stdout)")

        // Errors: a parameter out of bounds at file:line:column; unknown without the plugin; a
        // copy of the library under another name has a duplicate id; a missing library.
        let bad = dir.appendingPathComponent("bad.yaml")
        try Data(Self.scenario.replacingOccurrences(of: "factor: 0.25", with: "factor: 20").utf8).write(to: bad)
        let v = try CLI.run(["validate", bad.path, "--plugin", lib])
        #expect(v.status != 0 && v.stderr.contains("bad.yaml:7:20: modules[0].with.factor: expected a number from 0 to 10, got 20"), "\(v.stderr)")
        let without = try CLI.run(["validate", file.path])
        #expect(without.status != 0 && without.stderr.contains("unknown module \"hello-share\""))
        let copy = dir.appendingPathComponent("libHelloCopy.so")
        try FileManager.default.copyItem(atPath: lib, toPath: copy.path)
        let duplicate = try CLI.run(["modules", "list", "--plugin", lib, "--plugin", copy.path])
        #expect(duplicate.status != 0 && duplicate.stderr.contains("plugin \(copy.path): module hello-share: a module with this id is already registered (by plugin \(lib))"), "\(duplicate.stderr)")
        let missing = try CLI.run(["run", file.path, "--plugin", dir.appendingPathComponent("libNope.so").path])
        #expect(missing.status != 0 && missing.stderr.contains("libNope.so: no such file or folder"), "\(missing.stderr)")
    }
}

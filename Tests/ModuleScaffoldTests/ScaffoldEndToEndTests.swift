import Foundation
import ModuleScaffold
import ProcessTestSupport
import Testing

/// The scaffold end to end: `binhai-new-module` creates a package, `swift build` and `swift test`
/// pass on it out of the box, and the built `binhai` loads and runs the library with `--plugin`.
@Suite struct ScaffoldEndToEndTests {
    typealias Result = ProcessResult

    /// The `swift` driver: the toolchain on PATH, else /opt/swift (nil: the test records an issue).
    static let swift = ProcessRunner.swift

    static func executable(_ name: String) -> URL { ProcessRunner.builtExecutable(name) }

    static func run(_ executable: URL, _ arguments: [String], cwd: URL? = nil) throws -> Result {
        try ProcessRunner.run(executable, arguments, cwd: cwd)
    }

    @Test func newModuleToolRefusesBadInput() throws {
        let tool = Self.executable("binhai-new-module")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-scaffold-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try Self.run(tool, ["--id", "My_Share", "--output", dir.path])
        #expect(bad.status != 0 && bad.stderr.contains("module id \"My_Share\": character \"M\" (uppercase) is not allowed"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
        let both = try Self.run(tool, ["--id", "my-share", "--binhai-url", "https://x.org/BinhaiSim.git"])
        #expect(both.status != 0 && both.stderr.contains("--binhai-url and --binhai-version go together"), "\(both.stderr)")
        // --parent: the folder is named after the type.
        let made = try Self.run(tool, ["--id", "my-share", "--parent", dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("MyShare/Package.swift").path))
        let again = try Self.run(tool, ["--id", "my-share", "--output", dir.appendingPathComponent("MyShare").path])
        #expect(again.status != 0 && again.stderr.contains("refusing to overwrite"), "\(again.stderr)")
    }

    @Test(.timeLimit(.minutes(10)))
    func scaffoldedPackageBuildsPassesItsTestAndLoads() throws {
        guard let swift = Self.swift else {
            Issue.record("swift not found on PATH or in /opt/swift/usr/bin: the scaffolded package cannot be built")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let package = dir.appendingPathComponent("E2eShare")

        // Scaffold with the tool (default reference: this checkout).
        let made = try Self.run(Self.executable("binhai-new-module"), ["--id", "e2e-share", "--output", package.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("Created the module package E2eShare (module id e2e-share)"))
        #expect(made.stdout.contains("swift build --package-path \(package.path)"))
        #expect(made.stdout.contains("binhai modules list --plugin \(package.path)/.build/debug/libE2eShare"))
        guard made.status == 0 else { return }

        // swift build, then swift test (the generated Swift Testing suite), sharing one scratch folder.
        let scratch = dir.appendingPathComponent("build")
        var started = Date()
        let build = try Self.run(swift, ["build", "--package-path", package.path, "--scratch-path", scratch.path])
        #expect(build.status == 0, "swift build failed:\n\(build.stdout)\n\(build.stderr)")
        guard build.status == 0 else { return }
        print("scaffolded package built in \(Int(Date().timeIntervalSince(started))) s")
        started = Date()
        let test = try Self.run(swift, ["test", "--package-path", package.path, "--scratch-path", scratch.path])
        #expect(test.status == 0, "swift test failed:\n\(test.stdout)\n\(test.stderr)")
        #expect((test.stdout + test.stderr).contains("4 tests"), "\(test.stdout)\n\(test.stderr)")
        print("scaffolded package tested in \(Int(Date().timeIntervalSince(started))) s")

        // Load it into the built binhai.
        let binPath = try Self.run(swift, ["build", "--package-path", package.path, "--scratch-path", scratch.path, "--show-bin-path"])
        let lib = URL(fileURLWithPath: binPath.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            .appendingPathComponent(ModuleScaffold.libraryName(for: "e2e-share")).path
        #expect(FileManager.default.fileExists(atPath: lib), "\(lib)")
        let binhai = Self.executable("binhai")
        let list = try Self.run(binhai, ["modules", "list", "--plugin", lib, "--format", "json"])
        #expect(list.status == 0, "\(list.stderr)")
        let modules = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let module = try #require(modules.first { $0["id"] as? String == "e2e-share" }, "\(list.stdout)")
        #expect(module["plugin"] as? String == lib && module["version"] as? String == "0.1.0")

        // The example scenario runs; the module's table is the forecast × 0.25.
        let r = try Self.run(
            binhai, ["run", package.appendingPathComponent("e2e-share.yaml").path, "--plugin", lib, "--draws", "300",
                     "--no-effort-search", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let years = try #require(obj["years"] as? [[String: Any]])
        let report = try #require((obj["modules"] as? [[String: Any]])?.first)
        #expect(report["id"] as? String == "e2e-share")
        let table = try #require((report["tables"] as? [[String: Any]])?.first)
        #expect(table["id"] as? String == "e2e-share.by-year")
        let rows = try #require(table["rows"] as? [[String: Any]])
        #expect(rows.count == years.count && rows.count == 5)
        for (row, year) in zip(rows, years) {
            let cell = try #require((row["cells"] as? [Any])?.first as? [String: Double])
            let expected = 0.25 * ((year["mean"] as? Double) ?? .nan)
            #expect(abs((cell["mean"] ?? .nan) - expected) <= 1e-9 * expected, "\(cell) vs \(year)")
        }
    }
}

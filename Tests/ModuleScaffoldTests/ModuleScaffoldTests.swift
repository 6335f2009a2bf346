import BuiltinModules
import Foundation
import ModuleScaffold
import ScenarioKit
import Testing

@Suite struct ModuleScaffoldTests {
    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func failure(_ id: String) -> String? {
        do {
            try ModuleScaffold.validate(id: id)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func validIDs() throws {
        for id in ["my-share", "a", "co2-flow", "x1", "share-2020", "a-b-c"] {
            #expect(failure(id) == nil, "\(id)")
        }
    }

    @Test func invalidIDsAreRefusedWithAReason() throws {
        #expect(failure("")?.contains("empty") == true)
        #expect(failure("My-share")?.contains("character \"M\" (uppercase) is not allowed") == true)
        #expect(failure("my_share")?.contains("character \"_\" is not allowed") == true)
        #expect(failure("my share")?.contains("character \" \" is not allowed") == true)
        #expect(failure("份额")?.contains("is not allowed") == true)
        #expect(failure("1share")?.contains("must start with a letter") == true)
        #expect(failure("-share")?.contains("must start with a letter") == true)
        #expect(failure("share-")?.contains("must not end with a dash") == true)
        #expect(failure("my--share")?.contains("two dashes") == true)
        #expect(failure(String(repeating: "a", count: 65))?.contains("longer than 64") == true)
        #expect(failure("target-tracker")?.contains("built-in module") == true)
        #expect(failure("scenario-kit")?.contains("gives the Swift name ScenarioKit") == true)
        #expect(failure("xml-test-support")?.contains("XmlTestSupport") == true)   // without case
        #expect(failure("foundation") != nil && failure("testing") != nil)
    }

    @Test func builtinIDsMatchTheCatalogue() {
        #expect(Set(ModuleScaffold.builtinModuleIDs) == Set(ModuleCatalogue.builtin.ids))
    }

    @Test func typeNames() {
        #expect(ModuleScaffold.typeName(for: "my-share") == "MyShare")
        #expect(ModuleScaffold.typeName(for: "a") == "A")
        #expect(ModuleScaffold.typeName(for: "co2-flow") == "Co2Flow")
        #expect(ModuleScaffold.typeName(for: "share-2020") == "Share2020")
        #expect(ModuleScaffold.typeName(for: "port-logistics-hub") == "PortLogisticsHub")
    }

    @Test func generatedFilesNameTheModule() throws {
        let files = try ModuleScaffold.files(
            for: .init(id: "my-share", destination: URL(fileURLWithPath: "/tmp/x"), binhai: .path("/src/Binhai \"Sim\"")))
        #expect(files.map(\.path) == [
            "Package.swift", "Sources/MyShare/MyShare.swift", "Tests/MyShareTests/MyShareTests.swift", "README.md",
            "my-share.yaml", ".gitignore",
        ])
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        let manifest = try #require(byPath["Package.swift"])
        #expect(manifest.hasPrefix("// swift-tools-version:6.0\n"))
        #expect(manifest.contains(#"name: "MyShare""#))
        #expect(manifest.contains(#".library(name: "MyShare", type: .dynamic, targets: ["MyShare"])"#))
        #expect(manifest.contains(#".package(name: "BinhaiSim", path: "/src/Binhai \"Sim\""),"#))   // escaped
        #expect(manifest.contains(#".product(name: "ScenarioKitPlugin", package: "BinhaiSim")"#))
        #expect(manifest.contains(#".testTarget("#) && manifest.contains(#"name: "MyShareTests""#))
        #expect(manifest.contains(#".product(name: "ScenarioKitTesting", package: "BinhaiSim")"#))

        let source = try #require(byPath["Sources/MyShare/MyShare.swift"])
        #expect(source.contains("public struct MyShareModule: ScenarioModule"))
        #expect(source.contains(#"id: "my-share", version: "0.1.0""#))
        #expect(source.contains(#"name: "factor""#))
        #expect(source.contains(#"id: "my-share.by-year""#))
        #expect(source.contains(#"notes: [LocalizedText(zh: "系数 \(factor)", en: "factor \(factor)")]"#))
        #expect(source.contains(
            "@_cdecl(\"binhai_module_entry_v1\")\npublic func binhaiModuleEntry() -> UnsafeRawPointer { PluginExport.entry(for: MyShareModule.self) }"))

        let test = try #require(byPath["Tests/MyShareTests/MyShareTests.swift"])
        #expect(test.contains("import Testing") && test.contains("import ScenarioKitTesting") && test.contains("@testable import MyShare"))
        #expect(test.contains("@Suite struct MyShareTests") && test.contains(#"results.table("my-share.by-year")"#))
        #expect(test.contains("[325, 375, 425, 475, 525]"))

        let readme = try #require(byPath["README.md"])
        #expect(readme.contains("binhai modules list --plugin .build/debug/\(ModuleScaffold.libraryName(for: "my-share"))"))
        #expect(readme.contains("swift build") && readme.contains("swift test"))
        let yaml = try #require(byPath["my-share.yaml"])
        #expect(yaml.contains("- use: my-share\n    with: {factor: 0.25}"))
    }

    @Test func gitReference() throws {
        func manifest(_ url: String, _ version: String) throws -> String {
            try ModuleScaffold.files(
                for: .init(id: "my-share", destination: URL(fileURLWithPath: "/tmp/x"), binhai: .git(url: url, version: version))
            )[0].contents
        }
        let tagged = try manifest("https://github.com/example/BinhaiSim.git", "1.2.0")
        #expect(tagged.contains(#".package(url: "https://github.com/example/BinhaiSim.git", from: "1.2.0"),"#))
        #expect(tagged.contains(#".product(name: "ScenarioKitPlugin", package: "binhaisim")"#))
        let branch = try manifest("git@example.org:lab/binhai-sim", "main")
        #expect(branch.contains(#".package(url: "git@example.org:lab/binhai-sim", branch: "main"),"#))
        #expect(branch.contains(#"package: "binhai-sim")"#))
        #expect(try manifest("/srv/git/BinhaiSim", "1.0.0").contains(#"package: "binhaisim")"#))
        #expect(throws: ModuleScaffold.Failure.self) { try manifest("https://example.org/", "1.0.0") }
        #expect(throws: ModuleScaffold.Failure.self) { try manifest("https://example.org", "1.0.0") }
        #expect(throws: ModuleScaffold.Failure.self) { try manifest("git@example.org:", "1.0.0") }
        #expect(throws: ModuleScaffold.Failure.self) { try manifest("https://example.org/x.git", "") }
    }

    @Test func writesThePackageAndRefusesToOverwrite() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let destination = dir.appendingPathComponent("nested/MyShare")
        let written = try ModuleScaffold.write(.init(id: "my-share", destination: destination))
        for file in written {
            let text = try String(contentsOf: destination.appendingPathComponent(file.path), encoding: .utf8)
            #expect(text == file.contents)
        }
        // Default reference: this checkout (the folder holding Package.swift).
        let manifest = try String(contentsOf: destination.appendingPathComponent("Package.swift"), encoding: .utf8)
        guard case let .path(checkout) = ModuleScaffold.BinhaiReference.thisCheckout else { Issue.record("not a path"); return }
        #expect(FileManager.default.fileExists(atPath: checkout + "/Package.swift"))
        #expect(manifest.contains(#"path: "\#(checkout)""#))
        // No staging folder left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path) == ["MyShare"])

        // A second time: refused, and the first package is untouched.
        let before = try FileManager.default.subpathsOfDirectory(atPath: destination.path).sorted()
        #expect {
            try ModuleScaffold.write(.init(id: "other-share", destination: destination))
        } throws: { error in
            (error as? ModuleScaffold.Failure)?.message.contains("already exists and is not empty") == true
                && (error as? ModuleScaffold.Failure)?.message.contains("refusing to overwrite") == true
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: destination.path).sorted() == before)

        // A file in the way is refused; an empty folder is used.
        let file = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        #expect(throws: ModuleScaffold.Failure("\(file.path) exists and is a file: choose another --output")) {
            try ModuleScaffold.write(.init(id: "my-share", destination: file))
        }
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try ModuleScaffold.write(.init(id: "my-share", destination: empty))
        #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent("Sources/MyShare/MyShare.swift").path))
    }

    @Test func anInvalidIDWritesNothing() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: ModuleScaffold.Failure.self) {
            try ModuleScaffold.write(.init(id: "Bad", destination: dir.appendingPathComponent("Bad")))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}

extension Error {
    var message: String { (self as? ModuleScaffold.Failure)?.message ?? "\(self)" }
}

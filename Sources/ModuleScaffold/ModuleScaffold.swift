import Foundation

/// Scaffolds a new external scenario-module package (docs/MODULES.md): a SwiftPM package with a
/// `.dynamic` library binhai loads with `--plugin`, a Swift Testing test target, a README and an
/// example scenario. Pure logic: `files(for:)` renders the files, `write(_:)` puts them on disk
/// all at once (written into a temporary sibling folder, then renamed into place).
public enum ModuleScaffold {
    /// How the new package refers to BinhaiSim.
    public enum BinhaiReference: Sendable, Equatable {
        /// A local checkout (absolute path recommended; a relative one is relative to the new package).
        case path(String)
        /// A git URL and a version (`1.2.3` → `from:`; anything else, e.g. `main`, → `branch:`).
        case git(url: String, version: String)

        /// The BinhaiSim checkout this scaffold was compiled from (the default reference).
        public static var thisCheckout: BinhaiReference {
            .path(
                URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().path)
        }
    }

    /// What to scaffold.
    public struct Options: Sendable, Equatable {
        public var id: String
        public var destination: URL
        public var binhai: BinhaiReference

        public init(id: String, destination: URL, binhai: BinhaiReference = .thisCheckout) {
            self.id = id
            self.destination = destination
            self.binhai = binhai
        }
    }

    /// A refusal, with a message meant for the person typing the command.
    public struct Failure: Error, Equatable, CustomStringConvertible, LocalizedError {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
        public var errorDescription: String? { message }
    }

    /// One generated file: a path relative to the package folder and its text.
    public struct File: Sendable, Equatable {
        public let path: String
        public let contents: String
    }

    /// Module ids of the built-in modules (a plugin may not reuse them: the loader refuses duplicates).
    public static let builtinModuleIDs = [
        "industry-chain", "beijing-transfer", "capital-mix", "target-tracker", "project-batch", "carrier-mechanisms", "investment-focus",
    ]

    /// Names the derived type may not take: targets and products of BinhaiSim and its dependencies
    /// (SwiftPM refuses two targets with one name) and system modules (the import would be ambiguous);
    /// compared without case.
    public static let reservedTypeNames: Set<String> = [
        "Binhai", "BinhaiSim", "LinearAlgebra", "InputOutput", "ScenarioKit", "ScenarioKitTesting", "ScenarioKitPlugin",
        "ForecastEngine", "PluginHost", "BuiltinModules", "IndustryChain", "BeijingTransfer", "CapitalMix",
        "ScenarioFiles", "Datasets", "Reports", "Briefings", "ModuleScaffold", "XMLTestSupport", "ArgumentParser",
        "Yams", "ZIPFoundation", "CBinhaiModuleABI", "CLinearAlgebra", "Swift", "Foundation", "FoundationEssentials", "FoundationNetworking", "Testing",
        "XCTest", "Dispatch", "Glibc", "Darwin", "Musl", "Android", "Observation", "Synchronization", "RegexBuilder",
        "Cxx", "Distributed", "PackageDescription", "PackagePlugin",
    ]

    /// Checks a module id: lowercase ASCII letters, digits and single dashes, starting with a letter,
    /// not ending with a dash, at most 64 characters, not a built-in module's id.
    /// - Throws: `Failure` saying what is wrong.
    public static func validate(id: String) throws {
        let what = "module id \"\(id)\""
        let rule = "use lowercase letters, digits and dashes, starting with a letter (e.g. my-share)"
        guard !id.isEmpty else { throw Failure("the module id is empty: \(rule)") }
        guard id.count <= 64 else { throw Failure("\(what) is longer than 64 characters") }
        if let bad = id.unicodeScalars.first(where: { !(("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-") }) {
            let hint = ("A"..."Z").contains(bad) ? " (uppercase)" : ""
            throw Failure("\(what): character \"\(bad)\"\(hint) is not allowed: \(rule)")
        }
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else {
            throw Failure("\(what) must start with a letter: \(rule)")
        }
        guard !id.hasSuffix("-") else { throw Failure("\(what) must not end with a dash: \(rule)") }
        guard !id.contains("--") else { throw Failure("\(what) must not contain two dashes in a row: \(rule)") }
        if builtinModuleIDs.contains(id) {
            throw Failure("\(what) is a built-in module's id (\(builtinModuleIDs.joined(separator: ", "))): choose another")
        }
        let type = typeName(for: id)
        if reservedTypeNames.contains(where: { $0.lowercased() == type.lowercased() }) {
            throw Failure("\(what) gives the Swift name \(type), which BinhaiSim or Swift already uses: choose another id")
        }
    }

    /// The Swift name derived from a (valid) id: each dash-separated part capitalised and joined,
    /// `my-share` → `MyShare`, `co2-flow` → `Co2Flow`. Used for the package, target and product.
    public static func typeName(for id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The name of the built shared library (`libMyShare.so`; `.dylib` on macOS).
    public static func libraryName(for id: String) -> String {
        #if os(macOS)
            return "lib\(typeName(for: id)).dylib"
        #else
            return "lib\(typeName(for: id)).so"
        #endif
    }

    /// The package's files, in a fixed order.
    /// - Throws: `Failure` for an invalid id or reference.
    public static func files(for options: Options) throws -> [File] {
        try validate(id: options.id)
        try validate(options.binhai)
        let t = Template(id: options.id, type: typeName(for: options.id), binhai: options.binhai)
        return [
            File(path: "Package.swift", contents: t.packageManifest),
            File(path: "Sources/\(t.type)/\(t.type).swift", contents: t.moduleSource),
            File(path: "Tests/\(t.type)Tests/\(t.type)Tests.swift", contents: t.testSource),
            File(path: "README.md", contents: t.readme),
            File(path: "\(t.id).yaml", contents: t.scenario),
            File(path: ".gitignore", contents: ".build/\n.swiftpm/\n*.xcodeproj\n"),
        ]
    }

    static func validate(_ reference: BinhaiReference) throws {
        switch reference {
        case let .path(path):
            guard !path.isEmpty else { throw Failure("--binhai-path is empty") }
        case let .git(url, version):
            guard !url.isEmpty else { throw Failure("--binhai-url is empty") }
            guard !version.isEmpty else { throw Failure("--binhai-url needs --binhai-version (e.g. 1.0.0 or main)") }
            guard packageIdentity(url: url) != nil else { throw Failure("--binhai-url \(url): no repository name at its end") }
        }
    }

    /// The SwiftPM identity of a git URL: its last path component without `.git`, lowercased
    /// (`https://host/org/BinhaiSim.git` → `binhaisim`, `git@host:org/binhai-sim` → `binhai-sim`);
    /// nil when the URL names no repository (`https://host/`).
    static func packageIdentity(url: String) -> String? {
        var path = Substring(url)
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            path = rest[slash...]
        } else if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") {
            path = url[url.index(after: colon)...]
        }
        guard var last = path.split(separator: "/").last.map(String.init) else { return nil }
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.isEmpty ? nil : last.lowercased()
    }

    /// Writes the package into `options.destination`, which must not exist or be an empty folder.
    /// The files are written into a temporary sibling folder that is then renamed into place, so an
    /// error leaves no half-written package.
    /// - Returns: the files written (paths relative to the destination).
    /// - Throws: `Failure` (invalid id, existing non-empty folder, a file in the way) or a file-system error.
    @discardableResult
    public static func write(_ options: Options, fileManager: FileManager = .default) throws -> [File] {
        let files = try files(for: options)
        let destination = options.destination.standardizedFileURL
        var isFolder: ObjCBool = false
        var destinationIsEmptyFolder = false
        if fileManager.fileExists(atPath: destination.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure("\(destination.path) exists and is a file: choose another --output") }
            let contents = try fileManager.contentsOfDirectory(atPath: destination.path)
            guard contents.isEmpty else {
                throw Failure(
                    "\(destination.path) already exists and is not empty (\(contents.count) item\(contents.count == 1 ? "" : "s")): "
                        + "refusing to overwrite; choose another --output or remove it")
            }
            destinationIsEmptyFolder = true
        }
        let parent = destination.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).scaffold-\(UUID().uuidString)")
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            }
            if destinationIsEmptyFolder { try fileManager.removeItem(at: destination) }
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        return files
    }
}

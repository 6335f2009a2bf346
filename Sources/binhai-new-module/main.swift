import ArgumentParser
import Foundation
import ModuleScaffold

/// `binhai-new-module`: scaffolds a new external scenario-module package (what the SwiftPM command
/// plugin `new-module` runs). The logic is in the ModuleScaffold library.
struct NewModule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "binhai-new-module",
        abstract: "Create a new BinhaiSim scenario-module package that builds, loads and passes its test.",
        discussion: """
            Example: binhai-new-module --id my-share --output ~/modules/MyShare
            The package depends on BinhaiSim by path (default: the checkout binhai-new-module was built from)
            or by git URL and version (--binhai-url URL --binhai-version 1.0.0|BRANCH).
            """)

    @Option(help: "Module id: lowercase letters, digits and dashes, starting with a letter (e.g. my-share).")
    var id: String

    @Option(help: "Folder to create (must not exist or be empty). Default: <parent>/<TypeName>.")
    var output: String?

    @Option(help: "Where the default --output goes (default: the current folder).")
    var parent: String?

    @Option(help: "Path of the BinhaiSim checkout to depend on (default: the one this tool was built from).")
    var binhaiPath: String?

    @Option(help: "Git URL of BinhaiSim to depend on instead of a path (with --binhai-version).")
    var binhaiURL: String?

    @Option(help: "Version (from:) or branch of --binhai-url.")
    var binhaiVersion: String?

    func validate() throws {
        if binhaiPath != nil && binhaiURL != nil {
            throw ValidationError("give either --binhai-path or --binhai-url, not both")
        }
        if (binhaiURL == nil) != (binhaiVersion == nil) {
            throw ValidationError("--binhai-url and --binhai-version go together")
        }
        if output != nil && parent != nil {
            throw ValidationError("give either --output or --parent, not both")
        }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func absolute(_ path: String) -> URL {
            let expanded = NSString(string: path).expandingTildeInPath
            return URL(fileURLWithPath: expanded, relativeTo: cwd).standardizedFileURL
        }
        do {
            try ModuleScaffold.validate(id: id)
        } catch let failure as ModuleScaffold.Failure {
            throw ValidationError(failure.message)
        }
        let type = ModuleScaffold.typeName(for: id)
        let destination = output.map(absolute) ?? absolute(parent ?? ".").appendingPathComponent(type)
        let reference: ModuleScaffold.BinhaiReference
        if let url = binhaiURL, let version = binhaiVersion {
            reference = .git(url: url, version: version)
        } else if let path = binhaiPath {
            reference = .path(absolute(path).path)
        } else {
            reference = .thisCheckout
        }
        let files: [ModuleScaffold.File]
        do {
            files = try ModuleScaffold.write(.init(id: id, destination: destination, binhai: reference))
        } catch {
            // Not a usage problem (an existing folder, a file-system error): the message alone.
            FileHandle.standardError.write(Data("Error: \((error as? ModuleScaffold.Failure)?.message ?? "\(error)")\n".utf8))
            throw ExitCode.failure
        }
        let dir = shellQuoted(destination.path)
        let lib = shellQuoted("\(destination.path)/.build/debug/\(ModuleScaffold.libraryName(for: id))")
        let yaml = shellQuoted("\(destination.path)/\(id).yaml")
        var out = "Created the module package \(type) (module id \(id)) in \(dir):\n"
        for file in files { out += "  \(file.path)\n" }
        switch reference {
        case let .path(path): out += "It depends on BinhaiSim at \(path).\n"
        case let .git(url, version): out += "It depends on BinhaiSim at \(url) (\(version)).\n"
        }
        out += """

            Next:
              swift build --package-path \(dir)
              swift test --package-path \(dir)
              binhai modules list --plugin \(lib)
              binhai run \(yaml) --plugin \(lib)

            """
        print(out, terminator: "")
    }
}

/// `s` as one shell word (single-quoted unless it is plainly safe).
func shellQuoted(_ s: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:=@%,")
    if !s.isEmpty && s.allSatisfy({ safe.contains($0) }) { return s }
    return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

NewModule.main()

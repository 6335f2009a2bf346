import Foundation
import ProcessTestSupport

/// What `binhai` printed and its exit status.
typealias CLIResult = ProcessResult

/// Runs the built `binhai` executable (a dependency of this test target, so `swift test` builds it).

enum CLI {
    static var executable: URL { ProcessRunner.builtExecutable("binhai") }

    static func run(_ arguments: [String], cwd: URL? = nil) throws -> CLIResult {
        try ProcessRunner.run(executable, arguments, cwd: cwd)
    }

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

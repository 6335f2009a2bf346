import Foundation
import ScenarioFiles
import Yams

/// The rules for a scenario text that came in a request: it may read no file the request names.
///
/// - `dataset:` is `builtin:NAME`, or a folder under the server's `--datasets DIR` named by a
///   relative path without `..` whose real path (symlinks resolved) stays inside DIR;
/// - `actuals:` are rows, not a CSV path;
/// - module parameters hold no path (no `/`, `\`, leading `~`): a module's relative file names
///   are read from the dataset folder, which the first rule already confines.
///
/// Everything else is the scenario format's own validation (`ScenarioLoader`), alias expansion
/// limits included.
enum RequestedScenario {
    /// Checks `text` (named `file` in errors) and returns the folder relative datasets resolve
    /// against (the datasets folder, or nil).
    static func check(_ text: String, file: String, datasetsFolder: URL?) throws -> URL? {
        let root = try YAMLValue.parse(text, file: file)
        guard case .mapping = root.node else { return datasetsFolder }
        let top = try root.mapping()
        if let d = top.optional("dataset") {
            let reference = try d.string().trimmingCharacters(in: .whitespaces)
            if !reference.hasPrefix("builtin:") { try checkFolder(reference, at: d, datasetsFolder: datasetsFolder) }
        }
        if let a = top.optional("actuals"), case .scalar = a.node {
            throw a.error("on the web page actuals are rows ({year, indicator, value, status}), not a file path")
        }
        if let modules = top.optional("modules"), case .sequence = modules.node {
            for use in try modules.sequence() {
                guard case .mapping = use.node, let with = try use.mapping().optional("with") else { continue }
                try checkNoPaths(with)
            }
        }
        return datasetsFolder
    }

    static func checkFolder(_ reference: String, at v: YAMLValue, datasetsFolder: URL?) throws {
        guard let root = datasetsFolder else {
            throw v.error("this server accepts only builtin: datasets (start it with --datasets DIR to allow folders under DIR)")
        }
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        if reference.hasPrefix("/") || reference.hasPrefix("~") || reference.contains("\\") || parts.contains("..") || reference.isEmpty {
            throw v.error("expected builtin:NAME or a folder name under the server's datasets folder (no absolute path, no ..), got \"\(reference)\"")
        }
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path
        let target = root.appendingPathComponent(reference).resolvingSymlinksInPath().standardizedFileURL.path
        guard target.hasPrefix(base + "/") else {
            throw v.error("\"\(reference)\" leads outside the server's datasets folder")
        }
    }

    static func checkNoPaths(_ v: YAMLValue) throws {
        switch v.node {
        case let .scalar(s):
            let t = s.string.trimmingCharacters(in: .whitespaces)
            if t.contains("/") && !t.hasPrefix("builtin:") || t.contains("\\") || t.hasPrefix("~") {
                throw v.error("a file path is not accepted from the web page; name a file in the dataset folder instead")
            }
        case .mapping:
            for e in try v.mapping().entries { try checkNoPaths(e.value) }
        case .sequence:
            for item in try v.sequence() { try checkNoPaths(item) }
        case .alias:
            break
        }
    }

    /// The location of `path` (dotted keys) in `text`, or the top of the file.
    static func location(of path: String, in text: String, file: String) -> SourceLocation {
        guard var v = try? YAMLValue.parse(text, file: file) else { return SourceLocation(file: file, line: 1, column: 1) }
        for key in path.split(separator: ".") {
            guard case .mapping = v.node, let m = try? v.mapping(), let next = m.optional(String(key)) else { break }
            v = next
        }
        return v.location
    }
}

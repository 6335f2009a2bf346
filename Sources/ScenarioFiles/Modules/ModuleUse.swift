import Foundation
import ScenarioKit
import Yams

/// One `modules:` entry, `{use: id, with: {...}}`, validated against the module catalogue: the
/// parameters checked against the module's schema (defaults filled in). The module itself is
/// built by the runtime (`ScenarioRuntime`), once per distinct use.
public struct ModuleUse: Sendable {
    public var id: String
    /// The `with:` block as written (nil when absent).
    public var parameters: YAMLValue?
    /// Where `use:` is written.
    public var location: SourceLocation
    /// Key path of the entry in the document, e.g. `modules[1]`.
    public var keyPath: String
    public var descriptor: ModuleDescriptor
    /// The validated parameters (every parameter of the schema, defaults filled in).
    public var values: ModuleParameters

    /// The scenario-file error for a parameter problem: at the exact key or value in `with:`
    /// (the key for unknown keys), else at `with:` or `use:` (missing required parameters).
    public func error(_ e: ParameterError) -> ScenarioFileError {
        locatedError(keyPath: e.keyPath, message: e.message, atKey: e.isAboutKey)
    }

    /// The scenario-file error for a module's own error (from its init or its phases).
    public func error(_ e: ModuleError) -> ScenarioFileError {
        locatedError(keyPath: e.keyPath ?? "", message: "module \(id): \(e.message)", atKey: e.isAboutKey)
    }

    /// Any error a module throws, located as well as it can be.
    public func error(_ e: any Error) -> ScenarioFileError {
        if let p = e as? ParameterError { return error(p) }
        if let m = e as? ModuleError { return error(m) }
        if let s = e as? ScenarioFileError { return s }
        return ScenarioFileError(location: location, keyPath: keyPath, message: "module \(id): \(e)")
    }

    func locatedError(keyPath relative: String, message: String, atKey: Bool) -> ScenarioFileError {
        let withPath = keyPath + ".with"
        let fullPath = relative.isEmpty ? withPath : "\(withPath).\(relative)".replacingOccurrences(of: ".[", with: "[")
        guard let block = parameters else {
            return ScenarioFileError(location: location, keyPath: relative.isEmpty ? keyPath : fullPath, message: message)
        }
        let found = block.locate(relative)
        var at = found.value.location
        if found.complete && atKey, let k = found.keyNode, let mark = k.mark {
            at = SourceLocation(file: block.file, line: mark.line, column: mark.column)
        }
        return ScenarioFileError(location: at, keyPath: fullPath, message: message)
    }
}

extension ModuleUse {
    /// Validate one `modules:` item against `catalogue` (the parameters against the module's schema).
    static func read(_ item: YAMLValue, catalogue: ModuleCatalogue) throws -> ModuleUse {
        let m = try item.mapping(allowedKeys: ["use", "with"])
        let use = try m.required("use")
        let id = try use.string()
        guard let entry = catalogue.entry(for: id) else { throw use.error(catalogue.unknownModuleMessage(id)) }
        let with = m.optional("with")
        var out = ModuleUse(
            id: id, parameters: with, location: use.location, keyPath: item.keyPath, descriptor: entry.descriptor,
            values: ModuleParameters(values: [:]))
        do {
            out.values = try entry.descriptor.validate(try with?.rawParameter())
        } catch let e as ParameterError {
            throw out.error(e)
        }
        return out
    }
}

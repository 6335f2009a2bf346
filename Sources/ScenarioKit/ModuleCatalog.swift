/// The module types a scenario may `use:`, by id: the built-in modules, plus (later) those loaded
/// from plugins. The scenario layer validates each `modules:` entry against it.
public struct ModuleCatalog: @unchecked Sendable {
    /// Registered types in registration order (`binhai modules list` shows them in this order).
    public private(set) var types: [any ScenarioModule.Type]

    /// A catalogue of `types` as given (a later type with the id of an earlier one is left out).
    /// Schemas are not checked here, so that a module with a schema problem still shows up (and
    /// fails its `schemaProblems()` test) rather than silently vanishing; `register(_:)` checks.
    public init(_ types: [any ScenarioModule.Type] = []) {
        self.types = []
        for t in types where !self.types.contains(where: { $0.descriptor.id == t.descriptor.id }) {
            self.types.append(t)
        }
    }

    /// Add a type.
    /// - Throws: `ModuleError` when its id is taken or its schema has problems.
    public mutating func register(_ type: any ScenarioModule.Type) throws {
        let d = type.descriptor
        if types.contains(where: { $0.descriptor.id == d.id }) {
            throw ModuleError(module: d.id, message: "a module with this id is already registered")
        }
        let problems = d.schemaProblems()
        if !problems.isEmpty {
            throw ModuleError(module: d.id, message: "invalid descriptor: \(problems.joined(separator: "; "))")
        }
        types.append(type)
    }

    /// The ids in registration order.
    public var ids: [String] { types.map { $0.descriptor.id } }

    /// Every module's descriptor in registration order.
    public var descriptors: [ModuleDescriptor] { types.map { $0.descriptor } }

    /// The type registered under `id`.
    public func type(for id: String) -> (any ScenarioModule.Type)? {
        types.first { $0.descriptor.id == id }
    }

    /// The error for an unknown id: the available ids and the closest one.
    public func unknownModuleMessage(_ id: String) -> String {
        let available = ids.isEmpty ? "none" : ids.joined(separator: ", ")
        return "unknown module \"\(id)\"\(Suggestion.hint(id, ids)); available: \(available)"
    }
}

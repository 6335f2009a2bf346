/// The modules a scenario may `use:`, by id: the built-in modules (Swift types known at compile
/// time) plus those loaded from plugins (a descriptor and a factory). The scenario layer
/// validates each `modules:` entry against it.
public struct ModuleCatalogue: Sendable {
    /// One module of the catalogue: what it is, how to build it, and where it comes from.
    public struct Entry: Sendable {
        /// The module's identity, version, title and parameter schema.
        public let descriptor: ModuleDescriptor
        /// The Swift type, for modules compiled into the host (nil for plugin modules).
        public let type: (any ScenarioModule.Type)?
        /// The plugin library a module was loaded from (nil for compiled-in modules).
        public let pluginPath: String?
        /// Builds the module from validated parameters in a scenario's context.
        public let make: @Sendable (ModuleParameters, ModuleContext) throws -> any ScenarioModule

        /// An entry for a module type compiled into the host.
        public init(_ type: any ScenarioModule.Type) {
            self.descriptor = type.descriptor
            self.type = type
            self.pluginPath = nil
            self.make = { try type.init(parameters: $0, context: $1) }
        }

        /// An entry for a module that is not a Swift type known at compile time (a plugin).
        public init(
            descriptor: ModuleDescriptor, pluginPath: String? = nil,
            make: @escaping @Sendable (ModuleParameters, ModuleContext) throws -> any ScenarioModule
        ) {
            self.descriptor = descriptor
            self.type = nil
            self.pluginPath = pluginPath
            self.make = make
        }

        /// True for a module loaded from a plugin library.
        public var isPlugin: Bool { pluginPath != nil }
    }

    /// Registered modules in registration order (`binhai modules list` shows them in this order).
    public private(set) var entries: [Entry]

    /// A catalogue of `types` as given (a later type with the id of an earlier one is left out).
    /// Schemas are not checked here, so that a module with a schema problem still shows up (and
    /// fails its `schemaProblems()` test) rather than silently vanishing; `register(_:)` checks.
    public init(_ types: [any ScenarioModule.Type] = []) {
        self.init(entries: types.map(Entry.init))
    }

    /// A catalogue of `entries` as given (a later entry with the id of an earlier one is left out).
    public init(entries: [Entry]) {
        self.entries = []
        for e in entries where !self.entries.contains(where: { $0.descriptor.id == e.descriptor.id }) {
            self.entries.append(e)
        }
    }

    /// Add a type.
    /// - Throws: `ModuleError` when its id is taken or its schema has problems.
    public mutating func register(_ type: any ScenarioModule.Type) throws {
        try register(Entry(type))
    }

    /// Add an entry (e.g. a plugin module).
    /// - Throws: `ModuleError` when its id is taken or its schema has problems.
    public mutating func register(_ entry: Entry) throws {
        let d = entry.descriptor
        if let taken = self.entry(for: d.id) {
            let by = taken.pluginPath.map { "by plugin \($0)" } ?? "by a built-in module"
            throw ModuleError(module: d.id, message: "a module with this id is already registered (\(by))")
        }
        let problems = d.schemaProblems()
        if !problems.isEmpty {
            throw ModuleError(module: d.id, message: "invalid descriptor: \(problems.joined(separator: "; "))")
        }
        entries.append(entry)
    }

    /// The compiled-in module types in registration order (plugin modules have no type).
    public var types: [any ScenarioModule.Type] { entries.compactMap(\.type) }

    /// The ids in registration order.
    public var ids: [String] { entries.map { $0.descriptor.id } }

    /// Every module's descriptor in registration order.
    public var descriptors: [ModuleDescriptor] { entries.map { $0.descriptor } }

    /// The entry registered under `id`.
    public func entry(for id: String) -> Entry? {
        entries.first { $0.descriptor.id == id }
    }

    /// The compiled-in type registered under `id` (nil for unknown ids and plugin modules).
    public func type(for id: String) -> (any ScenarioModule.Type)? {
        entry(for: id)?.type
    }

    /// The error for an unknown id: the available ids and the closest one.
    public func unknownModuleMessage(_ id: String) -> String {
        let available = ids.isEmpty ? "none" : ids.joined(separator: ", ")
        return "unknown module \"\(id)\"\(Suggestion.hint(id, ids)); available: \(available) (a module from a plugin library is loaded with --plugin PATH or BINHAI_PLUGIN_PATH)"
    }
}

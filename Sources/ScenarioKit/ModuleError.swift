/// An error a module reports; `keyPath` (relative to its `with:` block) lets the scenario layer
/// point at the parameter responsible.
public struct ModuleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Id of the module reporting the error (its descriptor's `id`).
    public var module: String
    /// The parameter responsible, relative to the module's `with:` block (e.g. `amounts.new_energy`);
    /// nil when no single parameter is.
    public var keyPath: String?
    /// What went wrong (without the module and key path, which `description` adds).
    public var message: String
    /// True when the error is about a key itself (e.g. an unknown industry id used as a map key),
    /// so that the scenario layer points at the key rather than its value.
    public var isAboutKey: Bool

    /// An error of `module`, optionally at `keyPath` (see `isAboutKey`).
    public init(module: String, keyPath: String? = nil, message: String, isAboutKey: Bool = false) {
        self.module = module
        self.keyPath = keyPath
        self.message = message
        self.isAboutKey = isAboutKey
    }

    /// `module <id>, parameter <keyPath>: <message>` (the parameter part only with a key path).
    public var description: String {
        "module \(module)" + (keyPath.map { ", parameter \($0)" } ?? "") + ": \(message)"
    }
}

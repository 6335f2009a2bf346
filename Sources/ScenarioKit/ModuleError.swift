/// An error a module reports; `keyPath` (relative to its `with:` block) lets the scenario layer
/// point at the parameter responsible.
public struct ModuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var module: String
    public var keyPath: String?
    public var message: String
    /// True when the error is about a key itself (e.g. an unknown industry id used as a map key),
    /// so that the scenario layer points at the key rather than its value.
    public var isAboutKey: Bool

    public init(module: String, keyPath: String? = nil, message: String, isAboutKey: Bool = false) {
        self.module = module
        self.keyPath = keyPath
        self.message = message
        self.isAboutKey = isAboutKey
    }

    public var description: String {
        "module \(module)" + (keyPath.map { ", parameter \($0)" } ?? "") + ": \(message)"
    }
}

import Foundation

/// What modules share across builds in one host process: a value made once per key and kept,
/// e.g. an IO table read and its `I − A` factored, so that a sweep over a module's parameters
/// does not re-read and re-factor the table for every point. The host gives one instance to
/// every module it builds (`ModuleContext.shared`); a module built without one (tests, plugins,
/// whose context crosses as JSON) makes the value itself.
///
/// Keys name the module and everything the value depends on, e.g.
/// `"industry-chain.technology|/data/io|households=none|employment=auto|units=10000"`.
/// At most `capacity` values are kept (the oldest dropped first). Thread-safe; a value is made
/// under the lock, so it is made once even when several threads ask at the same time.
public final class SharedResources: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [String] = []
    private var values: [String: any Sendable] = [:]
    private let capacity: Int

    /// A store keeping at most `capacity` values (at least 1; default 32), the oldest dropped first.
    public init(capacity: Int = 32) { self.capacity = max(capacity, 1) }

    /// The value kept under `key`, else `make()` kept and returned. A value of another type under
    /// the same key is replaced. A throwing `make` keeps nothing.
    public func value<T: Sendable>(for key: String, make: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        if let v = values[key] as? T { return v }
        let v = try make()
        if values[key] == nil {
            if keys.count >= capacity { values[keys.removeFirst()] = nil }
            keys.append(key)
        }
        values[key] = v
        return v
    }

    /// Number of values kept.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return values.count
    }
}

extension Optional where Wrapped == SharedResources {
    /// `shared.value(for:make:)`, or `make()` when there is no shared store.
    public func value<T: Sendable>(for key: String, make: () throws -> T) rethrows -> T {
        switch self {
        case let .some(store): return try store.value(for: key, make: make)
        case .none: return try make()
        }
    }
}

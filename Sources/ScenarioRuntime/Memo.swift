import Foundation

/// A small thread-safe cache of values by an `Equatable` key, for what does not change between
/// runs of one `ScenarioRuntime` (datasets, calibrations, modules). At most `capacity` entries;
/// the oldest is dropped first. A value is made under the lock, so two threads asking for the
/// same key make it once.
final class Memo<Key: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(key: Key, value: Value)] = []
    private let capacity: Int
    private(set) var hits = 0
    private(set) var misses = 0

    init(capacity: Int) { self.capacity = max(capacity, 1) }

    /// The value stored for `key`, else `make()` stored and returned (a throwing `make` stores
    /// nothing).
    func value(for key: Key, make: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let hit = entries.first(where: { $0.key == key }) {
            hits += 1
            return hit.value
        }
        misses += 1
        let value = try make()
        if entries.count >= capacity { entries.removeFirst() }
        entries.append((key, value))
        return value
    }

    /// Number of values made and found (for tests and benchmarks).
    var counts: (hits: Int, misses: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (hits, misses)
    }
}

/// A table of log k! for k < `count`, so that the rejection steps of the binomial and Poisson
/// samplers replace several logarithms by lookups. Optional: the samplers fall back to Stirling's
/// series without it (and for k ≥ count). Immutable after `init`.
public final class LogFactorialTable: @unchecked Sendable {
    public let count: Int
    @usableFromInline let storage: UnsafeMutablePointer<Double>

    /// A table of log 0! … log (count − 1)! (default 16384 entries, 128 KiB).
    public init(count: Int = 16_384) {
        let n = Swift.max(count, 2)
        self.count = n
        storage = .allocate(capacity: n)
        for k in 0..<n { storage[k] = SpecialFunctions.logGamma(Double(k) + 1) }
    }

    deinit { storage.deallocate() }

    /// One table for every run of the process (16,384 entries of logGamma, computed once: a
    /// sensitivity design builds thousands of short runs).
    public static let shared = LogFactorialTable()

    /// log k!.
    public subscript(k: Int) -> Double {
        k < count && k >= 0 ? storage[k] : SpecialFunctions.logGamma(Double(k) + 1)
    }

    /// A non-owning view for the hot loop; valid while the table is alive.
    @usableFromInline var view: LogFactorialView { LogFactorialView(base: storage, count: count) }
}

/// Non-owning view of a `LogFactorialTable` (or none).
@frozen @usableFromInline
struct LogFactorialView: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<Double>?
    @usableFromInline let count: Int

    @inlinable init(base: UnsafeMutablePointer<Double>?, count: Int) {
        self.base = base
        self.count = count
    }

    @inlinable static var none: LogFactorialView { LogFactorialView(base: nil, count: 0) }

    /// log k! for a non-negative integer-valued k.
    @inlinable @inline(__always)
    func logFactorial(_ k: Double) -> Double {
        if let b = base, k < Double(count) { return b[Int(k)] }
        return SpecialFunctions.logGamma(k + 1)
    }
}

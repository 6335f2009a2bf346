@testable import LinearAlgebra

/// `max_k |a_k − b_k|`, or +∞ when the lengths differ.
func maxDiff(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// The error thrown by `body`, or nil when it returns normally.
func thrownError<T>(_ body: () throws -> T) -> LinearAlgebraError? {
    do {
        _ = try body()
        return nil
    } catch let e as LinearAlgebraError {
        return e
    } catch {
        return nil
    }
}

/// Largest element-wise difference of two vectors, for test expectations such as
/// `#expect(maxAbsDifference(x, expected) < 1e-12)`.

/// `max_k |a_k − b_k|` (0 for two empty vectors), or +∞ when the lengths differ.
///
/// Like the helpers it replaces, a NaN difference is skipped by `max` rather than propagated, so a
/// NaN in `a` or `b` does not by itself make the result large.
public func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

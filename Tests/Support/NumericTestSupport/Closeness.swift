/// Closeness of floating-point values, for test expectations.
///
/// The rule is numpy's `isclose`: `|a − b| ≤ relative·|b| + absolute`, with `b` the reference
/// (expected) value, so the test is not symmetric in `a` and `b`. `relative: 0` gives a purely
/// absolute tolerance, `absolute: 0` (the default) a purely relative one.

/// `|a − b| ≤ relative·|b| + absolute` (`b` is the reference value).
public func isClose(_ a: Double, _ b: Double, relative: Double = 1e-12, absolute: Double = 0) -> Bool {
    abs(a - b) <= relative * abs(b) + absolute
}

/// Element-wise `isClose` for vectors: false when the lengths differ.
public func allClose(_ a: [Double], _ b: [Double], relative: Double = 1e-12, absolute: Double = 0) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, relative: relative, absolute: absolute) }
}

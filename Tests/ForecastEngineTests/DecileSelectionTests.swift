import Testing

import LibC

@testable import ForecastEngine

/// numpy's `linear` quantile from a fully sorted copy: the reference for the bracketed selection.
private func sortedQuantile(_ sorted: [Double], _ q: Double) -> Double {
    let h = Double(sorted.count - 1) * q
    let k = Int(h.rounded(.down))
    if k + 1 >= sorted.count || h == Double(k) { return sorted[k] }
    return sorted[k] + (h - Double(k)) * (sorted[k + 1] - sorted[k])
}

private func bracketed(_ values: [Double]) -> [Double] {
    let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: values.count)
    defer { scratch.deallocate() }
    let q = values.withUnsafeBufferPointer { DecileSelection.deciles($0, scratch: scratch) }
    return [q.p10, q.p50, q.p90]
}

@Test(arguments: ["normal", "lognormal", "ties", "constant", "ascending", "descending", "two values", "outliers"])
func bracketedDecilesEqualTheSortedOrderStatistics(_ shape: String) {
    var rng = RandomStream(seed: 11, draw: 0)
    for n in [4095, 4096, 4097, 10_000, 100_000, 100_001] {
        let values: [Double] = (0..<n).map { i in
            switch shape {
            case "normal": return rng.normal()
            case "lognormal": return exp(2 * rng.normal())
            case "ties": return Double(rng.poisson(3))
            case "constant": return 1884.5
            case "ascending": return Double(i)
            case "descending": return Double(n - i)
            case "two values": return rng.uniform() < 0.5 ? 0 : 1
            default: return i % 97 == 0 ? 1e12 * rng.uniform() : rng.normal()
            }
        }
        let sorted = values.sorted()
        let expected = [0.1, 0.5, 0.9].map { sortedQuantile(sorted, $0) }
        #expect(bracketed(values) == expected, "\(shape), n = \(n)")
        // The unchanged row and the full quickselect give the same numbers.
        var copy = values
        let q = copy.withUnsafeMutableBufferPointer { Statistics.deciles($0) }
        #expect([q.p10, q.p50, q.p90] == expected, "\(shape), n = \(n)")
    }
}

/// A sample that misses the quantile (the stride sample sees only small values while most of the
/// row is large) must fall back to the full selection, not return a wrong order statistic.
@Test func bracketedDecilesFallBackWhenTheSampleMisses() {
    let n = 100_000
    var values = (0..<n).map { Double($0 % 1000) + 5000 }
    let s = DecileSelection.sampleSize  // n/16 > 2048: the sample size is the maximum
    for i in 0..<s { values[i * n / s] = Double(i) }
    let sorted = values.sorted()
    #expect(bracketed(values) == [0.1, 0.5, 0.9].map { sortedQuantile(sorted, $0) })
    let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    defer { scratch.deallocate() }
    let missed = values.withUnsafeBufferPointer { DecileSelection.bracketed($0, scratch) }
    #expect(missed == nil)
    // An ordinary row of draws is answered by the brackets.
    var rng = RandomStream(seed: 5, draw: 1)
    let draws = (0..<n).map { _ in exp(rng.normal()) }
    #expect(draws.withUnsafeBufferPointer { DecileSelection.bracketed($0, scratch) } != nil)
}

import Dispatch
import Testing
@testable import ForecastEngine

import LibC

/// Collects progress calls (the callback is serialised by the engine; the lock-free box is only
/// read after the run).
private final class ProgressLog: @unchecked Sendable {
    var calls: [(Int, Int)] = []
}

@Test(arguments: [1, 2])
func progressCountsEveryChunkAndLeavesResultsUnchanged(workers: Int) throws {
    let p = try Fixtures.calibrated(draws: 1000, seed: 11)  // 4 chunks of 256
    let log = ProgressLog()
    let withProgress = try ForecastEngine.run(p, workers: workers) { done, total in log.calls.append((done, total)) }
    let without = try ForecastEngine.run(p, workers: 1)
    #expect(withProgress == without)
    #expect(log.calls.map(\.0) == [1, 2, 3, 4])
    #expect(log.calls.allSatisfy { $0.1 == 4 })
}

@Test func simulateDrawsReportsProgress() throws {
    let p = try Fixtures.calibrated(draws: 300, seed: 2)
    let log = ProgressLog()
    _ = try ForecastEngine.simulateDraws(p, workers: 2) { done, total in log.calls.append((done, total)) }
    #expect(log.calls.map(\.0) == [1, 2])
    #expect(log.calls.last?.1 == 2)
}

@Test func zigguratNormalMomentsAndTails() {
    var rng = RandomStream(seed: 99, draw: 0)
    let n = 400_000
    var sum = 0.0, sumSq = 0.0, sumFourth = 0.0
    var beyondR = 0, beyond1 = 0
    // Bins of |x| near the bottom layers' wedges, where a wrong table shows first.
    let edges = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.3, ZigguratTable.r, 4, .infinity]
    var bins = [Int](repeating: 0, count: edges.count - 1)
    for _ in 0..<n {
        let x = rng.normalZiggurat()
        bins[edges.lastIndex { $0 <= abs(x) }!] += 1
        sum += x
        sumSq += x * x
        sumFourth += x * x * x * x
        if abs(x) > ZigguratTable.r { beyondR += 1 }
        if x > 1 { beyond1 += 1 }
    }
    let N = Double(n)
    for b in bins.indices {
        let expected = N * 2 * (SpecialFunctions.normalCDF(edges[b + 1]) - SpecialFunctions.normalCDF(edges[b]))
        #expect(abs(Double(bins[b]) - expected) <= 5 * expected.squareRoot(), "|x| in [\(edges[b]), \(edges[b + 1]))")
    }
    #expect(abs(sum / N) <= 5 / N.squareRoot())
    #expect(abs(sumSq / N - 1) <= 5 * (2 / N).squareRoot())
    #expect(abs(sumFourth / N - 3) <= 5 * (96 / N).squareRoot())
    // Tail mass beyond r = 3.654 (the base layer's tail sampler): 2·(1 − Φ(r)) = 2.58e-4.
    let pR = 2 * (1 - SpecialFunctions.normalCDF(ZigguratTable.r))
    #expect(abs(Double(beyondR) - N * pR) <= 5 * (N * pR).squareRoot())
    // P(X > 1) = 0.158655 (the wedges).
    let p1 = 1 - SpecialFunctions.normalCDF(1)
    #expect(abs(Double(beyond1) / N - p1) <= 5 * (p1 * (1 - p1) / N).squareRoot())
}

@Test(arguments: [0.0, 0.004, 0.3, 0.5, 0.8, 0.97, 1.0])
func precomputedBinomialConstantsGiveTheSameStream(p: Double) {
    var a = RandomStream(seed: 5, draw: 1)
    var b = a
    let table = LogFactorialTable()
    let constants = BinomialProbability(p)
    for n in [0, 1, 7, 60, 1000, 5000, 100_000] {
        for _ in 0..<50 {
            #expect(a.binomial(n, p, table.view) == b.binomial(n, constants, table.view))
        }
    }
}

@Test func decilesEqualThreeQuantileSelections() {
    var rng = RandomStream(seed: 3, draw: 4)
    for n in Array(1...40) + [255, 256, 1000, 1001] {
        for ties in [false, true] {
            let values = (0..<n).map { _ in ties ? Double(rng.poisson(2)) : rng.normal() }
            var a = values, b = values
            let q = a.withUnsafeMutableBufferPointer { Statistics.deciles($0) }
            let expected = b.withUnsafeMutableBufferPointer { buf in
                [0.1, 0.5, 0.9].map { Statistics.quantile(buf, $0) }
            }
            #expect([q.p10, q.p50, q.p90] == expected, "n = \(n), ties = \(ties)")
        }
    }
}

@Test func logBoundDecisionsMatchTheLogarithm() {
    var rng = RandomStream(seed: 8, draw: 0)
    for _ in 0..<200_000 {
        let x = exp(8 * (rng.uniform() - 0.5))
        let t = log(x) + (rng.uniform() - 0.5) * (rng.uniform() < 0.5 ? 1e-3 : 2)
        #expect(RandomStream.logIsBelow(x, t) == (log(x) <= t))
    }
}

import Dispatch
import Testing
@testable import ForecastEngine

/// A cancelled run stops at the next chunk and throws; a run under a cancellation that is never
/// used is bit-identical to one without.
@Suite struct RunCancellationTests {
    @Test(arguments: [1, 2])
    func uncancelledRunIsUnchanged(workers: Int) throws {
        let p = try Fixtures.calibrated(draws: 1000, seed: 5)
        let c = RunCancellation()
        let under = try c.whileCurrent { try ForecastEngine.run(p, workers: workers) }
        #expect(under == (try ForecastEngine.run(p, workers: 1)))
        #expect(RunCancellation.current == nil)
    }

    @Test func cancelledRunThrowsAfterAtMostAChunkPerWorker() throws {
        let p = try Fixtures.calibrated(draws: 100_000, seed: 5)
        let c = RunCancellation()
        final class Count: @unchecked Sendable { var chunks = 0 }
        let count = Count()
        #expect(throws: ForecastError.cancelled) {
            try c.whileCurrent {
                try ForecastEngine.run(p, workers: 2) { done, _ in
                    count.chunks = done
                    if done == 3 { c.cancel() }
                }
            }
        }
        // 391 chunks in the run; it stopped right after the third (each worker may finish the chunk it holds).
        #expect(count.chunks >= 3 && count.chunks <= 5)
        #expect(throws: ForecastError.cancelled) {
            try c.whileCurrent { try ForecastEngine.requiredEffort(probability: 0.8, parameters: p, draws: 2000) }
        }
        #expect(throws: ForecastError.cancelled) {
            try c.whileCurrent { try ForecastEngine.runWithSegments(p, workers: 1) }
        }
    }
}

import Dispatch
import Testing
@testable import ForecastEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints throughput (draws × years per second) for 1 and 2 workers; no assertion on time.
/// Enabled only with BINHAI_FE_SPEED=1 (run with `-c release`).
@Test(.enabled(if: getenv("BINHAI_FE_SPEED") != nil))
func speedReport() throws {
    var p = try Fixtures.calibrated(draws: 100_000, seed: 1)
    p.plan = DoublingPlan(baseYear: 2020, targetYear: 2030)
    for workers in [1, 2, 1, 2] {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let r = try ForecastEngine.run(p, workers: workers)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(t1 - t0) / 1e9
        print("workers \(workers): \(p.draws) draws × \(r.years.count) years in \(seconds) s = "
            + "\(Double(p.draws * r.years.count) / seconds) draw-years/s; P = \(r.probabilityTargetMet)")
        if workers == 1 {
            print("  base \(r.baseYearTotal), target \(r.targetAmount), 2030 \(r.yearly.last!.investmentInPlace)")
        }
    }
}

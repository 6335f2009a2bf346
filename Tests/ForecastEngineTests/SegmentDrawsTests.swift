import Testing
@testable import ForecastEngine

/// `ForecastEngine.runWithSegments`: the same draws as `run`, split per draw by segment.
@Suite struct SegmentDrawsTests {
    @Test func resultIsBitIdenticalToRun() throws {
        let p = try Fixtures.calibrated(draws: 700)
        let plain = try ForecastEngine.run(p, workers: 2)
        let (withSegments, segments) = try ForecastEngine.runWithSegments(p, workers: 1)
        #expect(plain == withSegments)
        let draws = try ForecastEngine.simulateDraws(p, workers: 2)
        #expect(segments.total == draws.investmentInPlace.flatMap { $0 })
    }

    @Test func everySplitSumsToTheTotalPerDrawAndMatchesTheMeans() throws {
        let p = try Fixtures.calibrated(draws: 600)
        let (result, s) = try ForecastEngine.runWithSegments(p)
        let Y = s.years.count, N = s.draws
        #expect(s.byIndustry.count == p.industries.count && s.majorProjects.count == 2)
        for split in [s.byIndustry, s.byCarrier, s.bySource] {
            for y in 0..<Y {
                for d in 0..<N {
                    let sum = split.reduce(0.0) { $0 + s.value($1, year: y, draw: d) }
                    let total = s.total[y * N + d]
                    #expect(abs(sum - total) <= 1e-9 * max(1, total))
                }
            }
        }
        for (series, mean) in [(s.byIndustry, result.byIndustry), (s.bySource, result.bySource), (s.byCarrier, result.byCarrier)] {
            for (a, b) in zip(series, mean) {
                #expect(a.id == b.id)
                for y in 0..<Y {
                    let m = (0..<N).reduce(0.0) { $0 + s.value(a, year: y, draw: $1) } / Double(N)
                    #expect(abs(m - b.values[y]) <= 1e-9 * max(1, abs(b.values[y])))
                }
            }
        }
        // The new-energy major (120 亿元, p = 0.7, 2023) lands in some draws only: 0 or 0.3·120 in 2023.
        let major = s.majorProjects[0]
        let y2023 = try #require(s.years.firstIndex(of: 2023))
        let values = Set((0..<N).map { s.value(major, year: y2023, draw: $0) })
        #expect(values == [0, 0.3 * 120])
    }
}

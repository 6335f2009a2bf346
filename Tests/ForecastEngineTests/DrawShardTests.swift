import Foundation
import Testing
import TrendEstimation
@testable import ForecastEngine

/// Shards of a run's draws merge into exactly the run in one process, quantiles included.
@Suite struct DrawShardTests {
    @Test(arguments: [1, 2, 3, 7])
    func shardsMergeIntoTheSingleRun(count: Int) throws {
        let p = try EstimatedGrowthTests.parameters(draws: 1500, seed: 9)
        let single = try ForecastEngine.run(p, workers: 2)
        let shards = try (0..<count).map { try ForecastEngine.simulateShard(p, shard: $0, of: count, workers: 1) }
        // Through the file format: JSON with the doubles packed as their bits.
        let decoded = try shards.map { try JSONDecoder().decode(DrawShard.self, from: try JSONEncoder().encode($0)) }
        #expect(decoded == shards)
        let merged = try ForecastEngine.merge(p, shards: decoded.reversed(), workers: 2)
        #expect(merged == single)
    }

    @Test func missingOrForeignShardsAreRefused() throws {
        let p = try EstimatedGrowthTests.parameters(draws: 1000, seed: 9)
        let shards = try (0..<3).map { try ForecastEngine.simulateShard(p, shard: $0, of: 3) }
        #expect(throws: ForecastError.self) { try ForecastEngine.merge(p, shards: [shards[0], shards[2]]) }
        #expect(throws: ForecastError.self) { try ForecastEngine.merge(p, shards: shards + [shards[1]]) }
        var q = p
        q.draws = 1200
        #expect(throws: ForecastError.self) { try ForecastEngine.merge(q, shards: shards) }
        #expect(throws: ForecastError.self) { try ForecastEngine.simulateShard(p, shard: 3, of: 3) }
    }

    /// A result survives its JSON coding bit for bit (the partial results of sharded sweeps).
    @Test func resultsRoundTripThroughJSON() throws {
        let r = try ForecastEngine.run(try EstimatedGrowthTests.parameters(draws: 600, seed: 4))
        let e = JSONEncoder()
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        #expect(try d.decode(ForecastResult.self, from: try e.encode(r)) == r)
    }
}

import Foundation

/// Doubles stored as base64 of their little-endian IEEE 754 bits: exact and compact in JSON.
public struct PackedDoubles: Sendable, Equatable, Codable {
    public var values: [Double]

    public init(_ values: [Double]) { self.values = values }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text), data.count % 8 == 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not base64 of 8-byte doubles"))
        }
        values = data.withUnsafeBytes { raw in
            (0..<(data.count / 8)).map { Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self))) }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var data = Data(capacity: 8 * values.count)
        for v in values {
            var bits = v.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
        }
        var c = encoder.singleValueContainer()
        try c.encode(data.base64EncodedString())
    }
}

/// One shard of a Monte Carlo run: the chunks `firstChunk ..< firstChunk + chunkCount` (256 draws
/// each) of a run of `draws` draws, with every draw's yearly series and the chunks' accumulators.
/// Draws use counter-based streams keyed by their global index, so the shards of a run merge into
/// exactly the result of the run in one process (`ForecastEngine.merge`).
public struct DrawShard: Sendable, Equatable, Codable {
    public let draws: Int
    public let years: Int
    public let firstChunk: Int
    public let chunkCount: Int
    /// Per draw of the shard, year-major: [y·n + i] with n the shard's draws (亿元).
    public let total: PackedDoubles
    public let domestic: PackedDoubles
    public let foreign: PackedDoubles
    /// Per chunk of the shard, the engine's accumulators (segment sums, stage counts).
    public let accumulators: PackedDoubles
}

extension ForecastEngine {
    /// Draws per chunk (the unit shards are made of).
    public static var drawsPerChunk: Int { ChunkedExecutor.chunkSize }

    /// The chunks shard `index` of `count` runs: an even split of ⌈draws/256⌉ chunks.
    public static func chunkRange(shard index: Int, of count: Int, draws: Int) -> Range<Int> {
        let chunks = (draws + ChunkedExecutor.chunkSize - 1) / ChunkedExecutor.chunkSize
        return (index * chunks / count)..<((index + 1) * chunks / count)
    }

    /// Run shard `index` of `count` of the draws of `parameters`.
    public static func simulateShard(_ parameters: ForecastParameters, shard index: Int, of count: Int, workers: Int? = nil) throws -> DrawShard {
        guard count >= 1, index >= 0, index < count else {
            throw ForecastError.invalidValue(parameter: "shard", reason: "\(index)/\(count): expected 0 ≤ I < N")
        }
        let prepared = try ClosedFormModel(parameters)
        let range = chunkRange(shard: index, of: count, draws: parameters.draws)
        let out = ChunkedExecutor.run(DrawBuffers(prepared), draws: parameters.draws, workers: workers, chunkRange: range)
        try RunCancellation.check()
        let cells = out.draws * out.years
        return DrawShard(
            draws: parameters.draws, years: out.years, firstChunk: range.lowerBound, chunkCount: range.count,
            total: PackedDoubles(Array(UnsafeBufferPointer(start: out.total, count: cells))),
            domestic: PackedDoubles(Array(UnsafeBufferPointer(start: out.domestic, count: cells))),
            foreign: PackedDoubles(Array(UnsafeBufferPointer(start: out.foreign, count: cells))),
            accumulators: PackedDoubles(Array(UnsafeBufferPointer(start: out.accumulators, count: out.accumulatorStride * out.chunkCount))))
    }

    /// The result of the whole run from all its shards: the same value `run(parameters)` returns.
    /// - Throws: `invalidValue("shards", …)` when shards are missing, overlap or belong to another run.
    public static func merge(_ parameters: ForecastParameters, shards: [DrawShard], workers: Int? = nil) throws -> ForecastResult {
        let prepared = try ClosedFormModel(parameters)
        let model = DrawBuffers(prepared)
        let N = parameters.draws, Y = prepared.yearCount
        let out = DrawOutputs(model: model, draws: N, chunkSize: ChunkedExecutor.chunkSize)
        var next = 0
        // Empty shards (more shards than chunks) hold nothing; the others must tile the chunks.
        for s in shards.sorted(by: { ($0.firstChunk, $0.chunkCount) < ($1.firstChunk, $1.chunkCount) }) {
            if s.chunkCount == 0 && s.draws == N && s.years == Y { continue }
            guard s.draws == N, s.years == Y, s.firstChunk == next else {
                throw ForecastError.invalidValue(
                    parameter: "shards",
                    reason: "shard starting at chunk \(s.firstChunk) does not follow chunk \(next) of this run of \(N) draws × \(Y) years")
            }
            let first = s.firstChunk * ChunkedExecutor.chunkSize
            let n = Swift.min((s.firstChunk + s.chunkCount) * ChunkedExecutor.chunkSize, N) - first
            guard s.total.values.count == n * Y, s.accumulators.values.count == s.chunkCount * out.accumulatorStride else {
                throw ForecastError.invalidValue(parameter: "shards", reason: "shard at chunk \(s.firstChunk) has the wrong size")
            }
            for y in 0..<Y {
                for i in 0..<n {
                    out.total[y * N + first + i] = s.total.values[y * n + i]
                    out.domestic[y * N + first + i] = s.domestic.values[y * n + i]
                    out.foreign[y * N + first + i] = s.foreign.values[y * n + i]
                }
            }
            let stride = out.accumulatorStride
            for (k, v) in s.accumulators.values.enumerated() { out.accumulators[s.firstChunk * stride + k] = v }
            next = s.firstChunk + s.chunkCount
        }
        guard next == out.chunkCount else {
            throw ForecastError.invalidValue(parameter: "shards", reason: "chunks \(next)..<\(out.chunkCount) are missing")
        }
        return summarise(prepared, out, workers: workers)
    }
}

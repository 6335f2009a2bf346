import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the draws in fixed chunks of `chunkSize` consecutive draw indices. Worker w takes chunks
/// w, w + W, w + 2W, … (W = workers) through `DispatchQueue.concurrentPerform`. The chunk partition
/// does not depend on W and every draw has its own random streams, so outputs are bit-identical
/// for any worker count.
enum ChunkedExecutor {
    static let chunkSize = 256

    /// Number of online processors (at least 1).
    static var availableProcessors: Int {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }

    /// - Parameter progress: called with (chunks done, total chunks) after every finished chunk, from
    ///   the worker threads but never concurrently (calls are serialised, so the counts arrive in
    ///   increasing order and the last call has done == total). It does not affect the results.
    /// - Parameter segments: also keep every draw's amounts per source and major project
    ///   (`DrawOutputs.sourceDraws`/`majorDraws`); the other outputs are bit-identical either way.
    static func run(
        _ model: CompiledModel, draws: Int, workers requested: Int?, progress: ForecastEngine.Progress? = nil,
        segments: Bool = false
    ) -> DrawOutputs {
        let out = DrawOutputs(model: model, draws: draws, chunkSize: chunkSize, segments: segments)
        let chunks = out.chunkCount
        let workers = Swift.max(1, Swift.min(requested ?? availableProcessors, chunks))
        let reporter = progress.map { ProgressReporter(total: chunks, callback: $0) }
        let body: @Sendable (Int) -> Void = { w in
            let scratch = DrawScratch(model)
            defer { scratch.free() }
            var c = w
            while c < chunks {
                let start = c * chunkSize
                let end = Swift.min(start + chunkSize, draws)
                for d in start..<end { model.simulateDraw(d, chunk: c, scratch: scratch, out: out) }
                reporter?.chunkDone()
                c += workers
            }
        }
        if workers == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: body)
        }
        return out
    }
}

/// Counts finished chunks and calls the progress callback under a serial queue (one call per chunk:
/// ~400 calls for 100k draws, each a few hundred nanoseconds next to a chunk's milliseconds).
final class ProgressReporter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "ForecastEngine.progress")
    private let total: Int
    private let callback: ForecastEngine.Progress
    private var done = 0

    init(total: Int, callback: @escaping ForecastEngine.Progress) {
        self.total = total
        self.callback = callback
    }

    func chunkDone() {
        queue.sync {
            done += 1
            callback(done, total)
        }
    }
}

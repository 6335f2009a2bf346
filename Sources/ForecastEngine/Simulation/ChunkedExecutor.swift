import Dispatch
import LibC

/// Runs the draws in fixed chunks of `chunkSize` consecutive draw indices. The W workers
/// (`DispatchQueue.concurrentPerform`) take the next unclaimed chunk from a shared counter (`ChunkQueue`),
/// so a worker slowed by other load on its core takes fewer chunks instead of holding up the run
/// (a fixed w, w + W, … assignment made 2 workers as slow as the slower core). The chunk partition
/// does not depend on W or on who ran a chunk, every draw has its own random streams and every
/// chunk its own accumulators, so outputs are bit-identical for any worker count.
enum ChunkedExecutor {
    static let chunkSize = 256

    /// Number of online processors (at least 1).
    static var availableProcessors: Int {
        Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// - Parameter progress: called with (chunks done, total chunks) after every finished chunk, from
    ///   the worker threads but never concurrently (calls are serialised, so the counts arrive in
    ///   increasing order and the last call has done == total). It does not affect the results.
    /// - Parameter segments: also keep every draw's amounts per source and major project
    ///   (`DrawOutputs.sourceDraws`/`majorDraws`); the other outputs are bit-identical either way.
    static func run(
        _ model: DrawBuffers, draws: Int, workers requested: Int?, progress: ForecastEngine.Progress? = nil,
        segments: Bool = false, chunkRange: Range<Int>? = nil
    ) -> DrawOutputs {
        // A shard runs the chunks of `chunkRange` (global indices) of a run of `draws` draws.
        let allChunks = (draws + chunkSize - 1) / chunkSize
        let range = chunkRange ?? 0..<allChunks
        let firstDraw = range.lowerBound * chunkSize
        let localDraws = Swift.max(0, Swift.min(range.upperBound * chunkSize, draws) - firstDraw)
        let out = DrawOutputs(model: model, draws: localDraws, chunkSize: chunkSize, segments: segments, firstDraw: firstDraw)
        let chunks = out.chunkCount
        let workers = Swift.max(1, Swift.min(requested ?? availableProcessors, chunks))
        let reporter = progress.map { ProgressReporter(total: chunks, callback: $0) }
        let queue = ChunkQueue()
        // Read on the calling thread: the workers of concurrentPerform have no current cancellation.
        let cancellation = RunCancellation.current
        let body: @Sendable (Int) -> Void = { _ in
            let scratch = DrawScratch(model)
            defer { scratch.free() }
            while true {
                let local = queue.claim()
                if local >= chunks || cancellation?.isCancelled == true { break }
                let c = range.lowerBound + local
                let start = c * chunkSize
                let end = Swift.min(start + chunkSize, draws)
                for d in start..<end { model.simulateDraw(d, chunk: c, scratch: scratch, out: out) }
                reporter?.chunkDone()
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

/// The next chunk index to run, shared by the workers. A mutex rather than `Synchronization.Atomic`
/// (macOS 15+) so the package keeps its macOS 13 floor; one lock per chunk of 256 draws (~400 per
/// 100k-draw run) costs nothing measurable.
final class ChunkQueue: @unchecked Sendable {
    private var next = 0
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Claims a chunk: 0, 1, 2, … in claim order (indices ≥ the chunk count mean "done").
    func claim() -> Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        let c = next
        next += 1
        return c
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

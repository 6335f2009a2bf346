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

    static func run(_ model: CompiledModel, draws: Int, workers requested: Int?) -> DrawOutputs {
        let out = DrawOutputs(model: model, draws: draws, chunkSize: chunkSize)
        let chunks = out.chunkCount
        let workers = Swift.max(1, Swift.min(requested ?? availableProcessors, chunks))
        let body: @Sendable (Int) -> Void = { w in
            let scratch = DrawScratch(model)
            defer { scratch.free() }
            var c = w
            while c < chunks {
                let start = c * chunkSize
                let end = Swift.min(start + chunkSize, draws)
                for d in start..<end { model.simulateDraw(d, chunk: c, scratch: scratch, out: out) }
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

import Dispatch
import ForecastEngine
import Foundation

/// Independent runs side by side: `count` jobs over `lanes` threads (job i on lane i mod lanes),
/// each result stored at its index, so the results do not depend on the number of lanes. The
/// first error stops the lanes and is thrown. `finished` is called after each job, one call at a
/// time (for progress), with the job's index.
enum SideBySide {
    static func map<T: Sendable>(
        count: Int, lanes: Int, finished: ((Int) -> Void)? = nil, _ job: @Sendable (Int) throws -> T
    ) throws -> [T] {
        let state = SideBySideState<T>(count)
        let lanes = max(1, min(lanes, count))
        nonisolated(unsafe) let finished = finished
        // The caller's cancellation reaches the lanes (each lane is a thread of its own).
        let cancellation = RunCancellation.current
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var i = lane
            while i < count {
                state.lock.lock()
                let stop = state.error != nil
                state.lock.unlock()
                if stop { return }
                do {
                    let r = try cancellation.map { c in try c.whileCurrent { try job(i) } } ?? job(i)
                    state.lock.lock()
                    state.results[i] = r
                    finished?(i)
                    state.lock.unlock()
                } catch {
                    state.lock.lock()
                    if state.error == nil { state.error = error }
                    state.lock.unlock()
                    return
                }
                i += lanes
            }
        }
        if let e = state.error { throw e }
        return state.results.map { $0! }
    }
}

/// The results and first error of `SideBySide.map`, changed under its lock.
final class SideBySideState<T>: @unchecked Sendable {
    let lock = NSLock()
    var results: [T?]
    var error: (any Error)?
    init(_ n: Int) { results = Array(repeating: nil, count: n) }
}

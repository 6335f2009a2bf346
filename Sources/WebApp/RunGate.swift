import Dispatch
import ForecastEngine
import Foundation

/// Why a run was not computed: too many waiting, or past its time budget.
public enum RunGateError: Error, Sendable, Equatable {
    /// Every slot is busy and the queue is full: try again after `retryAfter` seconds (HTTP 429).
    case busy(retryAfter: Int)
    /// The run took longer than `seconds` and was stopped (HTTP 503).
    case timedOut(seconds: Double)
}

/// At most `slots` runs at once, at most `queue` waiting; each run on a thread of its own (never
/// an event-loop thread, so the health endpoint answers while the cores compute), cancelled when
/// it exceeds `budget` seconds. A run gets the cores no other run is using (results do not depend
/// on the worker count).
public final class RunGate: @unchecked Sendable {
    private let slots: Int
    private let queueLimit: Int
    private let budget: Double
    private let lock = NSLock()
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(slots: Int, queue: Int, budget seconds: Double) {
        self.slots = max(1, slots)
        self.queueLimit = max(0, queue)
        self.budget = seconds
    }

    /// Runs and waiting runs now (for the health endpoint).
    public var load: (running: Int, waiting: Int) {
        lock.withLock { (running, waiting.count) }
    }

    /// Runs `work(workers)` when a slot is free.
    /// - Throws: `RunGateError.busy` when the queue is full, `.timedOut` when cancelled by the
    ///   budget, or what `work` throws.
    public func run<T: Sendable>(_ work: @escaping @Sendable (_ workers: Int) throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        let workers = lock.withLock { max(1, cores - (running - 1)) }
        let cancellation = RunCancellation()
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + budget)
        timer.setEventHandler { cancellation.cancel() }
        timer.resume()
        defer { timer.cancel() }
        let budget = self.budget
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let thread = Thread {
                do {
                    let value = try cancellation.whileCurrent { try work(workers) }
                    continuation.resume(returning: value)
                } catch {
                    continuation.resume(throwing: cancellation.isCancelled ? RunGateError.timedOut(seconds: budget) : error)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func acquire() async throws {
        let admitted: Bool? = lock.withLock {
            if running < slots {
                running += 1
                return true
            }
            return waiting.count < queueLimit ? false : nil
        }
        guard let admitted else { throw RunGateError.busy(retryAfter: max(1, Int(budget.rounded(.up)) / 10)) }
        if admitted { return }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            // A slot may have been released since the check above.
            let now: Bool = lock.withLock {
                if running < slots {
                    running += 1
                    return true
                }
                waiting.append(c)
                return false
            }
            if now { c.resume() }
        }
    }

    private func release() {
        // The slot passes to the first waiter (running stays the same), or is freed.
        let next: CheckedContinuation<Void, Never>? = lock.withLock {
            if waiting.isEmpty {
                running -= 1
                return nil
            }
            return waiting.removeFirst()
        }
        next?.resume()
    }
}

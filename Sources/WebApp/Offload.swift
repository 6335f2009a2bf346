import Dispatch

/// CPU-bound request work (validating a scenario text, applying levers, rendering a results page
/// with its charts and tables) runs here, not on Swift's cooperative thread pool: that pool has
/// one thread per core and also runs every other handler, so a burst of renders would make the
/// health endpoint wait behind them. (Monte Carlo runs have threads of their own: `RunGate`.)
enum Offload {
    static let queue = DispatchQueue(label: "binhai.web.work", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}

import Foundation

/// How `binhai serve` was started: where it listens, what it may read, who may use it and what a
/// request may cost. Every limit is reported to the user as a clear error (HTTP 413, 422 or 429),
/// never a 500 or a hang.
public struct ServerSettings: Sendable {
    /// Address to bind: loopback unless the operator names another (`--host`).
    public var host: String = "127.0.0.1"
    /// TCP port (`--port`); 0 lets the system choose (tests).
    public var port: Int = 8080
    /// The SQLite file of saved what-ifs (`--db`); nil keeps them in memory for this process.
    public var databasePath: String?
    /// The folder uploaded scenarios may name datasets under (`--datasets DIR`); without it only
    /// `builtin:` datasets are accepted.
    public var datasetsFolder: URL?
    /// The bearer token every request must carry (`--token` or `BINHAI_TOKEN`); nil = no token.
    public var token: String?
    /// The limits of one request.
    public var limits = Limits()

    public init() {}

    /// Whether `host` is a loopback address (the default; anything else is on a network).
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }

    /// What one request may cost.
    public struct Limits: Sendable {
        /// Largest request body (bytes): a scenario file is a few kilobytes.
        public var bodyBytes = 256 * 1024
        /// Largest number of draws of any one case (baseline, variant, sweep point).
        public var drawsPerCase = 100_000
        /// Largest number of draws of all cases of one run together (incl. the effort search).
        public var drawsPerRun = 1_000_000
        /// Largest number of variants plus sweep points.
        public var variants = 24
        /// Runs computed at once (others wait, up to `queuedRuns`). Default: one per core.
        public var concurrentRuns = max(1, ProcessInfo.processInfo.activeProcessorCount)
        /// Runs that may wait for a free slot; one more gets 429 with Retry-After.
        public var queuedRuns = 32
        /// A run still going after this many seconds is cancelled (HTTP 503).
        public var runSeconds: Double = 60
        /// Largest what-if name / author (characters).
        public var nameCharacters = 120

        public init() {}
    }
}

import LibC

/// A request to stop a run early (a web request past its time budget, a closed connection).
///
/// The caller makes one, runs the engine inside `whileCurrent(_:)` on its own thread, and calls
/// `cancel()` from any thread. The draw loop checks the flag before each chunk of 256 draws
/// (about a millisecond of work), so a cancelled run stops within a chunk per worker; the engine
/// call then throws `ForecastError.cancelled` instead of summarising a partial run. A run that is
/// never cancelled is bit-identical to one without a cancellation.
public final class RunCancellation: @unchecked Sendable {
    private var cancelled = false
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Ask every run under this cancellation to stop at its next chunk.
    public func cancel() {
        pthread_mutex_lock(mutex)
        cancelled = true
        pthread_mutex_unlock(mutex)
    }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return cancelled
    }

    /// Runs `body` with this cancellation as the calling thread's current one: every engine call
    /// made by `body` on this thread (including its worker threads) checks it.
    public func whileCurrent<T>(_ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(Self.key)
        pthread_setspecific(Self.key, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(Self.key, previous) }
        return try body()
    }

    /// The calling thread's current cancellation (set by `whileCurrent(_:)`), if any.
    public static var current: RunCancellation? {
        guard let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<RunCancellation>.fromOpaque(p).takeUnretainedValue()
    }

    /// Throws `ForecastError.cancelled` when the current cancellation was cancelled.
    static func check() throws {
        if current?.isCancelled == true { throw ForecastError.cancelled }
    }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()
}

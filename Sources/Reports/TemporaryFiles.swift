import Dispatch
import Foundation
import LibC

/// Temporary files and folders of outputs being written, removed if the process is stopped by
/// SIGINT (Ctrl-C) or SIGTERM, so an interrupted run leaves neither half-written files nor
/// `.NAME.PID.tmp` leftovers. The previous run's files are untouched (they are replaced only by
/// a rename at the very end).
public final class TemporaryFiles: @unchecked Sendable {
    public static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var sources: [DispatchSourceSignal] = []
    private var installed = false

    /// Adds `path` (a file or a folder) to what is removed on SIGINT/SIGTERM; installs the
    /// handlers on first use.
    public func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.insert(path)
        installLocked()
    }

    /// Handles SIGINT and SIGTERM from now on: remove what is registered, then exit with
    /// 128 + the signal. Unblocks both first (a parent may have blocked them), so a stop request
    /// is never left pending while a long run goes on.
    public func installHandlers() {
        lock.lock()
        defer { lock.unlock() }
        installLocked()
    }

    private func installLocked() {
        if !installed {
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGINT)
            sigaddset(&set, SIGTERM)
            sigprocmask(SIG_UNBLOCK, &set, nil)
            installed = true
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { [weak self] in
                    self?.removeAll()
                    // The conventional status of a process ended by the signal.
                    exit(128 + sig)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// `path` is finished (renamed into place or removed).
    public func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.remove(path)
    }

    /// Removes every registered path now.
    public func removeAll() {
        lock.lock()
        let list = paths
        paths.removeAll()
        lock.unlock()
        for p in list { try? FileManager.default.removeItem(atPath: p) }
    }
}

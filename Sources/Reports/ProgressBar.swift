import Foundation

/// A progress bar on standard error for long-running work, e.g.
///
///     Monte Carlo  [██████░░░░░░░░░░░░░░]  30%  6,000/20,000 draws  ETA 2s
///
/// - It draws only when the output is a terminal (`isTerminal`, by default `isatty(2)`), so
///   piped or redirected runs stay clean.
/// - It draws nothing until the task has run for `delay` seconds (default 1 s), so short runs
///   print nothing at all.
/// - `update(done:total:)` may be called from any thread (worker threads of a parallel loop);
///   a lock guards the state, and redraws are throttled to one per `minimumInterval` seconds
///   (default 0.1 s, i.e. at most 10 per second).
/// - `finish()` clears the line if anything was drawn; later updates are ignored.
///
/// The output stream and the clock are injectable for tests.
public final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let unit: String
    private let width: Int
    private let isTerminal: Bool
    private let delay: Double
    private let minimumInterval: Double
    private let clock: @Sendable () -> Double
    private let write: @Sendable (String) -> Void

    private let lock = NSLock()
    private let start: Double
    private var lastDraw: Double?
    private var drawn = false
    private var finished = false

    /// - Parameters:
    ///   - label: text before the bar, e.g. "Monte Carlo".
    ///   - unit: word after the counts, e.g. "draws" (empty for none).
    ///   - width: bar width in cells.
    ///   - isTerminal: draw at all; default: standard error is a terminal.
    ///   - delay: seconds after creation before the first draw.
    ///   - minimumInterval: seconds between redraws.
    ///   - clock: monotonic seconds (default `ProgressBar.monotonicSeconds`).
    ///   - write: receives the escape sequences and text (default: standard error).
    public init(
        label: String, unit: String = "", width: Int = 20,
        isTerminal: Bool = ProgressBar.standardErrorIsTerminal,
        delay: Double = 1.0, minimumInterval: Double = 0.1,
        clock: @escaping @Sendable () -> Double = ProgressBar.monotonicSeconds,
        write: @escaping @Sendable (String) -> Void = ProgressBar.writeToStandardError
    ) {
        self.label = label
        self.unit = unit
        self.width = max(1, width)
        self.isTerminal = isTerminal
        self.delay = delay
        self.minimumInterval = minimumInterval
        self.clock = clock
        self.write = write
        self.start = clock()
    }

    /// Report progress: `done` of `total` units finished. Thread-safe; cheap when nothing is drawn.
    public func update(done: Int, total: Int) {
        guard isTerminal, total > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        let now = clock()
        let elapsed = now - start
        guard elapsed >= delay else { return }
        if let last = lastDraw, now - last < minimumInterval { return }
        lastDraw = now
        drawn = true
        write("\r" + line(done: done, total: total, elapsed: elapsed) + "\u{1B}[K")
    }

    /// Clear the bar's line (when anything was drawn) and ignore later updates.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        if drawn { write("\r\u{1B}[K") }
    }

    /// The text of the bar for `done` of `total` after `elapsed` seconds (no control characters).
    public func line(done: Int, total: Int, elapsed: Double) -> String {
        let d = min(max(done, 0), max(total, 0))
        let fraction = total > 0 ? Double(d) / Double(total) : 0
        let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        let percentText = String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)%"
        var text = "\(label)  [\(bar)] \(percentText)  \(Self.grouped(d))/\(Self.grouped(total))"
        if !unit.isEmpty { text += " " + unit }
        if d > 0, d < total, elapsed > 0 {
            text += "  ETA " + Self.duration(elapsed * Double(total - d) / Double(d))
        }
        return text
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ n: Int) -> String { NumberFormatting.grouped(Double(n), decimals: 0) }

    /// Seconds as `2s`, `1m05s` or `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + String(format: "%02d", s % 60) + "s" }
        return "\(s / 3600)h" + String(format: "%02d", (s % 3600) / 60) + "m"
    }

    /// True when standard error (file descriptor 2) is a terminal.
    public static var standardErrorIsTerminal: Bool { isatty(2) != 0 }

    /// Monotonic time in seconds.
    @Sendable public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Write text to standard error unbuffered.
    @Sendable public static func writeToStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

import Foundation
import Testing
@testable import Reports

/// A clock the test moves by hand and a collector of everything written (both thread-safe).
private final class Harness: @unchecked Sendable {
    private let lock = NSLock()
    private var time = 0.0
    private var written: [String] = []

    var now: Double {
        get { lock.withLock { time } }
        set { lock.withLock { time = newValue } }
    }
    var writes: [String] { lock.withLock { written } }

    func bar(isTerminal: Bool = true) -> ProgressBar {
        ProgressBar(
            label: "Monte Carlo", unit: "draws", isTerminal: isTerminal, clock: { [self] in now },
            write: { [self] s in lock.withLock { written.append(s) } })
    }
}

@Suite struct ProgressBarTests {
    @Test func lineShowsBarPercentCountsAndETA() {
        let h = Harness()
        let line = h.bar().line(done: 12_000, total: 20_000, elapsed: 3)
        #expect(line == "Monte Carlo  [████████████░░░░░░░░]  60%  12,000/20,000 draws  ETA 2s")
        #expect(h.bar().line(done: 20_000, total: 20_000, elapsed: 5).hasSuffix("100%  20,000/20,000 draws"))
        #expect(ProgressBar.duration(65) == "1m05s")
        #expect(ProgressBar.duration(3725) == "1h02m")
    }

    @Test func nothingWhenNotATerminal() {
        let h = Harness()
        let bar = h.bar(isTerminal: false)
        for i in 1...50 {
            h.now = Double(i)
            bar.update(done: i, total: 50)
        }
        bar.finish()
        #expect(h.writes.isEmpty)
    }

    @Test func nothingForShortTasks() {
        let h = Harness()
        let bar = h.bar()
        for i in 1...9 {
            h.now = 0.1 * Double(i)
            bar.update(done: i, total: 10)
        }
        bar.finish()
        #expect(h.writes.isEmpty)
    }

    @Test func redrawsAreThrottled() {
        let h = Harness()
        let bar = h.bar()
        for (i, t) in [1.0, 1.05, 1.09, 1.12, 1.15, 1.21, 1.25, 2.0].enumerated() {
            h.now = t
            bar.update(done: i + 1, total: 100)
        }
        // Draws at 1.0, 1.12 (≥ 0.1 s later), 1.25 and 2.0.
        #expect(h.writes.count == 4)
        #expect(h.writes.allSatisfy { $0.hasPrefix("\r") && $0.hasSuffix("\u{1B}[K") })
        #expect(h.writes[1].contains("4/100"))
    }

    @Test func finishClearsTheLineAndStopsUpdates() {
        let h = Harness()
        let bar = h.bar()
        h.now = 1.5
        bar.update(done: 10, total: 20)
        bar.finish()
        #expect(h.writes.last == "\r\u{1B}[K")
        let count = h.writes.count
        h.now = 5
        bar.update(done: 15, total: 20)
        bar.finish()
        #expect(h.writes.count == count)
    }

    @Test func updatesFromManyThreads() {
        let h = Harness()
        h.now = 2
        let bar = h.bar()
        h.now = 10
        DispatchQueue.concurrentPerform(iterations: 1000) { i in bar.update(done: i, total: 1000) }
        // One clock value: one draw, whatever the interleaving.
        #expect(h.writes.count == 1)
        bar.finish()
        #expect(h.writes.count == 2)
    }
}

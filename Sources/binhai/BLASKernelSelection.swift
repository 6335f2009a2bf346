import Foundation
import ArgumentParser
import LinearAlgebra

/// Runs OpenBLAS with the kernel family that is fastest on this machine, found by measurement.
///
/// OpenBLAS reads `OPENBLAS_CORETYPE` only when it is loaded, so at start-up `binhai` looks up
/// this machine's choice (`BLASKernelChoice`: a small file under the user's cache folder, keyed by
/// CPU model, flags and library build); the first time, it times every family the CPU can run on
/// a short dgemm + dgetrf probe — each in a child process (`binhai blas-probe` with
/// `OPENBLAS_CORETYPE` set), twice (up to four times while the fastest two are within 10 %), best
/// time kept — and saves what it found. When the choice
/// differs from the library's own, `binhai` re-executes itself once with the variable set.
/// It never overrides a value the user set; `BINHAI_BLAS_AUTOTUNE=0` turns it off. `binhai
/// doctor` shows the measurement and the choice. Results are correct under every family (the
/// test suite runs under several); only speed differs.
enum BLASKernelSelection {
    /// Set in the re-executed process (the family chosen), so it never loops and `doctor` can say why.
    static let markerVariable = "BINHAI_OPENBLAS_CORETYPE_CHOSEN"
    /// Set in a probe child: it must not choose (or probe) itself.
    static let probeVariable = "BINHAI_BLAS_PROBE"

    /// Whether a choice is to be made in this process.
    static func enabled(_ env: [String: String]) -> Bool {
        env["OPENBLAS_CORETYPE"] == nil && env[markerVariable] == nil && env[probeVariable] == nil
            && env["BINHAI_BLAS_AUTOTUNE"] != "0"
    }

    /// At start-up: re-execute with the measured family when it is not the library's own.
    /// Returns (the program goes on as it is) when nothing needs doing or exec fails.
    static func chooseAtStart() {
        let env = ProcessInfo.processInfo.environment
        guard enabled(env) else { return }
        let runtime = BLASRuntime.current()
        guard runtime.implementation == .openBLAS, let core = runtime.openBLASCoreName,
            let record = record(runtime: runtime, environment: env), let chosen = record.chosen,
            chosen.lowercased() != core.lowercased()
        else { return }
        setenv("OPENBLAS_CORETYPE", chosen, 1)
        setenv(markerVariable, chosen, 1)
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", argv)
        // exec failed: carry on with the library's own kernels.
        unsetenv("OPENBLAS_CORETYPE")
        unsetenv(markerVariable)
    }

    /// This machine's key (CPU, flags, library).
    static func machineKey(_ runtime: BLASRuntime) -> String {
        let cpu = BLASKernelChoice.cpu()
        let library = [runtime.dgetrfProvider, runtime.openBLASConfig].compactMap { $0 }.joined(separator: " ")
        return BLASKernelChoice.machineKey(
            cpuModel: cpu.model, flags: cpu.flags,
            library: BLASKernelChoice.libraryBuild(library, runningCore: runtime.openBLASCoreName))
    }

    /// The record of this machine: from the cache file, else measured now (and saved). Nil when
    /// the CPU offers no family to choose among.
    static func record(runtime: BLASRuntime, environment env: [String: String]) -> BLASKernelChoice.Record? {
        let key = machineKey(runtime)
        // Without a cache folder the probe would run at every start: keep the library's own then.
        guard let file = BLASKernelChoice.cacheFile(environment: env) else { return nil }
        if let cached = BLASKernelChoice.load(file, machine: key) { return cached }
        let candidates = BLASKernelChoice.candidates(flags: BLASKernelChoice.cpu().flags)
        guard !candidates.isEmpty else { return nil }
        var timings: [String: Double] = [:]
        // The library's own family, as the child without OPENBLAS_CORETYPE reports it (this
        // process may itself run a chosen family, e.g. `doctor` after the re-execution).
        var ownCore: String? = nil
        // Two rounds, families interleaved, best time kept: a burst of other load hits one run;
        // up to two more while the fastest two are within the margin.
        var round = 0
        while round < 2 || (round < 4 && !BLASKernelChoice.leadIsClear(timings, libraryCore: ownCore)) {
            for family in [BLASKernelChoice.libraryDefault] + candidates {
                guard let (t, core) = probe(family) else { continue }
                timings[family] = min(timings[family] ?? .infinity, t)
                if family == BLASKernelChoice.libraryDefault, let core { ownCore = core }
            }
            round += 1
        }
        let core = ownCore ?? runtime.openBLASCoreName
        let record = BLASKernelChoice.Record(
            machine: key, timings: timings, chosen: BLASKernelChoice.decide(timings, libraryCore: core), libraryCore: core ?? "",
            measuredAt: ISO8601DateFormatter().string(from: Date()))
        BLASKernelChoice.save(record, to: file)
        return record
    }

    /// Seconds of one probe with `family` (a child process) and the family the child ran (nil if
    /// it could not tell), or nil when the child failed.
    static func probe(_ family: String) -> (seconds: Double, core: String?)? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        p.arguments = ["blas-probe"]
        var env = ProcessInfo.processInfo.environment
        env[probeVariable] = "1"
        env["OPENBLAS_NUM_THREADS"] = "1"  // the kernels' speed, undisturbed by the other core (BLASKernelProbe)
        if family == BLASKernelChoice.libraryDefault { env.removeValue(forKey: "OPENBLAS_CORETYPE") } else { env["OPENBLAS_CORETYPE"] = family }
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard p.terminationStatus == 0, let seconds = Double(fields.first ?? "") else { return nil }
        return (seconds, fields.count > 1 && fields[1] != "-" ? String(fields[1]) : nil)
    }
}

/// `binhai blas-probe` (hidden): one timing of the kernel probe in this process's BLAS, printed as
/// `SECONDS CORE` — what `BLASKernelSelection` runs under each `OPENBLAS_CORETYPE`.
struct BLASProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blas-probe", abstract: "Time the BLAS kernel probe (used by the kernel choice).", shouldDisplay: false)

    @Option(help: "Order of the dgemm.") var gemm = 512
    @Option(help: "Order of the dgetrf.") var lu = 1536
    @Option(help: "Runs (the best is printed).") var repeats = 5

    func run() throws {
        let seconds = BLASKernelProbe.seconds(repeats: max(1, repeats), gemmOrder: max(1, gemm), luOrder: max(1, lu))
        try Console.line("\(seconds) \(BLASRuntime.current().openBLASCoreName ?? "-")")
    }
}

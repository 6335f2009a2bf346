import Foundation

/// Which OpenBLAS kernel family to run on this machine, chosen by measurement, not by CPU name.
///
/// Debian's OpenBLAS (built with DYNAMIC_ARCH) picks a family from the CPU's identity, and the
/// pick is not always the fastest for this work: on a 2-core AMD EPYC (Zen) machine it chose its
/// Zen kernels, 27 % slower on a large LU than its Haswell ones; on an older build an unknown Xeon
/// got the generic Prescott kernels, about 4× slower. So every family the CPU can run (from its
/// cpuid flags: a family needing AVX-512 is never tried without it) is timed on a short
/// dgemm + dgetrf probe, and the fastest is kept — the library's own choice unless another is at
/// least `margin` (10 %) faster: on the 2-core machines here two runs of the same kernels differ
/// by up to ~15 % in a single probe, less in the best of two interleaved rounds — in a small file
/// per machine, keyed by CPU model, flags and library.
public enum BLASKernelChoice {
    /// The library's own choice (no `OPENBLAS_CORETYPE`), as a key of the timings.
    public static let libraryDefault = "default"

    /// Kernel families of OpenBLAS for x86-64 this CPU can run, from its `/proc/cpuinfo` flags.
    public static func candidates(flags: Set<String>) -> [String] {
        var out: [String] = []
        let avx2 = ["avx", "avx2", "fma"].allSatisfy(flags.contains)
        if avx2 {
            out += ["Haswell", "Zen"]
        } else if flags.contains("avx") {
            out.append("Sandybridge")
        }
        if avx2 && ["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"].allSatisfy(flags.contains) {
            out.append("SkylakeX")
        }
        return out
    }

    /// The family to set (nil: keep the library's own): the fastest of `timings` (seconds per
    /// probe, `libraryDefault` among them) when it beats the library's own by at least `margin`
    /// (a relative difference; smaller gaps are within the noise of a short probe).
    /// `libraryCore` is the family the library runs by itself (e.g. `Zen`): its explicit timing
    /// measures the same kernels as `libraryDefault`, so the two count as one (the faster of the
    /// two probes) and that family is never "chosen" over itself by the noise between them.
    /// Measured on the 2-core AMD EPYC of this project (OpenBLAS 0.3.21 picks Zen): Zen and
    /// Haswell within noise at n = 1536, 4000 and 7987 (±15 % run to run), so the library's own stays.
    public static func decide(_ timings: [String: Double], libraryCore: String? = nil, margin: Double = 0.10) -> String? {
        let valid = families(timings, libraryCore: libraryCore)
        guard let best = valid.min(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }) else { return nil }
        guard best.key != libraryDefault else { return nil }
        guard let own = valid[libraryDefault] else { return best.key }
        return best.value <= own * (1 - margin) ? best.key : nil
    }

    /// Whether the fastest family is clearly ahead: the fastest and the runner-up (the library's
    /// own family and `libraryDefault` counted as one, as in `decide`) differ by at least `margin`.
    /// While it is not, the probe runs another round (the best of more rounds is less disturbed).
    /// Measured on a 2-core Xeon with AVX-512 (OpenBLAS 0.3.21 falls back to Prescott there): the
    /// best of two rounds once gave SkylakeX 79.4 ms, Haswell 76.8 ms, and Haswell was kept,
    /// though quiet probes give SkylakeX 61–75 ms, Haswell 78–83 ms and the n = 7,987 LU takes
    /// 3.2–3.4 s with SkylakeX, 5.3–5.5 s with Haswell.
    public static func leadIsClear(_ timings: [String: Double], libraryCore: String? = nil, margin: Double = 0.10) -> Bool {
        let sorted = families(timings, libraryCore: libraryCore).values.sorted()
        guard sorted.count >= 2 else { return true }
        return sorted[0] <= sorted[1] * (1 - margin)
    }

    /// The valid timings (finite, positive) by family, with the library's own family timed by name
    /// folded into `libraryDefault` (the faster of the two probes of the same kernels).
    static func families(_ timings: [String: Double], libraryCore: String?) -> [String: Double] {
        var valid = timings.filter { $0.value.isFinite && $0.value > 0 }
        if let core = libraryCore, let same = valid.removeValue(forKey: core) {
            valid[libraryDefault] = min(valid[libraryDefault] ?? same, same)
        }
        return valid
    }

    /// The library's build for the machine key: OpenBLAS's configuration string names the kernel
    /// family running now (`… DYNAMIC_ARCH NO_AFFINITY Prescott MAX_THREADS=64`), which changes
    /// with `OPENBLAS_CORETYPE`; without that word the key is the same in the process that chose
    /// and in the one re-executed with the choice (otherwise each would miss the other's record
    /// and measure again).
    public static func libraryBuild(_ library: String, runningCore: String?) -> String {
        guard let core = runningCore?.lowercased(), !core.isEmpty else { return library }
        return library.split(separator: " ").filter { $0.lowercased() != core }.joined(separator: " ")
    }

    /// What was measured on one machine and chosen.
    public struct Record: Codable, Sendable, Equatable {
        /// CPU model, flags digest and library (see `machineKey`): a record of another machine,
        /// CPU or library build is not used.
        public var machine: String
        /// Seconds per probe by family (`libraryDefault` = the library's own choice).
        public var timings: [String: Double]
        /// The family chosen (nil: the library's own).
        public var chosen: String?
        /// The family the library chose by itself.
        public var libraryCore: String
        /// When it was measured (ISO 8601).
        public var measuredAt: String

        public init(machine: String, timings: [String: Double], chosen: String?, libraryCore: String, measuredAt: String) {
            self.machine = machine
            self.timings = timings
            self.chosen = chosen
            self.libraryCore = libraryCore
            self.measuredAt = measuredAt
        }
    }

    /// The key of this machine: CPU model name, a digest of its flags and the BLAS library
    /// (its path and configuration string), so a new CPU or library build is measured again.
    public static func machineKey(cpuModel: String, flags: Set<String>, library: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in flags.sorted().joined(separator: " ").utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return "\(cpuModel) | flags \(String(h, radix: 16)) | \(library)"
    }

    /// `$XDG_CACHE_HOME/binhai/blas-kernel.json`, or `~/.cache/binhai/blas-kernel.json`.
    public static func cacheFile(environment: [String: String]) -> URL? {
        if let x = environment["XDG_CACHE_HOME"], x.hasPrefix("/") {
            return URL(fileURLWithPath: x).appendingPathComponent("binhai/blas-kernel.json")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/binhai/blas-kernel.json")
    }

    /// The record in `file` for `machine`, if any.
    public static func load(_ file: URL, machine: String) -> Record? {
        guard let data = try? Data(contentsOf: file), let r = try? JSONDecoder().decode(Record.self, from: data), r.machine == machine else {
            return nil
        }
        return r
    }

    /// Writes `record` to `file` (a temporary file renamed into place; errors are ignored: the
    /// choice is then measured again next time).
    public static func save(_ record: Record, to file: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(record) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".blas-kernel-\(getpid()).json")
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    /// The CPU's model name and flags from `/proc/cpuinfo` (empty on other systems).
    public static func cpu() -> (model: String, flags: Set<String>) {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return ("", []) }
        let lines = text.split(separator: "\n")
        func value(_ key: String) -> String? {
            lines.first { $0.hasPrefix(key) }.flatMap { $0.split(separator: ":", maxSplits: 1).last }
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return (value("model name") ?? "", Set((value("flags") ?? "").split(separator: " ").map(String.init)))
    }
}

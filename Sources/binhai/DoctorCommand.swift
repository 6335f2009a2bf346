import ArgumentParser
import Foundation
import LinearAlgebra

/// `binhai doctor`: which BLAS/LAPACK library this process actually runs on, and how many threads.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show which BLAS/LAPACK library is loaded (OpenBLAS or netlib) and its thread count.")

    func run() throws {
        let runtime = BLASRuntime.current()
        print("BinhaiSim \(Binhai.configuration.version)")
        for line in runtime.reportLines { print(line) }
        print("cores available: \(ProcessInfo.processInfo.activeProcessorCount)")
        for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE"] {
            if let v = ProcessInfo.processInfo.environment[name] { print("\(name)=\(v)") }
        }
        if let hint = Self.coreTypeHint(runtime) { print("hint: \(hint)") }
    }

    /// OpenBLAS builds older than the CPU fall back to generic (Prescott) kernels, about 4×
    /// slower on LU than the AVX2/AVX-512 ones (measured on this project's 2-core Xeon: dgetrf
    /// n=4000 1.44 s Prescott, 0.57 s Haswell, 0.36 s SkylakeX). Suggest the override when it applies.
    static func coreTypeHint(_ runtime: BLASRuntime) -> String? {
        guard runtime.implementation == .openBLAS, runtime.openBLASCoreName == "Prescott",
            ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
            let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return nil }
        let set = Set(flags.split(separator: " ").map(String.init))
        let suggestion: String
        if set.contains("avx512f") && set.contains("avx512bw") {
            suggestion = "SkylakeX"
        } else if set.contains("avx2") && set.contains("fma") {
            suggestion = "Haswell"
        } else {
            return nil
        }
        return "OpenBLAS does not recognise this CPU and uses its generic Prescott kernels; "
            + "`export OPENBLAS_CORETYPE=\(suggestion)` makes large factorisations several times faster"
    }
}

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
        try Console.line("BinhaiSim \(Binhai.configuration.version)")
        for line in runtime.reportLines { try Console.line(line) }
        try Console.line("cores available: \(ProcessInfo.processInfo.activeProcessorCount)")
        for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE"] {
            if let v = ProcessInfo.processInfo.environment[name] { try Console.line("\(name)=\(v)") }
        }
        let env = ProcessInfo.processInfo.environment
        if env["OPENBLAS_CORETYPE"] != nil && env[BLASKernelSelection.markerVariable] == nil {
            try Console.line("BLAS kernels: OPENBLAS_CORETYPE set by the user (binhai does not choose)")
        } else if env["BINHAI_BLAS_AUTOTUNE"] == "0" {
            try Console.line("BLAS kernels: the library's own choice (BINHAI_BLAS_AUTOTUNE=0)")
        } else if runtime.implementation == .openBLAS {
            var probeEnv = env
            probeEnv.removeValue(forKey: BLASKernelSelection.markerVariable)
            if let record = BLASKernelSelection.record(runtime: runtime, environment: probeEnv) {
                let times = record.timings.sorted { $0.value < $1.value }
                    .map { "\($0.key == BLASKernelChoice.libraryDefault ? "library's own (\(record.libraryCore))" : $0.key) \(String(format: "%.1f", $0.value * 1000)) ms" }
                try Console.line("BLAS kernels: measured \(record.measuredAt) on a dgemm + dgetrf probe: \(times.joined(separator: ", "))")
                try Console.line("BLAS kernels: \(record.chosen.map { "chosen \($0)" } ?? "the library's own (\(record.libraryCore)) is fastest or within 10 %")\(env[BLASKernelSelection.markerVariable] != nil ? " (this process runs it)" : "")")
                if let file = BLASKernelChoice.cacheFile(environment: env) {
                    try Console.line("BLAS kernels: remembered in \(file.path) (delete it to measure again; BINHAI_BLAS_AUTOTUNE=0 turns the choice off)")
                }
            } else {
                try Console.line("BLAS kernels: the library's own (this CPU offers no other family)")
            }
        }
        try Console.line("GMRES products (io analyze, large tables): \(TwoSidedProduct.kernel) kernel")
    }
}

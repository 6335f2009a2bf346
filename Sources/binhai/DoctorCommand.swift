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
        if let chosen = ProcessInfo.processInfo.environment[BLASKernelSelection.markerVariable] {
            try Console.line("note: OpenBLAS does not recognise this CPU; binhai chose its \(chosen) kernels (set OPENBLAS_CORETYPE yourself, or BINHAI_BLAS_AUTOTUNE=0 to keep the generic ones)")
        } else if let suggestion = BLASKernelSelection.suggestedCoreType(runtime) {
            try Console.line("hint: OpenBLAS does not recognise this CPU and uses its generic Prescott kernels; `export OPENBLAS_CORETYPE=\(suggestion)` makes large factorisations several times faster")
        }
    }
}

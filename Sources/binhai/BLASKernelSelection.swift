import Foundation
import LinearAlgebra

/// Picks fast OpenBLAS kernels when Debian's OpenBLAS does not recognise the CPU.
///
/// OpenBLAS builds older than the processor fall back to their generic "Prescott" kernels,
/// about 4× slower on LU than the AVX2/AVX-512 ones (measured on this project's 2-core Xeon,
/// OpenBLAS 0.3.21: dgetrf n = 4000 1.44 s Prescott, 0.57 s Haswell, 0.36 s SkylakeX). OpenBLAS
/// reads `OPENBLAS_CORETYPE` only when it is loaded, so `binhai` re-executes itself once with
/// the variable set. It never overrides a value the user set, and `BINHAI_BLAS_AUTOTUNE=0`
/// turns it off. `binhai doctor` reports what was chosen.
enum BLASKernelSelection {
    /// Set in the re-executed process, so that it never loops and `doctor` can say why.
    static let markerVariable = "BINHAI_OPENBLAS_CORETYPE_CHOSEN"

    /// The kernel family to use instead of generic Prescott, from the CPU flags, or nil.
    static func suggestedCoreType(_ runtime: BLASRuntime) -> String? {
        guard runtime.implementation == .openBLAS, runtime.openBLASCoreName == "Prescott",
            let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return nil }
        let set = Set(flags.split(separator: " ").map(String.init))
        if ["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"].allSatisfy(set.contains) { return "SkylakeX" }
        if ["avx2", "fma"].allSatisfy(set.contains) { return "Haswell" }
        return nil
    }

    /// Re-execute this program with `OPENBLAS_CORETYPE` set when that makes BLAS faster.
    /// Returns (and the program goes on as it is) when nothing needs doing or exec fails.
    static func reexecIfGenericKernels() {
        let env = ProcessInfo.processInfo.environment
        guard env["OPENBLAS_CORETYPE"] == nil, env[markerVariable] == nil, env["BINHAI_BLAS_AUTOTUNE"] != "0",
            let core = suggestedCoreType(BLASRuntime.current())
        else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        setenv(markerVariable, core, 1)
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", argv)
        // exec failed: carry on with the generic kernels.
        unsetenv("OPENBLAS_CORETYPE")
        unsetenv(markerVariable)
    }
}

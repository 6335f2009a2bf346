import CLinearAlgebra

import LibC

/// Which BLAS and LAPACK this process is actually running with, for diagnostics
/// (`binhai doctor`). The package links `-lblas -llapack`; on Debian the alternatives system
/// decides at run time whether those names resolve to the reference (netlib) libraries or to
/// OpenBLAS, which is roughly 10× faster on `dgemm`.
///
/// Everything is discovered at run time: the mapped shared objects are read from
/// `/proc/self/maps` (Linux), symlinks are resolved with `realpath`, the library that defines
/// `dgemm_` / `dgetrf_` is the mapping that contains the symbol's `dlsym` address, and the OpenBLAS entry points
/// (`openblas_get_config`, `openblas_get_num_threads`, …) are looked up with `dlsym` so that
/// nothing here links against OpenBLAS.
public struct BLASRuntime: Sendable, Equatable {
    /// The BLAS implementation family.
    public enum Implementation: String, Sendable, Equatable {
        /// OpenBLAS (its `openblas_*` entry points are present, or its library is mapped).
        case openBLAS = "OpenBLAS"
        /// Debian's reference netlib libraries (`…/blas/libblas.so.3`, `…/lapack/liblapack.so.3`).
        case referenceNetlib = "reference BLAS/LAPACK (netlib)"
        /// Intel MKL (a mapped library path contains `mkl`).
        case mkl = "Intel MKL"
        /// BLIS (a mapped library path contains `blis`).
        case blis = "BLIS"
        /// ATLAS (a mapped library path contains `atlas`).
        case atlas = "ATLAS"
        /// No BLAS/LAPACK library recognised (e.g. not Linux, or statically linked).
        case unknown = "unknown"
    }

    /// A shared object mapped in this process whose file name matches a BLAS/LAPACK pattern.
    public struct MappedLibrary: Sendable, Equatable {
        /// The path as it appears in `/proc/self/maps`.
        public let mappedPath: String
        /// `realpath(mappedPath)` (all symlinks resolved); equals `mappedPath` when resolution fails.
        public let resolvedPath: String
    }

    /// The implementation family: OpenBLAS when `openblas_get_config` is resolvable in the
    /// process, otherwise inferred from the library paths.
    public let implementation: Implementation
    /// Mapped libraries whose file name contains `libblas`, `libopenblas`, `libmkl`, `libblis`
    /// or `libatlas`, in the order first mapped (deduplicated).
    public let blasLibraries: [MappedLibrary]
    /// Mapped libraries whose file name contains `liblapack`.
    public let lapackLibraries: [MappedLibrary]
    /// Resolved path of the shared object that defines the `dgemm_` symbol this process uses
    /// (the mapping containing its `dlsym` address), if found.
    public let dgemmProvider: String?
    /// Resolved path of the shared object that defines `dgetrf_`, if found.
    public let dgetrfProvider: String?
    /// `openblas_get_config()` (build options, e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY …`),
    /// nil unless OpenBLAS is loaded.
    public let openBLASConfig: String?
    /// `openblas_get_corename()` (the kernel set chosen for this CPU, e.g. `Haswell`).
    public let openBLASCoreName: String?
    /// `openblas_get_num_threads()`, the number of threads OpenBLAS will use.
    public let openBLASThreads: Int?
    /// `openblas_get_parallel()` as text: `sequential`, `pthreads` or `OpenMP`.
    public let openBLASParallelism: String?

    /// Inspect the current process. Performs one tiny BLAS call first so that the library is
    /// certainly loaded and bound.
    public static func current() -> BLASRuntime {
        var x = 1.0, y = 1.0
        _ = cblas_ddot(1, &x, 1, &y, 1)

        var blas: [MappedLibrary] = []
        var lapack: [MappedLibrary] = []
        var seen = Set<String>()
        let maps = mappedFiles()
        for path in maps.map(\.path) where !seen.contains(path) {
            seen.insert(path)
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let lib = MappedLibrary(mappedPath: path, resolvedPath: resolve(path))
            if name.contains("liblapack") {
                lapack.append(lib)
            } else if ["libblas", "libopenblas", "libmkl", "libblis", "libatlas", "libsatlas", "libtatlas"]
                .contains(where: { name.contains($0) })
            {
                blas.append(lib)
            }
        }

        let config = cString(symbol("openblas_get_config"))
        let core = cString(symbol("openblas_get_corename"))
        var threads: Int? = nil
        if let f = symbol("openblas_get_num_threads") {
            threads = Int(unsafeBitCast(f, to: (@convention(c) () -> Int32).self)())
        }
        var parallel: String? = nil
        if let f = symbol("openblas_get_parallel") {
            switch unsafeBitCast(f, to: (@convention(c) () -> Int32).self)() {
            case 0: parallel = "sequential"
            case 1: parallel = "pthreads"
            case 2: parallel = "OpenMP"
            case let other: parallel = "unknown (\(other))"
            }
        }
        let dgemm = provider(of: "dgemm_", in: maps)
        let dgetrf = provider(of: "dgetrf_", in: maps)

        let paths = (blas + lapack).map { $0.resolvedPath.lowercased() } + [dgemm, dgetrf].compactMap { $0?.lowercased() }
        let implementation: Implementation
        if config != nil || symbol("openblas_get_num_threads") != nil || paths.contains(where: { $0.contains("openblas") }) {
            implementation = .openBLAS
        } else if paths.contains(where: { $0.contains("mkl") }) {
            implementation = .mkl
        } else if paths.contains(where: { $0.contains("blis") }) {
            implementation = .blis
        } else if paths.contains(where: { $0.contains("atlas") }) {
            implementation = .atlas
        } else if paths.contains(where: { $0.contains("libblas") || $0.contains("liblapack") }) {
            // Debian's reference libraries live in …/blas/libblas.so.3 and …/lapack/liblapack.so.3.
            implementation = .referenceNetlib
        } else {
            implementation = .unknown
        }
        return BLASRuntime(
            implementation: implementation, blasLibraries: blas, lapackLibraries: lapack,
            dgemmProvider: dgemm, dgetrfProvider: dgetrf, openBLASConfig: config,
            openBLASCoreName: core, openBLASThreads: threads, openBLASParallelism: parallel)
    }

    /// Human-readable lines (one fact per line) for a diagnostics report.
    public var reportLines: [String] {
        var lines = ["implementation: \(implementation.rawValue)"]
        for lib in blasLibraries {
            lines.append("BLAS library: \(lib.resolvedPath)" + (lib.resolvedPath == lib.mappedPath ? "" : " (mapped as \(lib.mappedPath))"))
        }
        for lib in lapackLibraries {
            lines.append("LAPACK library: \(lib.resolvedPath)" + (lib.resolvedPath == lib.mappedPath ? "" : " (mapped as \(lib.mappedPath))"))
        }
        if blasLibraries.isEmpty && lapackLibraries.isEmpty { lines.append("BLAS/LAPACK library: not found in the process maps") }
        if let dgemmProvider { lines.append("dgemm_ provided by: \(dgemmProvider)") }
        if let dgetrfProvider { lines.append("dgetrf_ provided by: \(dgetrfProvider)") }
        if let openBLASConfig { lines.append("OpenBLAS config: \(openBLASConfig)") }
        if let openBLASCoreName { lines.append("OpenBLAS core: \(openBLASCoreName)") }
        if let openBLASThreads { lines.append("OpenBLAS threads: \(openBLASThreads)") }
        if let openBLASParallelism { lines.append("OpenBLAS parallelism: \(openBLASParallelism)") }
        if implementation == .referenceNetlib {
            lines.append("note: the reference BLAS is about 10× slower than OpenBLAS on dgemm; install libopenblas0-pthread to switch")
        }
        return lines
    }

    // MARK: - Run-time lookups

    /// `dlsym(RTLD_DEFAULT, name)`: a symbol from any object loaded in the process.
    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        #if os(Linux)
        // glibc: RTLD_DEFAULT is the null handle.
        return dlsym(nil, name)
        #else
        return dlsym(UnsafeMutableRawPointer(bitPattern: -2), name)  // RTLD_DEFAULT on Darwin
        #endif
    }

    /// Calls a `const char *(void)` function found by `dlsym`, copying the string.
    private static func cString(_ function: UnsafeMutableRawPointer?) -> String? {
        guard let function else { return nil }
        let f = unsafeBitCast(function, to: (@convention(c) () -> UnsafePointer<CChar>?).self)
        guard let p = f() else { return nil }
        return String(cString: p).trimmingSpaces
    }

    /// The resolved path of the shared object that defines `name`: the mapped file whose
    /// address range contains the symbol's address.
    private static func provider(of name: String, in maps: [Mapping]) -> String? {
        guard let address = symbol(name) else { return nil }
        let a = UInt(bitPattern: address)
        guard let m = maps.first(where: { $0.start <= a && a < $0.end }) else { return nil }
        return resolve(m.path)
    }

    /// `realpath(path)`, or `path` when it cannot be resolved.
    private static func resolve(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    /// A file-backed address range of this process.
    private struct Mapping {
        let start: UInt
        let end: UInt
        let path: String
    }

    /// The file-backed mappings of this process (`/proc/self/maps`: `start-end perms offset dev
    /// inode pathname`), in order.
    private static func mappedFiles() -> [Mapping] {
        #if os(Linux)
        guard let file = fopen("/proc/self/maps", "r") else { return [] }
        defer { fclose(file) }
        var result: [Mapping] = []
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0 {
            guard let line else { break }
            let text = String(cString: line)
            // address perms offset dev inode [pathname]; the pathname may contain spaces.
            var fields = 0
            var index = text.startIndex
            var inField = false
            while index < text.endIndex {
                let ch = text[index]
                if ch == " " || ch == "\t" {
                    inField = false
                } else if !inField {
                    inField = true
                    fields += 1
                    if fields == 6 { break }
                }
                index = text.index(after: index)
            }
            guard fields == 6 else { continue }
            var path = String(text[index...])
            while path.last == "\n" { path.removeLast() }
            if path.hasSuffix(" (deleted)") { path.removeLast(" (deleted)".count) }
            let range = text.prefix(while: { $0 != " " }).split(separator: "-")
            guard path.hasPrefix("/"), range.count == 2, let start = UInt(range[0], radix: 16),
                  let end = UInt(range[1], radix: 16) else { continue }
            result.append(Mapping(start: start, end: end, path: path))
        }
        return result
        #else
        return []
        #endif
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\n" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\n" { s.removeLast() }
        return String(s)
    }
}

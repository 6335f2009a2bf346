import Testing
@testable import LinearAlgebra

import LibC

@Test func blasRuntimeFindsLoadedLibraries() throws {
    let runtime = BLASRuntime.current()
    #if os(Linux)
    let first = try #require(runtime.blasLibraries.first, "no BLAS library found in /proc/self/maps")
    #expect(access(first.resolvedPath, F_OK) == 0)
    #expect(!runtime.lapackLibraries.isEmpty)
    for lib in runtime.lapackLibraries { #expect(access(lib.resolvedPath, F_OK) == 0) }
    let dgemm = try #require(runtime.dgemmProvider)
    #expect(access(dgemm, F_OK) == 0)
    #expect(runtime.implementation != .unknown)
    #endif
    if runtime.implementation == .openBLAS {
        #expect(runtime.openBLASConfig?.contains("OpenBLAS") == true)
        #expect((runtime.openBLASThreads ?? 0) >= 1)
    } else {
        #expect(runtime.openBLASConfig == nil)
    }
    #expect(runtime.reportLines.first?.hasPrefix("implementation: ") == true)
}

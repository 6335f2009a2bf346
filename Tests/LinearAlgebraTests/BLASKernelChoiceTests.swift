import Foundation
import Testing
@testable import LinearAlgebra

/// The kernel choice: only families the CPU can run, the library's own unless another is clearly
/// faster, one record per machine and library.
@Suite struct BLASKernelChoiceTests {
    @Test func candidatesFollowTheFlags() {
        let avx2: Set<String> = ["sse2", "avx", "avx2", "fma"]
        #expect(BLASKernelChoice.candidates(flags: avx2) == ["Haswell", "Zen"])
        // Never an AVX-512 family without AVX-512 (SkylakeX crashes there).
        #expect(!BLASKernelChoice.candidates(flags: avx2.union(["avx512f"])).contains("SkylakeX"))
        let avx512 = avx2.union(["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"])
        #expect(BLASKernelChoice.candidates(flags: avx512) == ["Haswell", "Zen", "SkylakeX"])
        #expect(BLASKernelChoice.candidates(flags: ["sse2", "avx"]) == ["Sandybridge"])
        #expect(BLASKernelChoice.candidates(flags: ["sse2"]).isEmpty)
    }

    @Test func decisionKeepsTheLibrarysOwnWithinTheMargin() {
        let own = BLASKernelChoice.libraryDefault
        // The EPYC case of the issue: Zen is the library's own, Haswell 27 % faster.
        #expect(BLASKernelChoice.decide([own: 0.100, "Zen": 0.101, "Haswell": 0.073]) == "Haswell")
        #expect(BLASKernelChoice.decide([own: 0.100, "Haswell": 0.093]) == nil)  // 7 %: within the noise
        #expect(BLASKernelChoice.decide([own: 0.100, "Haswell": 0.089]) == "Haswell")
        #expect(BLASKernelChoice.decide([own: 0.100, "Haswell": 0.120]) == nil)
        #expect(BLASKernelChoice.decide(["Haswell": 0.1, "Zen": 0.2]) == "Haswell")  // own failed to run
        #expect(BLASKernelChoice.decide([own: .nan, "Haswell": 0.1]) == "Haswell")
        #expect(BLASKernelChoice.decide([:]) == nil)
        // The library's own family timed explicitly is the same kernels as the default: the
        // noise between the two probes (here 175 vs 201 ms, as measured on a busy EPYC) never
        // makes it "chosen", and the faster of the two is what another family must beat.
        #expect(BLASKernelChoice.decide([own: 0.201, "Zen": 0.175, "Haswell": 0.221], libraryCore: "Zen") == nil)
        #expect(BLASKernelChoice.decide([own: 0.201, "Zen": 0.175, "Haswell": 0.160], libraryCore: "Zen") == nil)  // 8.6 % of 175
        #expect(BLASKernelChoice.decide([own: 0.201, "Zen": 0.175, "Haswell": 0.150], libraryCore: "Zen") == "Haswell")
        #expect(BLASKernelChoice.decide(["Zen": 0.175, "Haswell": 0.150], libraryCore: "Zen") == "Haswell")  // own failed, Zen stands in
    }

    @Test func moreRoundsWhileTheFastestTwoAreClose() {
        let own = BLASKernelChoice.libraryDefault
        // The disturbed pair measured on the AVX-512 Xeon (library's own: Prescott, far behind).
        #expect(!BLASKernelChoice.leadIsClear([own: 0.2056, "Haswell": 0.0768, "SkylakeX": 0.0794, "Zen": 0.0834], libraryCore: "Prescott"))
        // Its quiet probes: SkylakeX clearly ahead.
        #expect(BLASKernelChoice.leadIsClear([own: 0.1947, "Haswell": 0.0845, "SkylakeX": 0.0611, "Zen": 0.0846], libraryCore: "Prescott"))
        // The library's own timed twice is one family, not a close race with itself (constructed
        // times: the two probes of Zen 5 % apart, Haswell far behind).
        #expect(BLASKernelChoice.leadIsClear([own: 0.201, "Zen": 0.190, "Haswell": 0.260], libraryCore: "Zen"))
        #expect(!BLASKernelChoice.leadIsClear([own: 0.201, "Zen": 0.190, "Haswell": 0.260]))  // without the core: a close race
        #expect(!BLASKernelChoice.leadIsClear([own: 0.201, "Zen": 0.175, "Haswell": 0.160], libraryCore: "Zen"))
        #expect(BLASKernelChoice.leadIsClear([own: 0.1]))
        #expect(BLASKernelChoice.leadIsClear([:]))
    }

    @Test func keyIgnoresTheFamilyRunningNow() {
        let config = "/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3 OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY "
        let own = BLASKernelChoice.libraryBuild(config + "Prescott MAX_THREADS=64", runningCore: "Prescott")
        let chosen = BLASKernelChoice.libraryBuild(config + "SkylakeX MAX_THREADS=64", runningCore: "SkylakeX")
        #expect(own == chosen)
        #expect(own == "/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3 OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY MAX_THREADS=64")
        #expect(BLASKernelChoice.libraryBuild("OpenBLAS 0.3.26 Haswell", runningCore: "Haswell") != own)
        #expect(BLASKernelChoice.libraryBuild("netlib", runningCore: nil) == "netlib")
    }

    @Test func recordsAreKeptPerMachineAndLibrary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-blas-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try #require(BLASKernelChoice.cacheFile(environment: ["XDG_CACHE_HOME": dir.path, "HOME": "/nonexistent"]))
        #expect(file.path == dir.path + "/binhai/blas-kernel.json")
        #expect(BLASKernelChoice.cacheFile(environment: ["HOME": "/home/planner"])?.path == "/home/planner/.cache/binhai/blas-kernel.json")
        #expect(BLASKernelChoice.cacheFile(environment: [:]) == nil)
        let key = BLASKernelChoice.machineKey(cpuModel: "AMD EPYC", flags: ["avx2", "fma"], library: "libopenblas 0.3.21")
        #expect(key != BLASKernelChoice.machineKey(cpuModel: "AMD EPYC", flags: ["avx2", "fma"], library: "libopenblas 0.3.26"))
        #expect(key != BLASKernelChoice.machineKey(cpuModel: "AMD EPYC", flags: ["avx2"], library: "libopenblas 0.3.21"))
        let r = BLASKernelChoice.Record(
            machine: key, timings: ["default": 0.1, "Haswell": 0.07], chosen: "Haswell", libraryCore: "Zen", measuredAt: "2026-12-02T00:00:00Z")
        BLASKernelChoice.save(r, to: file)
        #expect(BLASKernelChoice.load(file, machine: key) == r)
        #expect(BLASKernelChoice.load(file, machine: "another machine") == nil)
    }

    @Test func probeTimesRealWork() {
        let s = BLASKernelProbe.seconds(repeats: 1)
        #expect(s.isFinite && s > 0 && s < 30)
        let m = BLASKernelProbe.matrix(4, seed: 3)
        #expect(m.elements.allSatisfy { $0 >= 0 && $0 < 5 })
        #expect(m[2, 2] >= 4)
    }
}

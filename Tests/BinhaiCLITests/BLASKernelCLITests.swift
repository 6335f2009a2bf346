import Foundation
import ProcessTestSupport
import Testing

/// The measured kernel choice end to end: the first run measures and remembers it per machine,
/// later runs read it; the user's OPENBLAS_CORETYPE and BINHAI_BLAS_AUTOTUNE=0 win.
@Suite struct BLASKernelCLITests {
    @Test func firstRunMeasuresLaterRunsRemember() throws {
        let cache = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        // The variables binhai must not see are unset through env -u (an empty one would count as set).
        let first = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["-u", "OPENBLAS_CORETYPE", "-u", "BINHAI_BLAS_AUTOTUNE", CLI.executable.path, "doctor"],
            environment: ["XDG_CACHE_HOME": cache.path])
        #expect(first.status == 0, "\(first.stderr)")
        let file = cache.appendingPathComponent("binhai/blas-kernel.json")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let timings = try #require(record["timings"] as? [String: Double])
        #expect(timings["default"] != nil && timings.count >= 2, "\(timings)")
        #expect(first.stdout.contains("BLAS kernels: measured"), "\(first.stdout)")
        let before = try Data(contentsOf: file)
        // Any other command reads the same record (the re-executed doctor and a plain start
        // compute the same key, whichever family each runs).
        let plain = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["-u", "OPENBLAS_CORETYPE", "-u", "BINHAI_BLAS_AUTOTUNE", CLI.executable.path, "--version"],
            environment: ["XDG_CACHE_HOME": cache.path])
        #expect(plain.status == 0)
        #expect(try Data(contentsOf: file) == before)
        let second = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["-u", "OPENBLAS_CORETYPE", "-u", "BINHAI_BLAS_AUTOTUNE", CLI.executable.path, "doctor"],
            environment: ["XDG_CACHE_HOME": cache.path])
        #expect(second.status == 0)
        #expect(try Data(contentsOf: file) == before)  // read, not measured again
        if let chosen = record["chosen"] as? String {
            #expect(second.stdout.contains("chosen \(chosen) (this process runs it)"), "\(second.stdout)")
            #expect(second.stdout.contains("OPENBLAS_CORETYPE=\(chosen)"))
        }
        let user = try ProcessRunner.run(CLI.executable, ["doctor"], environment: ["XDG_CACHE_HOME": cache.path, "OPENBLAS_CORETYPE": "Haswell"])
        #expect(user.stdout.contains("OPENBLAS_CORETYPE set by the user"), "\(user.stdout)")
        let off = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["-u", "OPENBLAS_CORETYPE", CLI.executable.path, "doctor"],
            environment: ["XDG_CACHE_HOME": cache.path, "BINHAI_BLAS_AUTOTUNE": "0"])
        #expect(off.stdout.contains("BINHAI_BLAS_AUTOTUNE=0"), "\(off.stdout)")
    }
}

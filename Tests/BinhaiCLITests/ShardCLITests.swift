import Foundation
import Testing

/// `--shard I/N` + `binhai merge`: the merged output is byte for byte the one-process output,
/// for a sweep with variants (split by cases), a sensitivity design (split by points) and a
/// baseline-only run (split by draws, quantiles included).
@Suite struct ShardCLITests {
    static func files(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    func shardsThenMerge(
        _ command: String, _ scenario: URL, shards: Int, args: [String], mergeArgs: [String], in dir: URL
    ) throws -> CLIResult {
        let parts = dir.appendingPathComponent("parts")
        try FileManager.default.createDirectory(at: parts, withIntermediateDirectories: true)
        // Shards in reverse order: the merge does not depend on the order they finished in.
        for i in (0..<shards).reversed() {
            let r = try CLI.run([command, scenario.path] + args + ["--shard", "\(i)/\(shards)", "--part", parts.appendingPathComponent("shard-\(i).part").path])
            #expect(r.status == 0, "shard \(i): \(r.stderr)")
        }
        return try CLI.run(["merge", parts.path] + mergeArgs)
    }

    @Test func sweepWithVariantsMergesByteForByte() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("s.yaml")
        try """
            id: sharded-sweep
            title: {zh: 分片, en: Sharded}
            plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
            engine: {draws: 400, seed: 5}
            variants:
              weak-fdi: {engine.sources.foreign.lead_rate: "x0.7"}
            sweep:
              engine.effort_scale: [0.9, 1.0, 1.1]
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let a = dir.appendingPathComponent("single"), b = dir.appendingPathComponent("merged")
        let single = try CLI.run(["run", scenario.path, "--lang", "en", "--format", "json", "--out", a.path])
        #expect(single.status == 0, "\(single.stderr)")
        let merged = try shardsThenMerge("run", scenario, shards: 3, args: [], mergeArgs: ["--lang", "en", "--format", "json", "--out", b.path], in: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout)
        let fa = try Self.files(a), fb = try Self.files(b)
        #expect(fa.keys.sorted() == fb.keys.sorted() && fa.count >= 9)
        for (name, data) in fa { #expect(fb[name] == data, "\(name) differs") }
        // Merging again gives the same (idempotent); a missing shard is refused, named.
        let again = try CLI.run(["merge", dir.appendingPathComponent("parts").path, "--lang", "en", "--format", "json"])
        #expect(again.stdout == single.stdout)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("parts/shard-1.part"))
        let missing = try CLI.run(["merge", dir.appendingPathComponent("parts").path])
        #expect(missing.status != 0 && missing.stderr.contains("shards 1 of 3 are missing"), "\(missing.stderr)")
    }

    @Test func sensitivityDesignMergesByteForByte() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("s.yaml")
        try """
            id: sharded-sensitivity
            title: t
            plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
            engine: {draws: 200, seed: 2}
            sensitivity:
              method: morris
              samples: 3
              draws: 200
              inputs:
                engine.effort_scale: {uniform: [0.8, 1.2]}
                engine.sources.foreign.lead_rate: {uniform: [0.6, 1.2]}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let single = try CLI.run(["sensitivity", scenario.path, "--format", "json"])
        #expect(single.status == 0, "\(single.stderr)")
        let merged = try shardsThenMerge("sensitivity", scenario, shards: 4, args: [], mergeArgs: ["--format", "json"], in: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout && !single.stdout.isEmpty)
    }

    @Test func baselineRunSplitByDrawsMergesByteForByte() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("s.yaml")
        try """
            id: sharded-draws
            title: t
            plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
            engine: {draws: 3000, seed: 8}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let a = dir.appendingPathComponent("single"), b = dir.appendingPathComponent("merged")
        let single = try CLI.run(["run", scenario.path, "--no-effort-search", "--out", a.path])
        #expect(single.status == 0, "\(single.stderr)")
        let merged = try shardsThenMerge(
            "run", scenario, shards: 3, args: ["--no-effort-search"], mergeArgs: ["--out", b.path], in: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout)
        let fa = try Self.files(a), fb = try Self.files(b)
        for (name, data) in fa { #expect(fb[name] == data, "\(name) differs") }
        // Without --no-effort-search a run split by draws is refused with the reason.
        let r = try CLI.run(["run", scenario.path, "--shard", "0/2", "--part", dir.appendingPathComponent("x.part").path])
        #expect(r.status != 0 && r.stderr.contains("--no-effort-search"), "\(r.stderr)")
    }

    @Test func partsOfDifferentJobsAreRefused() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("s.yaml")
        try "id: t\ntitle: t\nengine: {draws: 300, seed: 1}\n".write(to: scenario, atomically: true, encoding: .utf8)
        let p0 = dir.appendingPathComponent("a.part"), p1 = dir.appendingPathComponent("b.part")
        #expect(try CLI.run(["run", scenario.path, "--no-effort-search", "--shard", "0/2", "--part", p0.path]).status == 0)
        #expect(try CLI.run(["run", scenario.path, "--no-effort-search", "--seed", "2", "--shard", "1/2", "--part", p1.path]).status == 0)
        let r = try CLI.run(["merge", p0.path, p1.path])
        #expect(r.status != 0 && r.stderr.contains("belongs to another job"), "\(r.stderr)")
        try "not a part".write(to: p1, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["merge", p0.path, p1.path])
        #expect(bad.status != 0 && bad.stderr.contains("not a binhai partial result"), "\(bad.stderr)")
    }
}

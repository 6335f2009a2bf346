import Foundation
import ScenarioRuntime

/// Which shards of a job have written their partial results into a parts folder.
public struct ShardStatus: Sendable, Equatable {
    public struct Job: Sendable, Equatable {
        public let hash: String
        public let kind: String
        public let scenario: String
        public let shards: Int
        public let done: [Int]
        public var missing: [Int] { (0..<shards).filter { !done.contains($0) } }
    }

    public let jobs: [Job]
    /// Files that are not readable partial results, with why.
    public let unreadable: [String]

    public static func scan(_ folder: URL) throws -> ShardStatus {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".part") }.sorted()
        var groups: [String: (kind: String, scenario: String, shards: Int, done: Set<Int>)] = [:]
        var order: [String] = []
        var bad: [String] = []
        for n in names {
            do {
                let f = try PartialFile.read(folder.appendingPathComponent(n), displayName: n)
                if groups[f.jobHash] == nil {
                    order.append(f.jobHash)
                    groups[f.jobHash] = (f.job.kind, f.job.scenarioFile, f.shard.count, [])
                }
                groups[f.jobHash]!.done.insert(f.shard.index)
            } catch {
                bad.append("\(error)")
            }
        }
        return ShardStatus(
            jobs: order.map { h in
                let g = groups[h]!
                return Job(hash: h, kind: g.kind, scenario: g.scenario, shards: g.shards, done: g.done.sorted())
            },
            unreadable: bad)
    }

    /// One paragraph per job: done and missing shards, and how to re-run the missing ones.
    public func report() -> String {
        var lines: [String] = []
        if jobs.isEmpty { lines.append("no partial results (*.part) in this folder") }
        for j in jobs {
            lines.append("\(j.kind) \(j.scenario) (job \(j.hash)): \(j.done.count) of \(j.shards) shards done")
            if j.missing.isEmpty {
                lines.append("  complete: binhai merge can combine them")
            } else {
                lines.append("  missing: \(j.missing.map(String.init).joined(separator: ", "))")
                lines.append("  re-run them alone, e.g. sbatch --array=\(j.missing.map(String.init).joined(separator: ",")) array.sbatch")
            }
        }
        for b in unreadable { lines.append("unreadable: \(b)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

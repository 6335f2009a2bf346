import Foundation
import ScenarioFiles

/// A job file for `binhai cluster slurm|kubernetes JOB.yaml --shards N`: which command to shard,
/// its scenario and arguments, where the shards write their parts and where the merge writes.
///
/// ```yaml
/// job: sensitivity                 # run | sensitivity
/// scenario: ../scenarios/sensitivity-doubling.yaml   # relative to this file
/// args: []                         # more arguments for every shard (e.g. [--no-effort-search])
/// parts: parts                     # folder of the partial results (shared by all nodes)
/// out: merged.json                 # a run: an output folder; sensitivity: an output file
/// merge_args: [--format, json]     # arguments of `binhai merge`
/// binhai: /usr/local/bin/binhai    # optional: the binhai on the nodes (default: this one)
/// slurm: {partition: debug, time: "01:00:00", cpus_per_task: 1, mem: 2G}
/// kubernetes: {image: binhai:0.1.0, volume_claim: binhai-shared, mount: /data, parallelism: 8}
/// ```
public struct ClusterJob: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case run, sensitivity }

    public var name: String
    public var kind: Kind
    /// Absolute paths (relative ones resolved against the job file's folder).
    public var scenario: String
    public var parts: String
    public var out: String
    public var args: [String]
    public var mergeArgs: [String]
    public var binhai: String
    public var slurm: [String: String]
    public var kubernetes: [String: String]

    public static let slurmKeys = ["partition", "time", "cpus_per_task", "mem", "account", "qos"]
    public static let kubernetesKeys = ["image", "volume_claim", "mount", "parallelism", "namespace", "cpu", "memory"]

    /// - Parameter binhai: the default `binhai` path (this executable).
    public static func read(_ url: URL, displayName: String, binhai: String) throws -> ClusterJob {
        let root = try YAMLValue.load(url, displayName: displayName)
        let m = try root.mapping(allowedKeys: ["name", "job", "scenario", "args", "parts", "out", "merge_args", "binhai", "slurm", "kubernetes"])
        let kv = try m.required("job")
        guard let kind = Kind(rawValue: try kv.string()) else {
            throw kv.error("expected run or sensitivity, got \(kv.shortDescription)")
        }
        let folder = url.deletingLastPathComponent()
        func path(_ key: String) throws -> String {
            let v = try m.required(key)
            let text = try v.string()
            if text.isEmpty { throw v.error("expected a path") }
            let expanded = (text as NSString).expandingTildeInPath
            return expanded.hasPrefix("/") ? expanded : folder.appendingPathComponent(expanded).standardizedFileURL.path
        }
        func strings(_ key: String) throws -> [String] { try m.optional(key)?.sequence().map { try $0.scalarText(expected: "a text value") } ?? [] }
        func table(_ key: String, _ allowed: [String]) throws -> [String: String] {
            guard let v = m.optional(key) else { return [:] }
            var out: [String: String] = [:]
            for e in try v.mapping(allowedKeys: allowed).entries {
                let text = try e.value.scalarText(expected: "a value")
                if text.contains("\n") { throw e.value.error("expected one line") }
                out[e.key] = text
            }
            return out
        }
        let scenario = try path("scenario")
        let name = try m.optional("name")?.string() ?? URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw (m.optional("name") ?? root).error("a job name of letters, digits, - _ . (it names the cluster jobs), got \"\(name)\"")
        }
        var k8s = try table("kubernetes", kubernetesKeys)
        if let p = k8s["parallelism"], Int(p) == nil || Int(p)! < 1 {
            throw try m.required("kubernetes").error("kubernetes.parallelism: expected a whole number ≥ 1, got \(p)")
        }
        k8s["name"] = name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-")
        return ClusterJob(
            name: name, kind: kind, scenario: scenario, parts: try path("parts"), out: try path("out"), args: try strings("args"),
            mergeArgs: try strings("merge_args"), binhai: try m.optional("binhai")?.string() ?? binhai,
            slurm: try table("slurm", slurmKeys), kubernetes: k8s)
    }

    /// The command of shard `index` (a shell expression, e.g. "${SLURM_ARRAY_TASK_ID}") of `count`.
    func shardCommand(index: String, count: Int) -> String {
        ([binhai, kind.rawValue, scenario] + args).map(Shell.quote).joined(separator: " ")
            + " --shard \"\(index)/\(count)\" --part " + Shell.quote(parts + "/") + "\"shard-\(index).part\""
    }

    /// The merge command.
    var mergeCommand: String {
        ([binhai, "merge", parts] + mergeArgs + ["--out", out]).map(Shell.quote).joined(separator: " ")
    }
}

/// POSIX shell quoting.
enum Shell {
    /// 'text' with every ' written as '\''; plain words stay as they are.
    static func quote(_ s: String) -> String {
        if !s.isEmpty && s.allSatisfy({ $0.isLetter || $0.isNumber || "/._-=:,+@%".contains($0) }) && s.unicodeScalars.allSatisfy(\.isASCII) {
            return s
        }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

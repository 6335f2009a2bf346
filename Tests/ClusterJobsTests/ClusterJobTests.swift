import Foundation
import Testing
import Yams
@testable import ClusterJobs

@Suite struct ClusterJobTests {
    func folder() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    func job(_ text: String, in dir: URL) throws -> ClusterJob {
        let url = dir.appendingPathComponent("job.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try ClusterJob.read(url, displayName: "job.yaml", binhai: "/opt/binhai/bin/binhai")
    }

    let text = """
        job: sensitivity
        scenario: scenarios/s.yaml
        parts: out/parts
        out: out/merged.json
        merge_args: [--format, json]
        slurm: {partition: debug, time: "00:30:00", cpus_per_task: 2}
        kubernetes: {image: "registry.local/binhai:0.1", volume_claim: shared, mount: /data, parallelism: 3}
        """

    @Test func pathsResolveAgainstTheJobFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let j = try job(text, in: dir)
        #expect(j.kind == .sensitivity && j.name == "s")
        #expect(j.scenario == dir.appendingPathComponent("scenarios/s.yaml").standardizedFileURL.path)
        #expect(j.parts.hasSuffix("/out/parts") && j.binhai == "/opt/binhai/bin/binhai")
    }

    @Test func slurmScriptsShardAndMergeAfterOK() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = SlurmScripts(job: try job(text, in: dir), shards: 4)
        #expect(s.array.hasPrefix("#!/bin/bash\n"))
        #expect(s.array.contains("#SBATCH --array=0-3\n") && s.array.contains("#SBATCH --partition=debug\n"))
        #expect(s.array.contains("#SBATCH --cpus-per-task=2\n") && s.array.contains("#SBATCH --time=00:30:00\n"))
        #expect(s.array.contains("/opt/binhai/bin/binhai sensitivity ") && s.array.contains("--shard \"${SLURM_ARRAY_TASK_ID}/4\""))
        #expect(s.array.contains("shard-${SLURM_ARRAY_TASK_ID}.part"))
        #expect(s.merge.contains("/opt/binhai/bin/binhai merge ") && s.merge.contains("--format json --out "))
        #expect(s.submit.contains("--dependency=afterok:${array} merge.sbatch"))
    }

    /// The Kubernetes manifests parse as YAML and have what an Indexed Job needs.
    @Test func kubernetesManifestsAreIndexedJobs() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let m = KubernetesManifests(job: try job(text, in: dir), shards: 5)
        let shards = try #require(try Yams.load(yaml: m.shards) as? [String: Any])
        #expect(shards["apiVersion"] as? String == "batch/v1" && shards["kind"] as? String == "Job")
        let spec = try #require(shards["spec"] as? [String: Any])
        #expect(spec["completionMode"] as? String == "Indexed" && spec["completions"] as? Int == 5 && spec["parallelism"] as? Int == 3)
        let pod = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
        #expect(pod["restartPolicy"] as? String == "Never")
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        #expect(container["image"] as? String == "registry.local/binhai:0.1")
        let args = try #require(container["args"] as? [String])
        #expect(args.count == 1 && args[0].contains("--shard \"${JOB_COMPLETION_INDEX}/5\""))
        let volume = try #require((pod["volumes"] as? [[String: Any]])?.first)
        #expect((volume["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String == "shared")
        let merge = try #require(try Yams.load(yaml: m.merge) as? [String: Any])
        let mergePod = ((merge["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any]
        let mergeArgs = (mergePod?["containers"] as? [[String: Any]])?.first?["args"] as? [String]
        #expect(mergeArgs?.first?.contains("binhai merge ") == true)
    }

    @Test func badJobFilesAreLocated() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (bad, key) in [("job: sweep\nscenario: s.yaml\nparts: p\nout: o\n", "job"),
                           ("job: run\nscenario: s.yaml\nparts: p\nout: o\nslurm: {nodes: 3}\n", "nodes"),
                           ("job: run\nscenario: s.yaml\nparts: p\n", "out"),
                           ("job: run\nname: \"a b\"\nscenario: s.yaml\nparts: p\nout: o\n", "job name")] {
            do {
                _ = try job(bad, in: dir)
                Issue.record("accepted: \(bad)")
            } catch {
                #expect("\(error)".contains("job.yaml:") && "\(error)".contains(key), "\(error)")
            }
        }
    }

    @Test func shellQuoting() {
        #expect(Shell.quote("/a/b.yaml") == "/a/b.yaml")
        #expect(Shell.quote("it's") == "'it'\\''s'")
        #expect(Shell.quote("a b") == "'a b'")
        #expect(Shell.quote("$HOME") == "'$HOME'")
    }
}

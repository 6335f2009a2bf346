/// The Kubernetes side of a sharded job: an Indexed Job (`completionMode: Indexed`, the shard from
/// `JOB_COMPLETION_INDEX`, parts on a shared volume) and a merge Job to apply once it completes.
/// Paths in the job file are paths inside the container (under `kubernetes.mount`).
public struct KubernetesManifests: Sendable, Equatable {
    public let shards: String
    public let merge: String

    public init(job: ClusterJob, shards count: Int) {
        let k = job.kubernetes
        let name = k["name"] ?? job.name
        let image = k["image"] ?? "binhai:latest"
        let claim = k["volume_claim"] ?? "binhai-shared"
        let mount = k["mount"] ?? "/data"
        let parallelism = min(Int(k["parallelism"] ?? "") ?? count, count)
        let namespace = k["namespace"].map { "\n  namespace: \(yaml($0))" } ?? ""
        // The pod spec under spec.template.spec (six spaces in).
        func container(_ role: String, _ command: String) -> String {
            var lines = [
                "containers:", "  - name: \(role)", "    image: \(yaml(image))", "    command: [\"/bin/sh\", \"-c\"]", "    args:",
                "      - \(yaml(command))",
            ]
            if k["cpu"] != nil || k["memory"] != nil {
                lines += ["    resources:", "      requests:"]
                if let c = k["cpu"] { lines.append("        cpu: \(yaml(c))") }
                if let m = k["memory"] { lines.append("        memory: \(yaml(m))") }
            }
            lines += [
                "    volumeMounts:", "      - {name: shared, mountPath: \(yaml(mount))}", "volumes:", "  - name: shared",
                "    persistentVolumeClaim: {claimName: \(yaml(claim))}",
            ]
            return lines.map { "      " + $0 }.joined(separator: "\n")
        }
        shards = """
            # Shards of \(job.name): kubectl apply -f shards.yaml; kubectl wait --for=condition=complete job/\(name) --timeout=24h;
            # then kubectl apply -f merge.yaml. Each pod runs shard $JOB_COMPLETION_INDEX of \(count).
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: \(name)\(namespace)
            spec:
              completionMode: Indexed
              completions: \(count)
              parallelism: \(parallelism)
              backoffLimit: \(max(6, count))
              template:
                spec:
                  restartPolicy: Never
            \(container("shard", "mkdir -p \(Shell.quote(job.parts)) && exec " + job.shardCommand(index: "${JOB_COMPLETION_INDEX}", count: count)))

            """
        merge = """
            # Merge of \(job.name): apply after job/\(name) has completed.
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: \(name)-merge\(namespace)
            spec:
              completions: 1
              backoffLimit: 2
              template:
                spec:
                  restartPolicy: Never
            \(container("merge", "exec " + job.mergeCommand))

            """
    }
}

/// A YAML scalar in double quotes (escapes \\ and ").
func yaml(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

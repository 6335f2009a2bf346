/// The Slurm side of a sharded job: a job array of N shard tasks (`#SBATCH --array=0-(N−1)`, each
/// `binhai … --shard $SLURM_ARRAY_TASK_ID/N`), a merge job that runs after all of them succeed
/// (`--dependency=afterok`), and a submit script that chains the two.
public struct SlurmScripts: Sendable, Equatable {
    public let array: String
    public let merge: String
    public let submit: String

    public init(job: ClusterJob, shards: Int) {
        var head = ["#!/bin/bash", "#SBATCH --job-name=\(job.name)", "#SBATCH --array=0-\(shards - 1)",
                    "#SBATCH --output=\(job.parts)/slurm-%A_%a.out"]
        for key in ClusterJob.slurmKeys {
            guard let v = job.slurm[key] else { continue }
            head.append("#SBATCH --\(key.replacingOccurrences(of: "_", with: "-"))=\(v)")
        }
        array = (head + [
            "# Shard ${SLURM_ARRAY_TASK_ID} of \(shards): writes its partial result into the parts folder.",
            "# Re-run failed shards alone: sbatch --array=3,7 array.sbatch (binhai cluster status lists them).",
            "set -euo pipefail",
            "mkdir -p \(Shell.quote(job.parts))",
            "exec " + job.shardCommand(index: "${SLURM_ARRAY_TASK_ID}", count: shards),
        ]).joined(separator: "\n") + "\n"
        var mergeHead = ["#!/bin/bash", "#SBATCH --job-name=\(job.name)-merge", "#SBATCH --output=\(job.parts)/slurm-merge-%j.out"]
        for key in ["partition", "time", "account", "qos"] {
            if let v = job.slurm[key] { mergeHead.append("#SBATCH --\(key)=\(v)") }
        }
        merge = (mergeHead + [
            "# Combines every shard's part; refuses missing or mixed parts, and may be run again.",
            "set -euo pipefail",
            "exec " + job.mergeCommand,
        ]).joined(separator: "\n") + "\n"
        submit = """
            #!/bin/bash
            # Submits the shard array, then the merge once every shard has succeeded.
            # SBATCH_WAIT=1 waits for the merge to finish (exit status: the merge's).
            set -euo pipefail
            cd "$(dirname "$0")"
            array=$(sbatch --parsable array.sbatch)
            array=${array%%;*}
            echo "submitted shard array ${array} (\(shards) tasks)"
            if [ "${SBATCH_WAIT:-0}" = 1 ]; then
              sbatch --parsable --wait --dependency=afterok:${array} merge.sbatch
            else
              merge=$(sbatch --parsable --dependency=afterok:${array} merge.sbatch)
              echo "submitted merge ${merge} (after ${array} succeeds)"
            fi

            """
    }
}

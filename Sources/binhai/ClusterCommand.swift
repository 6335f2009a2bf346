import ArgumentParser
import ClusterJobs
import Foundation
import ScenarioFiles

/// `binhai cluster slurm|kubernetes JOB.yaml --shards N`, `binhai cluster status DIR`.
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Run a sweep, sensitivity design or large run as shards on a scheduler (Slurm, Kubernetes) and check which shards are done.",
        subcommands: [SlurmCommand.self, KubernetesCommand.self, StatusCommand.self])

    /// This executable's absolute path (the default `binhai` of a job).
    static var executablePath: String {
        let arg = CommandLine.arguments.first ?? "binhai"
        if arg.contains("/") { return URL(fileURLWithPath: arg).standardizedFileURL.path }
        return arg
    }

    static func write(_ files: [(String, String, Bool)], into folder: String) throws {
        let dir = URLPath.fileURL(folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text, executable) in files {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url, options: .atomic)
            if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
        }
        FileHandle.standardError.write(Data("wrote \(files.map { dir.appendingPathComponent($0.0).path }.joined(separator: ", "))\n".utf8))
    }

    struct JobOptions: ParsableArguments {
        @Argument(help: "Job file (YAML): job (run | sensitivity), scenario, args, parts, out, merge_args; see docs/CLUSTER.md.")
        var job: String

        @Option(name: .long, help: "Number of shards.")
        var shards: Int

        @Option(name: .long, help: "Folder for the generated files (default: next to the job file).")
        var dir: String?

        func validate() throws {
            if shards < 1 || shards > 100_000 { throw ValidationError("--shards must be between 1 and 100000, got \(shards)") }
        }

        func read() throws -> (ClusterJob, String) {
            let url = URLPath.fileURL(job)
            let j = try ClusterJob.read(url, displayName: job, binhai: ClusterCommand.executablePath)
            return (j, dir ?? url.deletingLastPathComponent().path)
        }
    }

    struct SlurmCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "slurm",
            abstract: "Write a Slurm job array of the shards (array.sbatch), a merge job run after they all succeed (merge.sbatch) and submit.sh.")
        @OptionGroup var options: JobOptions

        func run() throws {
            let (job, dir) = try options.read()
            // Slurm opens each task's output file in the parts folder before the task starts.
            try FileManager.default.createDirectory(atPath: job.parts, withIntermediateDirectories: true)
            let s = SlurmScripts(job: job, shards: options.shards)
            try ClusterCommand.write([("array.sbatch", s.array, true), ("merge.sbatch", s.merge, true), ("submit.sh", s.submit, true)], into: dir)
        }
    }

    struct KubernetesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kubernetes",
            abstract: "Write a Kubernetes Indexed Job of the shards (shards.yaml) and the merge Job (merge.yaml).")
        @OptionGroup var options: JobOptions

        func run() throws {
            let (job, dir) = try options.read()
            let m = KubernetesManifests(job: job, shards: options.shards)
            try ClusterCommand.write([("shards.yaml", m.shards, false), ("merge.yaml", m.merge, false)], into: dir)
        }
    }

    struct StatusCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Which shards have written their partial results into a parts folder, and which are missing.")

        @Argument(help: "The parts folder.")
        var parts: String

        func run() throws {
            let status = try ShardStatus.scan(URLPath.fileURL(parts))
            FileHandle.standardOutput.write(Data(status.report().utf8))
            if status.jobs.contains(where: { !$0.missing.isEmpty }) || status.jobs.isEmpty { throw ExitCode(3) }
        }
    }
}

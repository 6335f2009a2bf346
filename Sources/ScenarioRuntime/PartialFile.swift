import ForecastEngine
import Foundation

/// The job a partial result belongs to: enough to read the scenario again exactly as the shard did.
public struct ShardedJob: Sendable, Equatable, Codable {
    /// `run` or `sensitivity`.
    public var kind: String
    /// The scenario file as the user named it, its text, and the folder relative paths start from.
    public var scenarioFile: String
    public var scenarioText: String
    public var baseFolder: String?
    /// `--set` values and `--draws`/`--seed` as overrides, in order.
    public var overrides: [String]
    /// Whether the run searches the effort (runs only).
    public var effortSearch: Bool
    /// Plugins loaded (paths as given).
    public var plugins: [String]

    public init(kind: String, scenarioFile: String, scenarioText: String, baseFolder: String?, overrides: [String], effortSearch: Bool, plugins: [String]) {
        self.kind = kind
        self.scenarioFile = scenarioFile
        self.scenarioText = scenarioText
        self.baseFolder = baseFolder
        self.overrides = overrides
        self.effortSearch = effortSearch
        self.plugins = plugins
    }

    /// FNV-1a (64 bit) of everything above and the toolkit version, in hex: equal for the shards
    /// of one job, different for another scenario, option or version.
    public func hash(toolkit: String) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        let fields = [kind, scenarioFile, scenarioText, baseFolder ?? "", effortSearch ? "1" : "0", toolkit]
            + overrides + ["plugins"] + plugins
        for field in fields {
            for b in field.utf8 + [0] {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
        }
        return String(h, radix: 16)
    }
}

/// One shard's partial result on disk (`binhai run|sensitivity --shard I/N --part FILE`): a
/// self-describing JSON file (format, toolkit version, job and its hash, shard) holding the
/// shard's cases, draws or design points. `binhai merge` combines all shards of a job into exactly
/// the output of the job run in one process.
public struct PartialFile: Sendable, Equatable, Codable {
    public static let formatName = "binhai-partial"
    public static let formatVersion = 1

    public var format: String
    public var version: Int
    public var toolkit: String
    public var jobHash: String
    public var job: ShardedJob
    public var shard: Shard
    /// A run's part, or a sensitivity design's: the first point and each point's outputs.
    public var run: RunPart?
    public var sensitivityFirstPoint: Int?
    public var sensitivityOutputs: [PackedDoubles]?

    public init(toolkit: String, job: ShardedJob, shard: Shard, run: RunPart? = nil, sensitivity: (first: Int, outputs: [[Double]])? = nil) {
        format = Self.formatName
        version = Self.formatVersion
        self.toolkit = toolkit
        self.jobHash = job.hash(toolkit: toolkit)
        self.job = job
        self.shard = shard
        self.run = run
        sensitivityFirstPoint = sensitivity?.first
        sensitivityOutputs = sensitivity?.outputs.map(PackedDoubles.init)
    }

    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try e.encode(self)
    }

    /// Reads a partial result; a file that is not one is an error naming it.
    public static func read(_ url: URL, displayName: String) throws -> PartialFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ShardError("\(displayName): cannot read the file (missing or not readable)")
        }
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        struct Header: Decodable { var format: String?; var version: Int? }
        guard let header = try? d.decode(Header.self, from: data), header.format == formatName else {
            throw ShardError("\(displayName): not a binhai partial result (expected a file written by --shard I/N --part FILE)")
        }
        guard header.version == formatVersion else {
            throw ShardError("\(displayName): partial-result format version \(header.version ?? 0), this binhai reads version \(formatVersion)")
        }
        do {
            return try d.decode(PartialFile.self, from: data)
        } catch {
            throw ShardError("\(displayName): damaged partial result (\(error))")
        }
    }

    /// Checks that `parts` are all the shards of one job, each once: the same job hash, toolkit and
    /// shard count, no shard twice, none missing (listed by number).
    public static func checkComplete(_ parts: [(name: String, file: PartialFile)]) throws {
        guard let first = parts.first else { throw ShardError("no partial results given") }
        for p in parts.dropFirst() {
            if p.file.jobHash != first.file.jobHash || p.file.job.kind != first.file.job.kind {
                throw ShardError("\(p.name) belongs to another job than \(first.name) (scenario, options or binhai version differ)")
            }
            if p.file.shard.count != first.file.shard.count {
                throw ShardError("\(p.name) is shard \(p.file.shard) but \(first.name) is shard \(first.file.shard): the shard counts differ")
            }
        }
        var seen: [Int: String] = [:]
        for p in parts {
            if let other = seen[p.file.shard.index] {
                throw ShardError("shard \(p.file.shard) is given twice: \(other) and \(p.name)")
            }
            seen[p.file.shard.index] = p.name
        }
        let n = first.file.shard.count
        let missing = (0..<n).filter { seen[$0] == nil }
        if !missing.isEmpty {
            throw ShardError("shards \(missing.map(String.init).joined(separator: ", ")) of \(n) are missing (have \(seen.keys.sorted().map(String.init).joined(separator: ", ")))")
        }
    }
}

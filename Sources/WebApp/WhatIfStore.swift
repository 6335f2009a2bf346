import Foundation
import GRDB

/// A what-if a planner kept: the scenario text (what `binhai run` reproduces), who kept it and
/// when, the shipped scenario it started from and its headline numbers.
public struct SavedWhatIf: Sendable, Codable, Equatable {
    public var id: Int64?
    public var name: String
    public var author: String
    /// When it was saved, ISO 8601 in UTC.
    public var createdAt: String
    /// The shipped scenario it was made from (its id), if any: the page's "baseline".
    public var baseScenario: String?
    /// The scenario YAML.
    public var yaml: String
    /// The headline of its run, as JSON (`Headline`).
    public var headlineJSON: String

    public init(
        id: Int64?, name: String, author: String, createdAt: String, baseScenario: String?, yaml: String, headlineJSON: String
    ) {
        self.id = id
        self.name = name
        self.author = author
        self.createdAt = createdAt
        self.baseScenario = baseScenario
        self.yaml = yaml
        self.headlineJSON = headlineJSON
    }

    /// The decoded headline.
    public var headline: Headline? { try? JSONDecoder().decode(Headline.self, from: Data(headlineJSON.utf8)) }
}

extension SavedWhatIf: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "whatif"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The saved what-ifs, in SQLite through GRDB: a `DatabasePool` in WAL mode on a file (several
/// browser tabs may save at once: writes are serialised by the pool, reads run beside them), or
/// an in-memory queue when the server was started without `--db`.
public final class WhatIfStore: Sendable {
    private let writer: any DatabaseWriter

    /// Opens (or creates) the store at `path`; nil keeps it in memory.
    /// - Throws: a message naming the file when it is not a BinhaiSim store or cannot be opened.
    public init(path: String?) throws {
        if let path {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            writer = try DatabasePool(path: path, configuration: configuration)
        } else {
            writer = try DatabaseQueue()
        }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "whatif") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("author", .text).notNull()
                t.column("createdAt", .text).notNull()
                t.column("baseScenario", .text)
                t.column("yaml", .text).notNull()
                t.column("headlineJSON", .text).notNull()
            }
        }
        try migrator.migrate(writer)
    }

    /// The journal mode SQLite reports ("wal" for a file store).
    public func journalMode() throws -> String {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Saves `whatIf` and returns it with its new id.
    public func save(_ whatIf: SavedWhatIf) async throws -> SavedWhatIf {
        try await writer.write { db in
            var w = whatIf
            try w.insert(db)
            return w
        }
    }

    /// Every saved what-if, newest first.
    public func list() async throws -> [SavedWhatIf] {
        try await writer.read { db in try SavedWhatIf.order(Column("id").desc).fetchAll(db) }
    }

    /// The what-if with `id`, if any.
    public func find(_ id: Int64) async throws -> SavedWhatIf? {
        try await writer.read { db in try SavedWhatIf.fetchOne(db, key: id) }
    }
}

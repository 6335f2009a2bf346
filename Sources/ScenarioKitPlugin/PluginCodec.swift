import Foundation
import ScenarioKit

/// The JSON that crosses the plugin boundary (ABI version 1), one shape per ScenarioKit value.
/// Both sides compile this file (the host through `PluginHost`, a plugin through
/// `ScenarioKitPlugin`), so encode and decode always agree.
///
/// - descriptor: the shape of `binhai modules describe ID --format json`;
/// - parameters: `{"name": value, …}` (plain JSON values, typed back with the descriptor);
/// - context: plan years, catalogues, folders as paths;
/// - engine inputs: weights, effort by year (`{"2021": 1.1}`), major projects;
/// - engine outputs: scalars plus each draw table as `{"offset", "years", "draws"}` into one raw
///   `Double` buffer passed beside the JSON (year-major, as `DrawTable.values`);
/// - result set: tables with typed cells (`{"type": "quantiles", "value": {…}}`);
/// - errors: `{"module", "kind", "key_path", "message", "is_about_key"}`.
///
/// Non-finite numbers travel as the strings `"nan"`, `"inf"`, `"-inf"`.
public enum PluginCodec {
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String, what: String) throws -> T {
        do {
            return try decoder().decode(type, from: Data(json.utf8))
        } catch {
            throw PluginCodecError(message: "cannot read the \(what) JSON: \(Self.describe(error))")
        }
    }

    /// A decoding error in a sentence: what was wrong and at which key path.
    static func describe(_ error: any Error) -> String {
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "" : " at \(p.hasPrefix(".") ? String(p.dropFirst()) : p)"
        }
        switch error {
        case let DecodingError.keyNotFound(key, c): return "missing key \"\(key.stringValue)\"\(path(c))"
        case let DecodingError.typeMismatch(_, c): return "\(c.debugDescription)\(path(c))"
        case let DecodingError.valueNotFound(_, c): return "\(c.debugDescription)\(path(c))"
        case let DecodingError.dataCorrupted(c): return "\(c.debugDescription)\(path(c))"
        default: return "\(error)"
        }
    }

    // MARK: Descriptor

    public static func descriptorJSON(_ d: ModuleDescriptor) throws -> String { try encode(d) }

    public static func descriptor(json: String) throws -> ModuleDescriptor {
        try decode(ModuleDescriptor.self, json, what: "descriptor")
    }

    // MARK: Parameters

    public static func parametersJSON(_ p: ModuleParameters) throws -> String { try encode(p.values) }

    /// Parameters typed with `descriptor` (a JSON `2` is a number for a number parameter).
    public static func parameters(json: String, descriptor: ModuleDescriptor) throws -> ModuleParameters {
        let raw = try decode([String: ParameterValue].self, json, what: "parameters")
        var values: [String: ParameterValue] = [:]
        for (name, value) in raw {
            guard let spec = descriptor.parameters.first(where: { $0.name == name }) else {
                throw PluginCodecError(message: "unknown parameter \"\(name)\" of module \(descriptor.id)")
            }
            guard let typed = value.coerced(to: spec.type) else {
                throw PluginCodecError(message: "parameter \(name) is not of type \(spec.type.rawValue)")
            }
            values[name] = typed
        }
        return ModuleParameters(values: values)
    }

    // MARK: Context

    public static func contextJSON(_ c: ModuleContext) throws -> String { try encode(WireContext(c)) }

    public static func context(json: String) throws -> ModuleContext {
        try decode(WireContext.self, json, what: "context").context
    }

    // MARK: Engine inputs

    public static func inputsJSON(_ i: EngineInputs) throws -> String { try encode(WireInputs(i)) }

    public static func inputs(json: String) throws -> EngineInputs {
        try decode(WireInputs.self, json, what: "engine inputs").inputs()
    }

    // MARK: Engine outputs

    /// The outputs as JSON plus the raw buffer of every draw table (total, then industries,
    /// sources and carriers sorted by id). `plan` and `by_carrier` are optional keys of ABI v1:
    /// a host that omits them gives the plugin no carrier split and a plan rebuilt from the totals.
    public static func outputsPayload(_ o: EngineOutputs) throws -> (json: String, values: [Double]) {
        var values: [Double] = []
        values.reserveCapacity(o.investmentInPlace.values.count * (1 + o.byIndustry.count + o.bySource.count))
        func put(_ t: DrawTable) -> WireDrawTable {
            defer { values += t.values }
            return WireDrawTable(offset: values.count, years: t.years, draws: t.draws)
        }
        let wire = WireOutputs(
            years: o.years, draws: o.draws, baseYearTotal: o.baseYearTotal, targetAmount: o.targetAmount,
            investmentInPlace: put(o.investmentInPlace),
            byIndustry: o.byIndustry.sorted { $0.key < $1.key }.map { WireNamedTable(id: $0.key, table: put($0.value)) },
            bySource: o.bySource.sorted { $0.key < $1.key }.map { WireNamedTable(id: $0.key, table: put($0.value)) },
            byCarrier: o.byCarrier.sorted { $0.key < $1.key }.map { WireNamedTable(id: $0.key, table: put($0.value)) },
            plan: WirePlan(o.plan))
        return (try encode(wire), values)
    }

    /// The outputs from their JSON and raw buffer.
    /// - Throws: `PluginCodecError` when a table lies outside the buffer.
    public static func outputs(json: String, values: UnsafeBufferPointer<Double>) throws -> EngineOutputs {
        let w = try decode(WireOutputs.self, json, what: "engine outputs")
        func table(_ t: WireDrawTable, _ name: String) throws -> DrawTable {
            let n = t.years.multipliedReportingOverflow(by: t.draws)
            guard t.years >= 0, t.draws >= 0, t.offset >= 0, !n.overflow, t.offset <= values.count,
                n.partialValue <= values.count - t.offset
            else {
                throw PluginCodecError(
                    message: "draw table \(name) (offset \(t.offset), \(t.years) years × \(t.draws) draws) lies outside the buffer of \(values.count) values")
            }
            return DrawTable(years: t.years, draws: t.draws, values: Array(values[t.offset..<(t.offset + n.partialValue)]))
        }
        var byIndustry: [String: DrawTable] = [:]
        for t in w.byIndustry { byIndustry[t.id] = try table(t.table, "by_industry.\(t.id)") }
        var bySource: [String: DrawTable] = [:]
        for t in w.bySource { bySource[t.id] = try table(t.table, "by_source.\(t.id)") }
        var byCarrier: [String: DrawTable] = [:]
        for t in w.byCarrier ?? [] { byCarrier[t.id] = try table(t.table, "by_carrier.\(t.id)") }
        let total = try table(w.investmentInPlace, "investment_in_place")
        if let plan = w.plan {
            return EngineOutputs(
                years: w.years, draws: w.draws, plan: plan.path, investmentInPlace: total, byIndustry: byIndustry,
                byCarrier: byCarrier, bySource: bySource)
        }
        return EngineOutputs(
            years: w.years, draws: w.draws, baseYearTotal: w.baseYearTotal, targetAmount: w.targetAmount,
            investmentInPlace: total, byIndustry: byIndustry, bySource: bySource, byCarrier: byCarrier)
    }

    // MARK: Result set

    public static func resultSetJSON(_ r: ResultSet) throws -> String { try encode(r.tables.map(WireTable.init)) }

    public static func resultSet(json: String) throws -> ResultSet {
        ResultSet(tables: try decode([WireTable].self, json, what: "result set").map(\.table))
    }

    // MARK: Errors

    /// The JSON of an error a module (or the glue) raised.
    public static func errorJSON(_ error: any Error, module: String) -> String {
        let w: WireError
        switch error {
        case let e as ModuleError:
            w = WireError(module: e.module, kind: "module", keyPath: e.keyPath, message: e.message, isAboutKey: e.isAboutKey)
        case let e as ParameterError:
            w = WireError(module: module, kind: "parameter", keyPath: e.keyPath, message: e.message, isAboutKey: e.isAboutKey)
        case let e as PluginCodecError:
            w = WireError(module: module, kind: "other", keyPath: nil, message: e.message, isAboutKey: false)
        default:
            w = WireError(module: module, kind: "other", keyPath: nil, message: "\(error)", isAboutKey: false)
        }
        return (try? encode(w)) ?? #"{"kind":"other","message":"unencodable error","module":""}"#
    }

    /// The error an error JSON stands for: a `ModuleError` or a `ParameterError` with its key path.
    public static func error(json: String, module: String) -> any Error {
        guard let w = try? decode(WireError.self, json, what: "error") else {
            return ModuleError(module: module, message: "failed with an unreadable error: \(json)")
        }
        switch w.kind {
        case "parameter":
            return ParameterError(keyPath: w.keyPath ?? "", message: w.message, isAboutKey: w.isAboutKey ?? false)
        default:
            return ModuleError(module: w.module ?? module, keyPath: w.keyPath, message: w.message, isAboutKey: w.isAboutKey ?? false)
        }
    }
}

/// JSON that does not have the expected shape.
public struct PluginCodecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

// MARK: Wire shapes

struct WireEntry: Codable {
    var id: String
    var name: LocalizedText
    var weight: Double

    init(_ e: CatalogueEntry) {
        id = e.id
        name = e.name
        weight = e.weight
    }

    var entry: CatalogueEntry { CatalogueEntry(id: id, name: name, weight: weight) }
}

struct WireContext: Codable {
    var scenarioID: String
    var baseYear: Int
    var targetYear: Int
    var datasetFolder: String?
    var ioTableFolder: String?
    var industries: [WireEntry]
    var carriers: [WireEntry]
    var sources: [WireEntry]
    /// Absent in hosts older than the field (decoded as nil).
    var pipeline: PipelineOutline?
    var majorProjects: [WireProject]?

    enum CodingKeys: String, CodingKey {
        case scenarioID = "scenario_id", baseYear = "base_year", targetYear = "target_year"
        case datasetFolder = "dataset_folder", ioTableFolder = "io_table_folder", industries, carriers, sources
        case pipeline, majorProjects = "major_projects"
    }

    init(_ c: ModuleContext) {
        scenarioID = c.scenarioID
        baseYear = c.baseYear
        targetYear = c.targetYear
        datasetFolder = c.datasetFolder?.path
        ioTableFolder = c.ioTableFolder?.path
        industries = c.industries.map(WireEntry.init)
        carriers = c.carriers.map(WireEntry.init)
        sources = c.sources.map(WireEntry.init)
        pipeline = c.pipeline
        majorProjects = c.majorProjects.map(WireProject.init)
    }

    var context: ModuleContext {
        ModuleContext(
            scenarioID: scenarioID, baseYear: baseYear, targetYear: targetYear,
            datasetFolder: datasetFolder.map { URL(fileURLWithPath: $0, isDirectory: true) },
            ioTableFolder: ioTableFolder.map { URL(fileURLWithPath: $0, isDirectory: true) },
            industries: industries.map(\.entry), carriers: carriers.map(\.entry), sources: sources.map(\.entry),
            pipeline: pipeline, majorProjects: (majorProjects ?? []).map(\.project))
    }
}

struct WireProject: Codable {
    var name: String
    var industry: String
    var carrier: String
    var source: String
    var amount: Double
    var probability: Double
    var year: Int

    init(_ p: MajorProjectInput) {
        name = p.name
        industry = p.industry
        carrier = p.carrier
        source = p.source
        amount = p.amount
        probability = p.probability
        year = p.year
    }

    var project: MajorProjectInput {
        MajorProjectInput(
            name: name, industry: industry, carrier: carrier, source: source, amount: amount, probability: probability, year: year)
    }
}

struct WireInputs: Codable {
    var baseYear: Int
    var targetYear: Int
    var industries: [WireEntry]
    var carriers: [WireEntry]
    var sources: [WireEntry]
    /// Year (as text, a JSON key) → effort multiplier.
    var effort: [String: Double]
    var majorProjects: [WireProject]

    enum CodingKeys: String, CodingKey {
        case baseYear = "base_year", targetYear = "target_year", industries, carriers, sources, effort
        case majorProjects = "major_projects"
    }

    init(_ i: EngineInputs) {
        baseYear = i.baseYear
        targetYear = i.targetYear
        industries = i.industries.map(WireEntry.init)
        carriers = i.carriers.map(WireEntry.init)
        sources = i.sources.map(WireEntry.init)
        effort = Dictionary(uniqueKeysWithValues: i.effort.map { (String($0.key), $0.value) })
        majorProjects = i.majorProjects.map(WireProject.init)
    }

    func inputs() throws -> EngineInputs {
        var e: [Int: Double] = [:]
        for (k, v) in effort {
            guard let year = Int(k) else { throw PluginCodecError(message: "effort key \"\(k)\" is not a year") }
            e[year] = v
        }
        return EngineInputs(
            baseYear: baseYear, targetYear: targetYear, industries: industries.map(\.entry), carriers: carriers.map(\.entry),
            sources: sources.map(\.entry), effort: e, majorProjects: majorProjects.map(\.project))
    }
}

struct WireDrawTable: Codable {
    var offset: Int
    var years: Int
    var draws: Int
}

struct WireNamedTable: Codable {
    var id: String
    var table: WireDrawTable
}

struct WireOutputs: Codable {
    var years: [Int]
    var draws: Int
    var baseYearTotal: Double
    var targetAmount: Double
    var investmentInPlace: WireDrawTable
    var byIndustry: [WireNamedTable]
    var bySource: [WireNamedTable]
    var byCarrier: [WireNamedTable]?
    var plan: WirePlan?

    enum CodingKeys: String, CodingKey {
        case years, draws, baseYearTotal = "base_year_total", targetAmount = "target_amount"
        case investmentInPlace = "investment_in_place", byIndustry = "by_industry", bySource = "by_source"
        case byCarrier = "by_carrier", plan
    }
}

struct WirePlan: Codable {
    var baseYear: Int
    var targetYear: Int
    var multiplier: Double
    var baseYearTotal: Double

    init(_ p: PlanPath) {
        baseYear = p.baseYear
        targetYear = p.targetYear
        multiplier = p.multiplier
        baseYearTotal = p.baseYearTotal
    }

    var path: PlanPath { PlanPath(baseYear: baseYear, targetYear: targetYear, multiplier: multiplier, baseYearTotal: baseYearTotal) }

    enum CodingKeys: String, CodingKey {
        case baseYear = "base_year", targetYear = "target_year", multiplier, baseYearTotal = "base_year_total"
    }
}

enum WireCell: Codable {
    case number(Double)
    case text(LocalizedText)
    case quantiles(QuantileSummary)
    case empty

    enum CodingKeys: String, CodingKey { case type, value }

    init(_ c: ResultCell) {
        switch c {
        case let .number(v): self = .number(v)
        case let .text(t): self = .text(t)
        case let .quantiles(q): self = .quantiles(q)
        case .empty: self = .empty
        }
    }

    var cell: ResultCell {
        switch self {
        case let .number(v): return .number(v)
        case let .text(t): return .text(t)
        case let .quantiles(q): return .quantiles(q)
        case .empty: return .empty
        }
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "number": self = .number(try c.decode(Double.self, forKey: .value))
        case "text": self = .text(try c.decode(LocalizedText.self, forKey: .value))
        case "quantiles": self = .quantiles(try c.decode(QuantileSummary.self, forKey: .value))
        case "empty": self = .empty
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "unknown cell type \"\(other)\"; expected number, text, quantiles or empty")
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .number(v):
            try c.encode("number", forKey: .type)
            try c.encode(v, forKey: .value)
        case let .text(t):
            try c.encode("text", forKey: .type)
            try c.encode(t, forKey: .value)
        case let .quantiles(q):
            try c.encode("quantiles", forKey: .type)
            try c.encode(q, forKey: .value)
        case .empty:
            try c.encode("empty", forKey: .type)
        }
    }
}

struct WireColumn: Codable {
    var header: LocalizedText
    var unit: String?
    var decimals: Int?
}

struct WireRow: Codable {
    var label: LocalizedText
    var cells: [WireCell]
}

struct WireTable: Codable {
    var id: String
    var title: LocalizedText
    var rowHeader: LocalizedText
    var columns: [WireColumn]
    var rows: [WireRow]
    var notes: [LocalizedText]

    enum CodingKeys: String, CodingKey { case id, title, rowHeader = "row_header", columns, rows, notes }

    init(_ t: ResultTable) {
        id = t.id
        title = t.title
        rowHeader = t.rowHeader
        columns = t.columns.map { WireColumn(header: $0.header, unit: $0.unit, decimals: $0.decimals) }
        rows = t.rows.map { WireRow(label: $0.label, cells: $0.cells.map(WireCell.init)) }
        notes = t.notes
    }

    var table: ResultTable {
        ResultTable(
            id: id, title: title, rowHeader: rowHeader,
            columns: columns.map { ResultColumn($0.header, unit: $0.unit, decimals: $0.decimals) },
            rows: rows.map { ResultRow($0.label, $0.cells.map(\.cell)) }, notes: notes)
    }
}

struct WireError: Codable {
    var module: String?
    var kind: String
    var keyPath: String?
    var message: String
    var isAboutKey: Bool?

    enum CodingKeys: String, CodingKey { case module, kind, keyPath = "key_path", message, isAboutKey = "is_about_key" }
}

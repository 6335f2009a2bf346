import Datasets
import ForecastEngine
import TrendEstimation
import Foundation

/// A dataset folder: `dataset.yaml` (manifest: units, sources, calibration defaults and
/// assumed engine defaults), `history.csv` (base-year and historical totals with status and
/// source), `industries.csv`, `carriers.csv`, and a reference to its IO table.
///
/// The embedded default is `builtin:binhai-default`; a user's own folder of the same layout
/// replaces it (`dataset: path/to/folder` in a scenario, relative to the scenario file).
public struct Dataset: Sendable {
    public var id: String
    public var title: LocalizedText
    /// Where the files are.
    public var folder: URL
    /// How the scenario named it (`builtin:binhai-default` or the path as written).
    public var reference: String
    /// All yearly observations with domestic, foreign and exchange rate (history.csv).
    public var observations: [BaseYearData.Observation]
    /// Every exchange rate in history.csv (CNY per USD by year); later years carry the last one.
    public var exchangeRates: [Int: Double]
    /// Industries with lead shares (industries.csv `investment_share`, normalised by the engine).
    public var industries: [Industry]
    /// Carriers with lead shares (carriers.csv).
    public var carriers: [Carrier]
    /// Every figure of history.csv (and of a scenario's `actuals:`), for the growth estimate.
    public var records: [HistoryRecord] = []
    /// Priors of the growth process and the trust in each kind of figure (manifest `estimation:`).
    public var growthPrior = TrendPrior()
    public var observationAssumptions = ObservationAssumptions()
    /// Whether calibration reproduces the base year's published landed projects (manifest
    /// `calibration.reproduce_counts`, default true).
    public var reproduceCounts = true
    /// Calibration defaults from the manifest.
    public var trend: TrendFit
    public var trendYears: [Int]?
    public var beijingShareOfDomestic: Double?
    /// The manifest's `assumptions:` block (same keys as a scenario's `engine:` block).
    public var assumptions: YAMLValue?
    /// Folder of the IO table (for the industry-chain module), if the manifest names one.
    public var ioTableFolder: URL?
    /// One line per base-year figure: value, unit, status and source, for report notes.
    public var provenance: [String]
    /// The manifest's `sensitivity:` block: default ranges of its assumed figures, used by
    /// `binhai sensitivity` when a scenario declares none.
    public var sensitivity: YAMLValue?

    /// What identifies the dataset `reference` names from `base`: `builtin:NAME`, or the folder's
    /// standardized path (so two scenarios naming the same folder differently share it).
    public static func cacheKey(reference: String, relativeTo base: URL?) -> String {
        if reference.hasPrefix("builtin:") { return reference }
        let expanded = (reference as NSString).expandingTildeInPath
        let folder = expanded.hasPrefix("/") || base == nil
            ? URL(fileURLWithPath: expanded) : base!.appendingPathComponent(expanded)
        return "\(folder.standardizedFileURL.path)|\(reference)"
    }

    /// Loads `builtin:NAME` or a folder path (relative paths against `base`).
    public static func load(reference: String, relativeTo base: URL?, at location: SourceLocation) throws -> Dataset {
        let folder: URL
        if let url = try builtin(reference, kind: .dataset, at: location) {
            folder = url
        } else {
            let expanded = (reference as NSString).expandingTildeInPath
            folder = expanded.hasPrefix("/") || base == nil
                ? URL(fileURLWithPath: expanded) : base!.appendingPathComponent(expanded)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
                throw ScenarioFileError(
                    location: location, keyPath: "dataset",
                    message: "dataset folder \(folder.path) does not exist (expected a folder with dataset.yaml, or builtin:\(EmbeddedDatasets.binhaiDefaultName))")
            }
        }
        return try read(folder: folder, reference: reference)
    }

    /// `EmbeddedDatasets.builtin` with its errors at `location` (key `dataset`).
    static func builtin(_ reference: String, kind: EmbeddedDatasets.Kind, prefixed: Bool = true, at location: SourceLocation) throws -> URL? {
        do {
            return try EmbeddedDatasets.builtin(reference, kind: kind, prefixed: prefixed)
        } catch {
            throw ScenarioFileError(location: location, keyPath: "dataset", message: "\(error)")
        }
    }

    /// Display name of a file of the dataset in error messages.
    static func name(_ file: String, in folder: URL, reference: String) -> String {
        reference.hasPrefix("builtin:") ? "\(reference)/\(file)" : folder.appendingPathComponent(file).path
    }

    static func read(folder: URL, reference: String) throws -> Dataset {
        let manifestName = name("dataset.yaml", in: folder, reference: reference)
        let root = try YAMLValue.load(folder.appendingPathComponent("dataset.yaml"), displayName: manifestName)
        let m = try root.mapping(allowedKeys: [
            "id", "title", "version", "base_year", "units", "io_table", "files", "sources", "calibration",
            "assumptions", "not_published", "sensitivity", "estimation",
        ])
        let id = try m.required("id").string()
        let t = try m.optional("title")?.localizedText() ?? LocalizedText(id)
        var files = ["history": "history.csv", "industries": "industries.csv", "carriers": "carriers.csv"]
        if let f = m.optional("files") {
            for entry in try f.mapping().entries { files[entry.key] = try entry.value.string() }
        }
        var dataset = Dataset(
            id: id, title: t, folder: folder, reference: reference,
            observations: [], exchangeRates: [:], industries: [], carriers: [], trend: .total,
            trendYears: nil, beijingShareOfDomestic: nil, assumptions: m.optional("assumptions"),
            ioTableFolder: nil, provenance: [], sensitivity: m.optional("sensitivity"))
        if let io = m.optional("io_table") {
            dataset.ioTableFolder = try ioFolder(io, folder: folder)
        }
        if let c = m.optional("calibration") {
            let cm = try c.mapping(allowedKeys: ["trend", "trend_years", "beijing_share_of_domestic", "reproduce_counts"])
            if let r = cm.optional("reproduce_counts") { dataset.reproduceCounts = try r.bool() }
            if let tr = cm.optional("trend") { dataset.trend = try Self.trend(tr) }
            if let ty = cm.optional("trend_years") { dataset.trendYears = try ty.sequence().map { try $0.int(in: 1900...2200) } }
            if let b = cm.optional("beijing_share_of_domestic") { dataset.beijingShareOfDomestic = try b.probability() }
        }
        if let e = m.optional("estimation") {
            try EstimationBlock.apply(e, prior: &dataset.growthPrior, assumptions: &dataset.observationAssumptions)
        }
        try dataset.readHistory(file: files["history"] ?? "history.csv")
        try dataset.readIndustries(file: files["industries"] ?? "industries.csv")
        try dataset.readCarriers(file: files["carriers"] ?? "carriers.csv")
        return dataset
    }

    static func trend(_ v: YAMLValue) throws -> TrendFit {
        switch try v.string() {
        case "none": return .none
        case "total": return .total
        case "by_currency": return .byCurrency
        case "estimated": return .estimated
        default: throw v.error("expected estimated, total, by_currency or none, got \(v.shortDescription)")
        }
    }

    static func ioFolder(_ v: YAMLValue, folder: URL) throws -> URL {
        let m = try v.mapping(allowedKeys: ["builtin", "path"])
        if let b = m.optional("builtin") {
            let name = try b.string()
            do {
                return try EmbeddedDatasets.builtin(name, kind: .ioTable, prefixed: false)!
            } catch {
                throw b.error("\(error)")
            }
        }
        return folder.appendingPathComponent(try m.required("path").string())
    }

    static func status(_ text: String, row: CSVTable.Row) throws -> BaseYearData.Status {
        switch text {
        case "published": return .published
        case "extrapolated": return .extrapolated
        case "derived": return .derived
        case "assumed": return .assumed
        default:
            throw row.error("unknown status \"\(text)\"; expected published, extrapolated, derived or assumed", column: "status")
        }
    }

    mutating func readHistory(file: String) throws {
        let display = Self.name(file, in: folder, reference: reference)
        let table = try CSVTable.read(
            folder.appendingPathComponent(file), displayName: display,
            required: ["year", "indicator", "value", "unit", "status", "source"])
        struct Cell { var value: Double; var status: BaseYearData.Status; var text: String }
        var cells: [Int: [String: Cell]] = [:]
        for row in table.rows {
            guard let year = Int(try row.text("year")) else {
                throw row.error("expected a year, got \"\(try row.text("year"))\"", column: "year")
            }
            let indicator = try row.text("indicator")
            let value = try row.number("value")
            // Amounts, rates and shares are never negative; growth rates may be.
            if !indicator.contains("growth") && !(value >= 0 && value.isFinite) {
                throw row.error("expected a value ≥ 0 for \(indicator), got \(YAMLValue.format(value))", column: "value")
            }
            if cells[year]?[indicator] != nil {
                throw row.error("\(year) \(indicator) is given twice", column: "indicator")
            }
            let statusText = try row.text("status")
            let st = try Self.status(statusText, row: row)
            let text = "\(year) \(indicator) = \(YAMLValue.format(value)) \(try row.text("unit")) (\(statusText), \(try row.text("source")))"
                + (row.optionalText("note").map { ": \($0)" } ?? "")
            cells[year, default: [:]][indicator] = Cell(value: value, status: st, text: text)
            records.append(HistoryRecord(year: year, indicator: indicator, value: value, status: st, origin: "\(display):\(row.line)"))
        }
        for (year, c) in cells { if let r = c["exchange_rate"] { exchangeRates[year] = r.value } }
        let shareCell = cells.sorted { $0.key > $1.key }.lazy.compactMap { $0.value["beijing_share_of_domestic"] }.first
        if beijingShareOfDomestic == nil { beijingShareOfDomestic = shareCell?.value }
        for year in cells.keys.sorted() {
            let c = cells[year]!
            if let t = c["total_in_place"], c["domestic_in_place"] == nil, c["foreign_in_place"] == nil {
                // A single total series (any long investment series): the total as domestic investment.
                let rate = c["exchange_rate"]?.value ?? exchangeRates.sorted { $0.key < $1.key }.last { $0.key <= year }?.value ?? 1
                observations.append(BaseYearData.Observation(
                    year: year, domestic: t.value, foreign: 0, exchangeRate: rate,
                    beijingShareOfDomestic: beijingShareOfDomestic, domesticStatus: t.status, foreignStatus: t.status,
                    exchangeRateStatus: c["exchange_rate"]?.status ?? .assumed, beijingShareStatus: shareCell?.status ?? .assumed))
                provenance.append(t.text)
                continue
            }
            guard let d = c["domestic_in_place"], let f = c["foreign_in_place"], let r = c["exchange_rate"] else { continue }
            observations.append(BaseYearData.Observation(
                year: year, domestic: d.value, foreign: f.value, exchangeRate: r.value,
                beijingShareOfDomestic: beijingShareOfDomestic, domesticStatus: d.status,
                foreignStatus: f.status, exchangeRateStatus: r.status, beijingShareStatus: shareCell?.status ?? .assumed))
            provenance += [d.text, f.text, r.text]
        }
        if let s = shareCell { provenance.append(s.text) }
        if observations.isEmpty {
            throw ScenarioFileError(
                location: SourceLocation(file: display, line: 1, column: 1), keyPath: "",
                message: "no year has all of domestic_in_place, foreign_in_place and exchange_rate (or a total_in_place)")
        }
    }

    mutating func readIndustries(file: String) throws {
        let table = try CSVTable.read(
            folder.appendingPathComponent(file), displayName: Self.name(file, in: folder, reference: reference),
            required: ["id", "name_zh", "name_en", "investment_share"])
        var seen: Set<String> = []
        industries = try table.rows.map { row in
            let share = try row.number("investment_share")
            guard share >= 0, share.isFinite else { throw row.error("expected a share ≥ 0", column: "investment_share") }
            let id = try row.text("id")
            guard seen.insert(id).inserted else { throw row.error("industry id \"\(id)\" appears twice", column: "id") }
            return Industry(
                id: try row.text("id"), name: LocalizedText(zh: try row.text("name_zh"), en: try row.text("name_en")),
                leadShare: share)
        }
    }

    mutating func readCarriers(file: String) throws {
        let table = try CSVTable.read(
            folder.appendingPathComponent(file), displayName: Self.name(file, in: folder, reference: reference),
            required: ["id", "name_zh", "name_en", "kind", "investment_share"])
        var seen: Set<String> = []
        carriers = try table.rows.map { row in
            let share = try row.number("investment_share")
            guard share >= 0, share.isFinite else { throw row.error("expected a share ≥ 0", column: "investment_share") }
            let id = try row.text("id")
            guard seen.insert(id).inserted else { throw row.error("carrier id \"\(id)\" appears twice", column: "id") }
            guard let kind = CarrierKind(rawValue: try row.text("kind")) else {
                throw row.error(
                    "unknown carrier kind; expected \(CarrierKind.allCases.map(\.rawValue).joined(separator: ", "))",
                    column: "kind")
            }
            return Carrier(
                id: try row.text("id"), name: LocalizedText(zh: try row.text("name_zh"), en: try row.text("name_en")),
                kind: kind, leadShare: share)
        }
    }
}

import Foundation
import ScenarioKit
@testable import IndustryChain

/// Small datasets written to a temporary folder, and engine outputs built by hand.
enum TestSupport {
    /// Miller & Blair (2009) Table 2.3: Z = [[150, 500], [200, 100]], f = [350, 1700],
    /// x = [1000, 2000], so A = [[0.15, 0.25], [0.2, 0.05]] and
    /// L = [[1.254125, 0.330033], [0.264026, 1.122112]] (det(I − A) = 0.7575).
    /// f is split into TC = [250, 1200] and FU201 = [100, 500]; value added and imports are
    /// VA001 = [350, 800], VA004 = [250, 500], IMPORTED_INTERMEDIATE = [50, 100] (columns
    /// balance to x), EMPLOYMENT = [10, 30] persons.
    ///
    /// The dataset folder maps sector 01 wholly to industry `alpha` and half of 02 to `beta`;
    /// `bridge.csv` sends alpha's investment to 01, beta's to 02 and other's half/half.
    static func millerBlair(employment: Bool = true, extraFiles: [String: String] = [:]) throws -> (dataset: URL, io: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ic-mb-\(UUID().uuidString)")
        let io = root.appendingPathComponent("io"), dataset = root.appendingPathComponent("dataset")
        try FileManager.default.createDirectory(at: io, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dataset, withIntermediateDirectories: true)
        func write(_ folder: URL, _ name: String, _ text: String) throws {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write(io, "Z.csv", "code,01,02\n01,150,500\n02,200,100\n")
        try write(io, "Y.csv", "code,TC,FU201\n01,250,100\n02,1200,500\n")
        try write(io, "x.csv", "code,x\n01,1000\n02,2000\n")
        try write(io, "sectors.csv", "code,name_en,name_zh\n01,Agriculture,农业\n02,Manufacturing,制造业\n")
        try write(io, "F.csv", "code,01,02\nIMPORTED_INTERMEDIATE,50,100\nVA001,350,800\nVA004,250,500\n" + (employment ? "EMPLOYMENT,10,30\n" : ""))
        try write(dataset, "concordance.csv", "io_code,industry,share,status,basis\n01,alpha,1.0,classification,test\n02,beta,0.5,assumed,test\n")
        try write(dataset, "bridge.csv", "code,alpha,beta,other\n01,1,0,0.5\n02,0,1,0.5\n")
        for (name, text) in extraFiles { try write(dataset, name, text) }
        return (dataset, io)
    }

    static let millerBlairIndustries = [
        CatalogueEntry(id: "alpha", name: LocalizedText(zh: "甲", en: "Alpha"), weight: 0.3),
        CatalogueEntry(id: "beta", name: LocalizedText(zh: "乙", en: "Beta"), weight: 0.2),
        CatalogueEntry(id: "other", name: LocalizedText(zh: "其他", en: "Other"), weight: 0.5),
    ]

    static func context(dataset: URL?, io: URL?, industries: [CatalogueEntry]) -> ModuleContext {
        ModuleContext(
            scenarioID: "test", baseYear: 2020, targetYear: 2022, datasetFolder: dataset, ioTableFolder: io,
            industries: industries, carriers: [], sources: [])
    }

    /// Parameters with the schema's defaults, overridden by `values`.
    static func parameters(_ values: [String: ParameterValue] = [:]) -> ModuleParameters {
        var all: [String: ParameterValue] = [:]
        for spec in IndustryChainModule.descriptor.parameters { all[spec.name] = spec.defaultValue }
        for (k, v) in values { all[k] = v }
        return ModuleParameters(values: all)
    }

    /// Engine outputs from investment by industry: `amounts[industry][year][draw]` in 亿元; the
    /// total is their sum.
    static func outputs(years: [Int], amounts: [String: [[Double]]]) -> EngineOutputs {
        let draws = amounts.values.first?.first?.count ?? 0
        var total = [Double](repeating: 0, count: years.count * draws)
        var byIndustry: [String: DrawTable] = [:]
        for (id, perYear) in amounts {
            let values = perYear.flatMap { $0 }
            for c in values.indices { total[c] += values[c] }
            byIndustry[id] = DrawTable(years: years.count, draws: draws, values: values)
        }
        let table = DrawTable(years: years.count, draws: draws, values: total)
        return EngineOutputs(
            years: years, draws: draws, baseYearTotal: 1, targetAmount: 2, investmentInPlace: table,
            byIndustry: byIndustry, bySource: [:])
    }

    /// Miller & Blair's L, by hand: L = adj(I − A) / det(I − A).
    static let leontief: [[Double]] = [[0.95 / 0.7575, 0.25 / 0.7575], [0.2 / 0.7575, 0.85 / 0.7575]]

    static func leontiefTimes(_ v: [Double]) -> [Double] {
        [leontief[0][0] * v[0] + leontief[0][1] * v[1], leontief[1][0] * v[0] + leontief[1][1] * v[1]]
    }

    /// The table with id `id`.
    static func table(_ results: ResultSet, _ id: String) -> ResultTable? {
        results.tables.first { $0.id == id }
    }

    static func quantiles(_ cell: ResultCell?) -> QuantileSummary? {
        if case let .quantiles(q)? = cell { return q }
        return nil
    }

    static func number(_ cell: ResultCell?) -> Double? {
        if case let .number(v)? = cell { return v }
        return nil
    }

    static func close(_ a: Double, _ b: Double, relative: Double = 1e-10) -> Bool {
        abs(a - b) <= relative * max(1, abs(a), abs(b))
    }
}

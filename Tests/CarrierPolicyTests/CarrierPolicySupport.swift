import Foundation
import ScenarioKit
import ScenarioKitTesting

/// Small hand-checkable inputs shared by the carrier-policy tests.
enum CarrierFixtures {
    /// Two towns, two industry columns (hand-worked in `TownEconomyTests`).
    static let twoTowns = """
        town,name_zh,name_en,capacity,status,intelligent_tech,new_energy,basis
        A,甲,A,2,assumed,1,1,test
        B,乙,B,1,assumed,1,0,test
        """
    static let focusGroups = """
        grouping,group,ratio,industries,status,note
        4-2-1,4,4,intelligent_tech,assumed,test
        4-2-1,2,2,biomedicine;new_energy,assumed,test
        4-2-1,1,1,equipment,assumed,test
        """
    /// One transient stage before landing: advance 0.25, drop-out 0.25; all invested in the landing year.
    static let oneStage = PipelineOutline(
        stages: [
            .init(id: "lead", name: LocalizedText("lead"), advance: 0.25, dropOut: 0.25),
            .init(id: "landed", name: LocalizedText("landed"), advance: 0, dropOut: 0),
        ], landingStage: 1, disbursement: [1])
    static let battery = MajorProjectInput(
        name: "battery", industry: "new_energy", carrier: "development_zones", source: "other_domestic", amount: 100,
        probability: 0.5, year: 2023)
    static let parts = MajorProjectInput(
        name: "parts", industry: "aerospace", carrier: "development_zones", source: "foreign", amount: 40, probability: 0.9,
        year: 2024)

    static func context(files: [String: String] = ["towns.csv": twoTowns, "focus-groups.csv": focusGroups]) throws -> ModuleContext {
        .testing(
            datasetFolder: try TestFolders.folder(files: files), pipeline: oneStage, majorProjects: [battery, parts])
    }

    static let years = Array(2021...2025)

    /// One draw: the total 100 a year (intelligent_tech 50, new_energy 30, other 20), carriers
    /// streets_towns 100 and development_zones 200 a year (the carriers need not add up to the total here).
    static func outputs() -> EngineOutputs {
        .synthetic(
            years: years, total: years.map { _ in 100 },
            byIndustry: ["intelligent_tech": years.map { _ in 50 }, "new_energy": years.map { _ in 30 }, "other": years.map { _ in 20 }],
            byCarrier: ["streets_towns": years.map { _ in 100 }, "development_zones": years.map { _ in 200 }])
    }
}

extension ResultSet {
    func table(_ id: String) -> ResultTable? { tables.first { $0.id == id } }
}

extension ResultCell {
    /// The number of a number cell or the mean of a quantile cell.
    var value: Double? {
        switch self {
        case let .number(v): return v
        case let .quantiles(q): return q.mean
        default: return nil
        }
    }

    var label: String? {
        if case let .text(t) = self { return t.en }
        return nil
    }
}

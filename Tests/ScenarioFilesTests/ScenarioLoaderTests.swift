import ScenarioTestSupport
import ScenarioRuntime
import Datasets
import ForecastEngine
import Foundation
import Testing
@testable import ScenarioFiles

/// The repository's `scenarios/` folder (tests run from a clone).
let scenariosFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scenarios")

@Suite struct ScenarioLoaderTests {
    let minimal = """
        id: t
        title: {zh: 测试, en: Test}
        plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
        engine: {draws: 500, seed: 7}
        """

    @Test func everyShippedScenarioLoads() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: scenariosFolder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 5)
        for f in files {
            let s = try TestScenario.load(scenariosFolder.appendingPathComponent(f), displayName: "scenarios/\(f)")
            #expect(!s.id.isEmpty)
            try s.parameters.validate()
        }
    }

    @Test func baselineReproducesTheDatasetBaseYear() throws {
        let s = try TestScenario.load(text: minimal, file: "t.yaml")
        // history.csv: 2020 domestic 1184.4 亿元 + foreign 39.01 亿美元 × 6.8976 CNY/USD.
        let expected = 1184.4 + 39.01 * 6.8976
        #expect(abs(s.calibration.baseYearTotal - expected) / expected < 1e-9)
        let path = try ForecastEngine.expectedPath(s.parameters)
        #expect(abs(path.baseYearTotal - expected) / expected < 1e-9)
        // Dataset shares flow into the catalogue: 其他 takes 84.3 % of leads (1 − 0.157).
        #expect(s.parameters.industries.first { $0.id == "other" }?.leadShare == 0.843)
        #expect(s.parameters.draws == 500 && s.parameters.seed == 7)
        // The default (trend: estimated) starts the pipeline at the posterior mean drift.
        let posterior = try #require(s.calibration.growthPosterior)
        #expect(abs((s.calibration.trendGrowth["foreign"] ?? 0) - (exp(posterior.driftMean) - 1)) < 1e-12)
        // The comparison option (trend: total) over the default trend years 2019–2020: growth of
        // the total = 1453.47 / 1216.23 − 1.
        let fixed = try TestScenario.load(text: minimal + "\ncalibration: {trend: total}\n", file: "t.yaml")
        let total2019 = 955.2 + 37.84 * 6.8985
        #expect(abs((fixed.calibration.trendGrowth["foreign"] ?? 0) - (expected / total2019 - 1)) < 1e-9)
        #expect(fixed.calibration.growthPosterior == nil)
    }

    @Test func variantsAndSetOverridesApply() throws {
        let text = minimal + """

            variants:
              weak-fdi: {engine.sources.foreign.lead_rate: "x0.7"}
            sweep:
              engine.effort_scale: [1.0, 1.5]
            """
        let set = try ParameterOverride.parse(commandLine: "engine.draws=1234")
        let s = try TestScenario.load(text: text, file: "t.yaml", overrides: [set])
        #expect(s.parameters.draws == 1234)
        #expect(s.variants.map(\.name) == ["weak-fdi", "engine.effort_scale=1.0", "engine.effort_scale=1.5"])
        let weak = s.variants[0].parameters
        #expect(weak.sources[weak.sourceIndex("foreign")!].leadRateMultiplier == 0.7)
        #expect(weak.draws == 1234)
        #expect(s.variants[2].parameters.effortScale == 1.5)
    }

    func error(_ text: String) -> ScenarioFileError? {
        #expect(throws: ScenarioFileError.self) { try TestScenario.load(text: text, file: "bad.yaml") }
    }

    @Test func validationErrorsNameFileLineColumnAndKey() throws {
        let unknown = error(minimal + "\nengin2: {}\n")
        #expect(unknown?.keyPath == "engin2" && unknown?.location.line == 5 && unknown?.location.file == "bad.yaml")
        #expect(unknown?.message.contains("did you mean \"engine\"") == true)

        let badType = error(minimal.replacingOccurrences(of: "draws: 500", with: "draws: many"))
        #expect(badType?.keyPath == "engine.draws" && badType?.location.line == 4)

        let range = error(minimal + "\n  \n" + "calibration: {beijing_share_of_domestic: 1.5}\n")
        #expect(range?.keyPath == "calibration.beijing_share_of_domestic")
        #expect(range?.message == "expected a number from 0 to 1, got 1.5")

        let schedule = error(minimal.replacingOccurrences(of: "seed: 7}", with: "seed: 7, disbursement: [0.5, 0.4]}"))
        #expect(schedule?.keyPath == "engine.disbursement" && schedule?.message.contains("sum to 1") == true)

        let industry = error(minimal.replacingOccurrences(
            of: "seed: 7}", with: "seed: 7, major_projects: [{name: a, industry: 钢铁, amount_yi: 5, probability: 0.5, year: 2022}]}"))
        #expect(industry?.keyPath == "engine.major_projects[0].industry")
        #expect(industry?.message.contains("unknown industry \"钢铁\"") == true)

        let year = error(minimal.replacingOccurrences(
            of: "seed: 7}", with: "seed: 7, major_projects: [{name: a, industry: 新能源, amount_yi: 5, probability: 0.5, year: 2030}]}"))
        #expect(year?.keyPath == "engine.major_projects[0].year")

        let folder = error(minimal + "\ndataset: no/such/folder\n")
        #expect(folder?.keyPath == "dataset" && folder?.message.contains("does not exist") == true)

        let builtin = error(minimal + "\ndataset: builtin:nope\n")
        #expect(builtin?.message.contains("unknown built-in dataset") == true)

        let base = error(minimal.replacingOccurrences(of: "base_year: 2020, target_year: 2025", with: "base_year: 2022, target_year: 2027"))
        #expect(base?.message.contains("no base-year figures for 2022") == true)

        let missing = error("id: x\n")
        #expect(missing?.keyPath == "title" && missing?.message == "missing required key \"title\"")
    }

    @Test func ownDatasetFolderWithBadFigureIsLocated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-ds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "id: mine\ntitle: Mine\n".write(to: dir.appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
        try """
            year,indicator,value,unit,status,source
            2020,domestic_in_place,1000,亿元,published,me
            2020,foreign_in_place,ten,亿美元,published,me
            2020,exchange_rate,7,CNY per USD,published,me
            """.write(to: dir.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        let err = #expect(throws: ScenarioFileError.self) {
            try TestScenario.load(text: minimal + "\ndataset: \(dir.path)\n", file: "t.yaml")
        }
        #expect(err?.location.file.hasSuffix("history.csv") == true)
        #expect(err?.location.line == 3 && err?.location.column == 3)
        #expect(err?.message == "expected a number, got \"ten\"")
    }
}

@Suite struct EmbeddedScenarioTests {
    @Test func embeddedDefaultScenarioIsTheRepositoryFile() throws {
        let embedded = try Data(contentsOf: try EmbeddedDatasets.defaultScenario)
        let repo = try Data(contentsOf: scenariosFolder.appendingPathComponent("doubling-2020-2025.yaml"))
        #expect(embedded == repo, "copy scenarios/doubling-2020-2025.yaml to Sources/Datasets/Resources/scenarios/")
    }

    /// `binhai serve` offers the embedded copies: they are the repository's files, all of them.
    @Test func shippedScenariosAreTheRepositoryFiles() throws {
        let embedded = try EmbeddedDatasets.shippedScenarios
        let repo = try FileManager.default.contentsOfDirectory(atPath: scenariosFolder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(embedded.map(\.lastPathComponent) == repo)
        for url in embedded {
            let original = try Data(contentsOf: scenariosFolder.appendingPathComponent(url.lastPathComponent))
            #expect(try Data(contentsOf: url) == original, "copy scenarios/\(url.lastPathComponent) to Sources/Datasets/Resources/scenarios/")
        }
    }
}

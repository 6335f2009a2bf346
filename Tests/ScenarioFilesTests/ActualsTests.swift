import Foundation
import ForecastEngine
import ScenarioTestSupport
import Testing
import TrendEstimation
@testable import ScenarioFiles

/// `actuals:` — this year's figures entered in a scenario, without editing the dataset.
@Suite struct ActualsTests {
    let head = """
        id: t
        title: t
        plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
        engine: {draws: 300, seed: 3}

        """

    func loadError(_ text: String, baseFolder: URL? = nil) -> ScenarioFileError? {
        do {
            _ = try TestScenario.load(text: text, file: "t.yaml", baseFolder: baseFolder)
            return nil
        } catch let e as ScenarioFileError {
            return e
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    /// The default dataset's figures after 2020 are used: 2021 (Q1 level and growth) and 2022
    /// (both currencies' growth); derived and extrapolated figures are not counted twice.
    @Test func theDefaultDatasetUsesItsLaterFigures() throws {
        let s = try TestScenario.load(text: head, file: "t.yaml")
        let post = try #require(s.calibration.growthPosterior)
        #expect(post.lastYear == 2022)
        #expect(Set(post.observations.map(\.year)) == [2020, 2021, 2022])
        #expect(!post.observations.contains { $0.label.contains("(derived)") || $0.label.contains("(extrapolated)") })
    }

    @Test func actualsAsRowsAndAsAFileGiveTheSameForecast() throws {
        let rows = head + """
            actuals:
              - {year: 2023, indicator: domestic_in_place_jan_nov, value: 2400, status: published}
              - {year: 2023, indicator: foreign_in_place_jan_nov, value: 60}
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actuals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            year,indicator,value,unit,status,source,note
            2023,domestic_in_place_jan_nov,2400,亿元,published,test,
            2023,foreign_in_place_jan_nov,60,亿美元,published,test,
            """.write(to: folder.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        let a = try TestScenario.load(text: rows, file: "t.yaml")
        let b = try TestScenario.load(text: head + "actuals: a.csv\n", file: "t.yaml", baseFolder: folder)
        let pa = try #require(a.calibration.growthPosterior), pb = try #require(b.calibration.growthPosterior)
        #expect(pa.lastYear == 2023)
        #expect(pa.weights == pb.weights && pa.driftMean == pb.driftMean)
        #expect(a.spec.provenance.contains { $0.contains("2023 domestic_in_place_jan_nov") && $0.contains("scenario actual") })
    }

    @Test func anActualReplacesTheDatasetsFigure() throws {
        let low = try TestScenario.load(
            text: head + "actuals:\n  - {year: 2022, indicator: domestic_growth, value: -0.2}\n", file: "t.yaml")
        let base = try TestScenario.load(text: head, file: "t.yaml")
        let postLow = try #require(low.calibration.growthPosterior), postBase = try #require(base.calibration.growthPosterior)
        #expect(postLow.observations.count == postBase.observations.count)
        #expect(postLow.quantile(year: 2022, 0.5) < postBase.quantile(year: 2022, 0.5) - 0.2)
    }

    @Test(arguments: [
        ("  - {year: 2023, indicator: domestic_investment, value: 10}", "unknown indicator", "actuals[0].indicator"),
        ("  - {year: 2023, indicator: domestic_growth, value: -1.5}", "above −1", "actuals[0].value"),
        ("  - {year: 2023, indicator: domestic_in_place, value: 0}", "amount > 0", "actuals[0].value"),
        ("  - {year: 1800, indicator: domestic_in_place, value: 10}", "1900", "actuals[0].year"),
        ("  - {year: 2023, indicator: domestic_in_place, value: 10, status: guessed}", "published", "actuals[0].status"),
        ("  - {year: 2023, indicator: domestic_in_place, valu: 10}", "valu", "actuals[0]"),
    ])
    func badRowsAreLocated(row: String, message: String, keyPath: String) throws {
        let e = try #require(loadError(head + "actuals:\n" + row + "\n"))
        #expect(e.location.file == "t.yaml" && e.location.line == 6, "\(e)")
        #expect(e.message.contains(message) && e.keyPath.hasPrefix(keyPath), "\(e)")
    }

    @Test func badFileRowsAreLocated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actuals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "year,indicator,value,status\n2023,domestic_in_place,10,published\n2023,foreign_growth,-3,published\n"
            .write(to: folder.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        let e = try #require(loadError(head + "actuals: a.csv\n", baseFolder: folder))
        #expect(e.location.file == "a.csv" && e.location.line == 3 && e.keyPath == "value", "\(e)")
        let missing = try #require(loadError(head + "actuals: none.csv\n", baseFolder: folder))
        #expect(missing.location.file == "none.csv" && missing.message.contains("cannot read"), "\(missing)")
    }
}

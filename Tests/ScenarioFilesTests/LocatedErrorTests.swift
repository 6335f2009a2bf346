import ScenarioTestSupport
import Foundation
import Testing
@testable import ScenarioFiles

/// Engine and dataset errors in the user's words, where the user wrote them.
@Suite struct LocatedErrorTests {
    @Test func engineNamesAreTheScenarioKeys() throws {
        let text = """
            id: t
            title: t
            engine:
              arrival_volatility: 0.2
              pipeline:
                stages:
                  - {id: a, advance: 0.8, drop_out: 0.5}
                  - {id: b, advance: 0.5, drop_out: 0.1}
                  - {id: c, advance: 0, drop_out: 0}
            """
        do {
            _ = try TestScenario.load(text: text, file: "p.yaml")
            Issue.record("accepted")
        } catch let e as ScenarioFileError {
            let s = "\(e)"
            #expect(!s.contains("dropOut") && !s.contains("landingStage") && !s.contains("advance+dropOut"), "\(s)")
            #expect(s.contains("engine.pipeline"), "\(s)")
            #expect(e.location.line > 1, "\(s)")
        }
        #expect(EngineKeyNames.scenarioPath("pipeline.landingStage") == "engine.pipeline.landing_stage")
        #expect(EngineKeyNames.scenarioPath("sources.foreign.projectSize.tailMinimum") == "engine.sources.foreign.size.tail_min")
        #expect(EngineKeyNames.scenarioPath("plan.multiplier") == "plan.multiplier")
    }

    /// Errors in a dataset's CSV name the CSV file and line, not the scenario's 1:1.
    @Test func datasetCSVErrorsNameTheCSVLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ds-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try EmbeddedDatasetsFolder.binhaiDefault(), to: folder)
        let industries = folder.appendingPathComponent("industries.csv")
        var lines = try String(contentsOf: industries, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.append(lines[1])  // a duplicate id on the last line
        try (lines.joined(separator: "\n") + "\n").write(to: industries, atomically: true, encoding: .utf8)
        let text = "id: t\ntitle: t\ndataset: \(folder.path)\n"
        do {
            _ = try TestScenario.load(text: text, file: "d.yaml")
            Issue.record("accepted")
        } catch let e as ScenarioFileError {
            #expect(e.location.file.hasSuffix("industries.csv"), "\(e)")
            #expect(e.location.line == lines.count, "\(e)")
            #expect(e.message.contains("appears twice"))
        }
        let history = folder.appendingPathComponent("history.csv")
        try FileManager.default.removeItem(at: industries)
        try FileManager.default.copyItem(at: try EmbeddedDatasetsFolder.binhaiDefault().appendingPathComponent("industries.csv"), to: industries)
        var h = try String(contentsOf: history, encoding: .utf8).split(separator: "\n").map(String.init)
        let k = try #require(h.firstIndex { $0.contains(",domestic_in_place,") })
        var cells = h[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[2] = "-5"
        h[k] = cells.joined(separator: ",")
        try (h.joined(separator: "\n") + "\n").write(to: history, atomically: true, encoding: .utf8)
        do {
            _ = try TestScenario.load(text: text, file: "d.yaml")
            Issue.record("accepted")
        } catch let e as ScenarioFileError {
            #expect(e.location.file.hasSuffix("history.csv") && e.location.line == k + 1, "\(e)")
        }
    }
}

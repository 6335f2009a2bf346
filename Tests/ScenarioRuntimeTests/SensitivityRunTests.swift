import BuiltinModules
import Foundation
import ScenarioFiles
import ScenarioRuntime
import Testing
import TrendEstimation

/// `binhai sensitivity` through the runtime: the design's runs, the ranking, determinism for any
/// worker count, and located errors in the sensitivity: block.
@Suite struct SensitivityRunTests {
    static let text = """
        id: s
        title: s
        engine: {draws: 200, seed: 3}
        sensitivity:
          samples: 16
          draws: 300
          inputs:
            engine.effort_scale: {uniform: [0.6, 1.6]}
            engine.sources.foreign.lead_rate: {uniform: [0.95, 1.05]}
        """

    @Test func effortDominatesAndRunsAreDeterministic() throws {
        let runtime = ScenarioRuntime(catalogue: .builtin)
        let spec = try runtime.load(text: Self.text, file: "s.yaml")
        let one = try runtime.sensitivity(spec, text: Self.text, file: "s.yaml", baseFolder: nil, workers: 1)
        let two = try runtime.sensitivity(spec, text: Self.text, file: "s.yaml", baseFolder: nil, workers: 2)
        #expect(one.runs == 16 * 4 + 1 + 2 * 2 && one.draws == 300)
        let p50 = try #require(one.indices.first(where: { $0.output.kind == .targetYearMedian })?.rows)
        // effort_scale moves every lead arrival by ±45 %, the foreign lead rate one source by ±5 %.
        #expect(p50[0].total > 0.8 && p50[1].total < 0.1, "\(p50.map(\.total))")
        for (a, b) in zip(one.indices, two.indices) {
            #expect(a.rows.map(\.first) == b.rows.map(\.first) && a.rows.map(\.total) == b.rows.map(\.total))
        }
    }

    @Test func errorsInTheBlockAreLocated() throws {
        let runtime = ScenarioRuntime(catalogue: .builtin)
        let bad = Self.text.replacingOccurrences(of: "{uniform: [0.95, 1.05]}", with: "{uniform: [1.05, 0.95]}")
        do {
            _ = try runtime.load(text: bad, file: "s.yaml")
            Issue.record("accepted")
        } catch let e as ScenarioFileError {
            #expect(e.location.line == 9 && e.message.contains("low < high"), "\(e)")
        }
        let unknown = Self.text.replacingOccurrences(of: "engine.sources.foreign.lead_rate", with: "engine.sources.foreign.lead_rat")
        let spec = try runtime.load(text: unknown, file: "s.yaml")
        do {
            _ = try runtime.sensitivity(spec, text: unknown, file: "s.yaml", baseFolder: nil, workers: 1)
            Issue.record("accepted")
        } catch let e as ScenarioFileError {
            #expect(e.location.line == 9 && e.message.contains("did you mean \"lead_rate\""), "\(e)")
        }
        // A scenario and dataset without any sensitivity: block: a located error, no run.
        var none = try runtime.load(text: "id: t\ntitle: t\n", file: "t.yaml")
        none.sensitivity = nil
        #expect(throws: ScenarioFileError.self) { try runtime.sensitivity(none, text: "id: t\ntitle: t\n", file: "t.yaml", baseFolder: nil) }
    }

    /// Without a block of its own, a scenario takes the dataset's default ranges of its assumed
    /// figures (dataset.yaml `sensitivity:`), located in the manifest.
    @Test func datasetDefaultRanges() throws {
        let runtime = ScenarioRuntime(catalogue: .builtin)
        let spec = try runtime.load(text: "id: t\ntitle: t\n", file: "t.yaml")
        let s = try #require(spec.sensitivity)
        #expect(s.inputs.count == 16 && s.inputs.contains { $0.path == "calibration.estimation.prior.volatility_median" })
        #expect(s.inputs.allSatisfy { $0.location.file.hasSuffix("dataset.yaml") })
    }

    /// A module table cell is an output like the headline figures: the intelligent-technology
    /// investment of the target tracker moves with the effort scale; a stage rate is an input.
    @Test func moduleCellsAreOutputsAndStageRatesInputs() throws {
        let runtime = ScenarioRuntime(catalogue: .builtin)
        let text = """
            id: s
            title: s
            engine: {draws: 200, seed: 3}
            modules:
              - use: target-tracker
                with: {industries: [intelligent_tech, new_energy]}
            sensitivity:
              method: morris
              samples: 4
              draws: 200
              outputs: [p_target_met, module:target-tracker/target-tracker.industries/Intelligent technology/0]
              inputs:
                engine.effort_scale: {uniform: [0.6, 1.6]}
                engine.pipeline.stages.signed.advance: {uniform: [0.5, 0.7]}
            """
        let spec = try runtime.load(text: text, file: "s.yaml")
        let outcome = try runtime.sensitivity(spec, text: text, file: "s.yaml", baseFolder: nil, workers: 2)
        #expect(outcome.indices.map(\.output.id) == ["p_target_met", "module:target-tracker/target-tracker.industries/Intelligent technology/0"])
        let cell = outcome.indices[1].rows
        #expect(cell[0].first > 0, "μ* of effort on the module cell: \(cell[0].first)")
        // A cell that is not there: located at the output, with what there is.
        let bad = text.replacingOccurrences(of: "Intelligent technology/0", with: "Aerospace/0")
        let badSpec = try runtime.load(text: bad, file: "s.yaml")
        #expect {
            try runtime.sensitivity(badSpec, text: bad, file: "s.yaml", baseFolder: nil, workers: 1)
        } throws: { e in
            let e = e as? ScenarioFileError
            return e?.location.line == 11 && (e?.message.contains("no row \"Aerospace\"") ?? false)
        }
    }

    /// The growth estimate's assumptions are inputs like any other: a dotted path into the
    /// scenario's calibration.estimation block changes the posterior (one key of a seasonal share).
    @Test func estimationAssumptionsAreSettable() throws {
        let runtime = ScenarioRuntime(catalogue: .builtin)
        func posterior(_ overrides: [String]) throws -> Double {
            let p = try runtime.prepare(try runtime.load(
                text: "id: t\ntitle: t\n", file: "t.yaml", overrides: try overrides.map { try ParameterOverride.parse(commandLine: $0) }))
            return try #require(p.calibration.growthPosterior).quantile(year: 2021, 0.5)
        }
        let base = try posterior([])
        // A larger Q1 share means a smaller year for the same Q1 figure.
        #expect(try posterior(["calibration.estimation.seasonal_shares.3.share=0.30"]) < base - 0.05)
        #expect(try posterior(["calibration.estimation.prior.volatility_median=0.3"]) != base)
    }
}

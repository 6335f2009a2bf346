import ScenarioTestSupport
import BuiltinModules
import Foundation
import ScenarioRuntime
import Testing
@testable import ScenarioFiles

/// Inputs a hostile or careless user writes: each is a located error, never a trap or a hang.
@Suite struct HostileInputTests {
    func error(_ text: String, overrides: [String] = []) -> ScenarioFileError? {
        do {
            _ = try TestScenario.load(text: text, file: "h.yaml", overrides: try overrides.map { try ParameterOverride.parse(commandLine: $0) })
            return nil
        } catch let e as ScenarioFileError {
            return e
        } catch {
            Issue.record("not a located error: \(error)")
            return nil
        }
    }

    /// A "billion laughs": nested aliases that expand to 10⁷ values are refused at once, at the
    /// value where the limit is reached, before any step could expand them.
    @Test func aliasExpansionIsLimited() throws {
        let text = """
            id: t
            title: t
            description: &a [x, x, x, x, x, x, x, x, x, x]
            variants:
              v1: {engine.effort_scale: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]}
              v2: {engine.effort_scale: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]}
              v3: {engine.effort_scale: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]}
              v4: {engine.effort_scale: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]}
              v5: {engine.effort_scale: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]}
              v6: {engine.effort_scale: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]}
            """
        let start = Date()
        let e = try #require(error(text))
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(e.message.contains("expands to more than 100000 values"), "\(e)")
        #expect(e.location.line > 1)
        let deep = "id: t\ntitle: t\ndescription: " + String(repeating: "[", count: 80) + String(repeating: "]", count: 80) + "\n"
        #expect(error(deep)?.message.contains("nested more than 64 levels") == true)
    }

    /// Many sweep axes whose product overflows Int: refused by the point limit.
    @Test func sweepSizeDoesNotOverflow() throws {
        let axes = (0..<70).map { "  engine.axis\($0): [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9]" }
        let text = "id: t\ntitle: t\nsweep:\n" + axes.joined(separator: "\n") + "\n"
        let e = try #require(error(text))
        #expect(e.message.contains("more than 200 points"), "\(e)")
        #expect(e.location.line == 4 || e.location.line == 3)
    }

    /// A base year at or after the default target year, with a major project: a located error
    /// at `plan.base_year`, not a trap on the range of forecast years.
    @Test func baseYearAfterTargetYear() throws {
        let text = """
            id: t
            title: t
            plan: {base_year: 2025}
            engine:
              major_projects:
                - {name: p, industry: new_energy, amount_yi: 10, probability: 1, year: 2026}
            """
        let e = try #require(error(text))
        #expect(e.keyPath == "plan.base_year" && e.location.line == 3, "\(e)")
        #expect(e.message.contains("target_year"))
    }

    /// A seed as large as `--seed` accepts, and `xK` on a whole number.
    @Test func largestSeedAndWholeFactors() throws {
        let text = "id: t\ntitle: t\nengine: {draws: 300, seed: 18446744073709551615}\n"
        let s = try TestScenario.load(text: text, file: "s.yaml")
        #expect(s.parameters.seed == UInt64.max)
        let doubled = try TestScenario.load(
            text: "id: t\ntitle: t\nengine: {draws: 300}\n", file: "s.yaml",
            overrides: [try ParameterOverride.parse(commandLine: "engine.draws=x2")])
        #expect(doubled.parameters.draws == 600)
        let e = try #require(error("id: t\ntitle: t\nengine: {draws: 301}\n", overrides: ["engine.draws=x0.5"]))
        #expect(e.message.contains("whole number"), "\(e)")
        #expect(e.location.file == "--set engine.draws=x0.5")
    }

    /// Errors in variants and sweeps point at the override, not at the document's 1:1.
    @Test func variantAndSweepErrorsPointAtTheOverride() throws {
        let variant = try #require(error("id: t\ntitle: t\nvariants:\n  a: {engine.draws: 5, engine.x: 1}\n"))
        #expect(variant.location.line == 4 && variant.location.column > 1, "\(variant)")
        let sweep = try #require(error("id: t\ntitle: t\nsweep:\n  engine.effort_scal: [1, 2]\n"))
        #expect(sweep.location.line == 4, "\(sweep)")
        #expect(sweep.message.contains("did you mean \"effort_scale\""))
    }

    /// An empty carrier catalogue in a dataset and a major project without a carrier.
    @Test func emptyCarrierCatalogue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-carriers-\(UUID().uuidString)")
        let source = try EmbeddedDatasetsFolder.binhaiDefault()
        try FileManager.default.copyItem(at: source, to: folder)
        let carriers = folder.appendingPathComponent("carriers.csv")
        let header = try String(contentsOf: carriers, encoding: .utf8).split(separator: "\n")[0]
        try (header + "\n").write(to: carriers, atomically: true, encoding: .utf8)
        let text = """
            id: t
            title: t
            dataset: \(folder.path)
            engine:
              major_projects:
                - {name: p, industry: new_energy, amount_yi: 10, probability: 1, year: 2023}
            """
        let e = try #require(error(text))
        #expect(e.message.contains("carrier"), "\(e)")
        #expect(e.location.line >= 5 || e.location.file.contains("carriers.csv"), "\(e)")
    }
}

import Datasets
enum EmbeddedDatasetsFolder {
    static func binhaiDefault() throws -> URL { try EmbeddedDatasets.binhaiDefault }
}

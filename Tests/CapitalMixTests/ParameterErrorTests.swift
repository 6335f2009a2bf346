import Foundation
import ScenarioKit
import ScenarioKitTesting
import Testing
@testable import CapitalMix

/// Bad parameters give an error located at the parameter (and map key) responsible: a
/// `ParameterError` from the schema, or a `ModuleError` from the module's own checks.
@Suite struct ParameterErrorTests {
    func moduleError(_ parameters: RawParameter, context: ModuleContext = .testing()) throws -> ModuleError {
        try #require(try ModuleHarness.moduleError(CapitalMixModule.self, parameters: parameters, context: context))
    }

    @Test func sharesNotSummingToOneNameTheSource() throws {
        let e = try moduleError(["ownership_state": ["beijing": 0.8]])
        #expect(e.module == "capital-mix")
        #expect(e.keyPath == "ownership_state.beijing")
        #expect(e.message.contains("source beijing"))
        #expect(e.message.contains("sum to 1.2"))
        #expect(e.message.contains("private 0.4 (default)"))
        // Setting both classes fixes it.
        #expect(try ModuleHarness.moduleError(
            CapitalMixModule.self, parameters: ["ownership_state": ["beijing": 0.8], "ownership_private": ["beijing": 0.2]]) == nil)
        // A share written for one source only (other_domestic foreign 0.1 → 1.1).
        let other = try moduleError(["ownership_foreign": ["other_domestic": 0.1]])
        #expect(other.keyPath == "ownership_foreign.other_domestic")
        #expect(other.message.contains("other_domestic") && other.message.contains("1.1"))
    }

    @Test func unknownSourceWithSuggestion() throws {
        let e = try moduleError(["ownership_state": ["beijng": 0.6]])
        #expect(e.keyPath == "ownership_state.beijng")
        #expect(e.isAboutKey)
        #expect(e.message.contains("unknown source \"beijng\""))
        #expect(e.message.contains("did you mean \"beijing\"?"))
        // Names are accepted as keys.
        #expect(try ModuleHarness.moduleError(
            CapitalMixModule.self, parameters: ["ownership_state": ["北京": 0.5], "ownership_private": ["北京": 0.5]]) == nil)
    }

    /// A dataset source with no built-in default and no shares given.
    @Test func sourceWithoutShares() throws {
        var sources = TestCatalogues.sources
        sources.append(CatalogueEntry(id: "hebei", name: LocalizedText(zh: "河北", en: "Hebei"), weight: 1))
        let e = try moduleError([:], context: .testing(sources: sources))
        #expect(e.keyPath == "ownership_state")
        #expect(e.message.contains("hebei") && e.message.contains("ownership_private.hebei"))
        let ok = try ModuleHarness.moduleError(
            CapitalMixModule.self, parameters: ["ownership_state": ["hebei": 0.3], "ownership_private": ["hebei": 0.7]],
            context: .testing(sources: sources))
        #expect(ok == nil)
    }

    @Test func negativeFund() throws {
        // The schema rejects it first (bounds), at the parameter.
        let p = try #require(ModuleHarness.parameterError(CapitalMixModule.self, parameters: ["fund_per_year_yi": -5]))
        #expect(p.keyPath == "fund_per_year_yi")
        #expect(p.message.contains("from 0") && p.message.contains("got -5"))
        let y = try #require(ModuleHarness.parameterError(CapitalMixModule.self, parameters: ["fund_by_year_yi": ["2022": -3]]))
        #expect(y.keyPath == "fund_by_year_yi.2022")
        // The module checks again when built from parameters that skipped the schema.
        var values = try CapitalMixModule.descriptor.validate(nil).values
        values["fund_per_year_yi"] = .number(-5)
        #expect(throws: ModuleError(
            module: "capital-mix", keyPath: "fund_per_year_yi", message: "the fund must be an amount ≥ 0 亿元 a year, got -5")) {
            try CapitalMixModule(parameters: ModuleParameters(values: values), context: .testing())
        }
        // A year outside the forecast.
        let outside = try moduleError(["fund_by_year_yi": ["2030": 10]])
        #expect(outside.keyPath == "fund_by_year_yi.2030" && outside.isAboutKey)
        #expect(outside.message.contains("2021 to 2025"))
    }

    @Test func infeasibleTargetMixNamesTheRange() throws {
        // Default categories all attract private 0.78: 0.6 is out of range.
        let e = try moduleError(["target_mix": ["private": 0.6]])
        #expect(e.keyPath == "target_mix.private")
        #expect(e.message.contains("0.6 cannot be reached"))
        #expect(e.message.contains("from 0.78 to 0.78"))
        // With categories that span the range, 0.6 works …
        let spread: RawParameter = [
            "category_state": ["petrochemicals": 0.7, "aerospace": 0.5], "category_private": ["petrochemicals": 0.3, "aerospace": 0.3],
            "category_foreign": ["aerospace": 0.2], "target_mix": ["private": 0.6],
        ]
        #expect(try ModuleHarness.moduleError(CapitalMixModule.self, parameters: spread) == nil)
        // … but state 0.6 with foreign 0.2 is jointly out of reach although each is in its range
        // (state 0.22–0.7, foreign 0–0.2): foreign 0.2 needs every yuan in aerospace, whose
        // capital is state 0.5.
        let joint = try moduleError([
            "category_state": ["petrochemicals": 0.7, "aerospace": 0.5], "category_private": ["petrochemicals": 0.3, "aerospace": 0.3],
            "category_foreign": ["aerospace": 0.2], "target_mix": ["state": 0.6, "foreign": 0.2],
        ])
        #expect(joint.keyPath == "target_mix")
        #expect(joint.message.contains("not all at once"))
        // Shares above 1 together.
        let sum = try moduleError(["target_mix": ["state": 0.7, "private": 0.5]])
        #expect(sum.keyPath == "target_mix" && sum.message.contains("sum to 1.2"))
        // Unknown class: the schema's allowed keys, with a suggestion.
        let cls = try #require(ModuleHarness.parameterError(CapitalMixModule.self, parameters: ["target_mix": ["privat": 0.6]]))
        #expect(cls.keyPath == "target_mix.privat" && cls.message.contains("did you mean \"private\"?"))
    }

    @Test func categoryOverridesAreChecked() throws {
        let unknown = try moduleError(["priority": ["new_enrgy": 2]])
        #expect(unknown.keyPath == "priority.new_enrgy" && unknown.message.contains("did you mean \"new_energy\"?"))
        let both = try moduleError(["category_leverage": ["new_energy": 3], "support_rate": ["new_energy": 0.25]])
        #expect(both.keyPath == "support_rate.new_energy" && both.message.contains("both"))
        let shares = try moduleError(["category_state": ["automotive": 0.5]])
        #expect(shares.keyPath == "category_state.automotive" && shares.message.contains("category automotive"))
        let minimums = try moduleError(["minimum_yi": ["intelligent_tech": 60, "new_energy": 50]])
        #expect(minimums.keyPath == "minimum_yi" && minimums.message.contains("110") && minimums.message.contains("F = 100"))
        let zero = try moduleError(["priority": [
            "intelligent_tech": 0, "biomedicine": 0, "new_energy": 0, "new_materials": 0, "equipment": 0, "petrochemicals": 0,
            "automotive": 0, "aerospace": 0,
        ]])
        #expect(zero.keyPath == "priority")
        let negative = try moduleError(["may_be_negative": ["equipment", "oter"]])
        #expect(negative.keyPath == "may_be_negative[1]" && negative.message.contains("did you mean \"other\"?"))
    }

    @Test func categoriesFileErrorsNameFileLineAndColumn() throws {
        let folder = try TestFolders.folder(files: [
            "bad-number.csv": "id,priority,leverage\na,1,2\nb,x,2\n",
            "bad-column.csv": "id,priorty\na,1\n",
            "bad-shares.csv": "id,priority,state,private\na,1,0.5,0.6\n",
            "both.csv": "id,priority,leverage,support_rate\na,1,2,0.3\n",
        ])
        func error(_ file: String) throws -> ModuleError {
            try moduleError(["categories": .scalar(file)], context: .testing(datasetFolder: folder))
        }
        let n = try error("bad-number.csv")
        #expect(n.keyPath == "categories" && n.message.contains("bad-number.csv: line 3, column priority"))
        let c = try error("bad-column.csv")
        #expect(c.message.contains("unknown column \"priorty\"") && c.message.contains("did you mean \"priority\"?"))
        let s = try error("bad-shares.csv")
        #expect(s.message.contains("line 2") && s.message.contains("sum to 1.1"))
        let b = try error("both.csv")
        #expect(b.message.contains("not both"))
        let missing = try error("nope.csv")
        #expect(missing.message.contains("nope.csv"))
    }
}

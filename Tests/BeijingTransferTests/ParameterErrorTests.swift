import ScenarioKit
import ScenarioKitTesting
import Testing
@testable import BeijingTransfer

/// Bad parameters give errors located at the parameter responsible (key path), naming the tier
/// and state, with a suggestion for misspelt ids.
@Suite struct ParameterErrorTests {
    func moduleError(_ parameters: RawParameter, context: ModuleContext = .testing()) throws -> ModuleError {
        try #require(try ModuleHarness.moduleError(BeijingTransferModule.self, parameters: parameters, context: context))
    }

    @Test func probabilitiesSummingAboveOne() throws {
        // contacted in central_soe: p_negotiate 0.7 + p_withdraw_contacted 0.4 = 1.1.
        let sum = try moduleError([
            "p_negotiate": ["central_soe": 0.7, "zgc_tech": 0.4, "market": 0.4],
            "p_withdraw_contacted": ["central_soe": 0.4, "zgc_tech": 0.2, "market": 0.25],
        ])
        #expect(sum.module == "beijing-transfer")
        #expect(sum.keyPath == "p_negotiate.central_soe")
        #expect(sum.message.contains("tier central_soe"))
        #expect(sum.message.contains("state contacted"))
        #expect(sum.message.contains("exceed 1"))
    }

    @Test func unknownIndustryWithSuggestion() throws {
        let e = try moduleError(["industry": ["central_soe=other", "zgc_tech=intelligent_tec", "market=other"]])
        #expect(e.keyPath == "industry[1]")
        #expect(e.message.contains("unknown industry \"intelligent_tec\""))
        #expect(e.message.contains("did you mean \"intelligent_tech\""))
        let carrier = try moduleError(["carrier": ["central_soe=development_zone", "zgc_tech=development_zones", "market=development_zones"]])
        #expect(carrier.keyPath == "carrier[0]" && carrier.message.contains("did you mean \"development_zones\""))
        let malformed = try moduleError(["industry": ["central_soe other"]])
        #expect(malformed.keyPath == "industry[0]" && malformed.message.contains("tier=value"))
    }

    @Test func unknownSource() throws {
        let e = try moduleError(["source": "bejing"])
        #expect(e.keyPath == "source")
        #expect(e.message.contains("unknown source \"bejing\""))
        #expect(e.message.contains("did you mean \"beijing\""))
    }

    @Test func negativeCandidates() throws {
        // The schema rejects it first (bounds on every map value) ...
        let p = try #require(ModuleHarness.parameterError(BeijingTransferModule.self, parameters: ["candidates": ["central_soe": -5, "zgc_tech": 150, "market": 180]]))
        #expect(p.keyPath == "candidates.central_soe")
        #expect(p.message.contains("from 0 to"))
        // ... and the module itself when given unvalidated values.
        var values = try BeijingTransferModule.descriptor.validate(nil).values
        values["candidates"] = .numberMap(["central_soe": -5, "zgc_tech": 150, "market": 180])
        #expect {
            try BeijingTransferModule(parameters: ModuleParameters(values: values), context: .testing())
        } throws: { e in
            guard let m = e as? ModuleError else { return false }
            return m.keyPath == "candidates.central_soe" && m.message.contains("≥ 0")
        }
    }

    @Test func unknownTierKeysAndMissingValues() throws {
        let e = try moduleError(["candidates": ["central_soe": 150, "zgc_tech": 150, "markt": 180]])
        #expect(e.keyPath == "candidates.markt" && e.isAboutKey)
        #expect(e.message.contains("did you mean \"market\""))
        // A tier without a required value: the map is named.
        let missing = try moduleError(["tiers": ["central_soe", "zgc_tech", "market", "hospitals"]])
        #expect(missing.keyPath == "candidates")
        #expect(missing.message.contains("tier hospitals"))
        // Dropping a tier keeps the untouched defaults valid.
        let m = try TestSupport.module(["tiers": ["market"]])
        #expect(m.tiers.map(\.settings.id) == ["market"])
        let twice = try moduleError(["tiers": ["market", "market"]])
        #expect(twice.keyPath == "tiers[1]")
    }

    @Test func stateThatNeverLeaves() throws {
        let e = try moduleError([
            "p_sign": ["central_soe": 0, "zgc_tech": 0.45, "market": 0.4],
            "p_withdraw_negotiating": ["central_soe": 0, "zgc_tech": 0.15, "market": 0.15],
        ])
        #expect(e.keyPath == "p_sign.central_soe")
        #expect(e.message.contains("state negotiating"))
    }

    @Test func yearsOutsideTheForecast() throws {
        let late = try moduleError(["target_cumulative_yi": 3500, "target_year": 2027])
        #expect(late.keyPath == "target_year" && late.message.contains("2021 to 2025"))
        let from = try moduleError(["progress_from": 2019])
        #expect(from.keyPath == "progress_from")
        let lag = try moduleError(["investment_lag": ["market": 1.5]])
        #expect(lag.keyPath == "investment_lag.market")
    }

    /// The descriptor passes the catalogue's checks; every parameter has a default and help in
    /// both languages; assumptions say so.
    @Test func descriptor() throws {
        var catalogue = ModuleCatalogue()
        try catalogue.register(BeijingTransferModule.self)
        let d = BeijingTransferModule.descriptor
        #expect(d.id == "beijing-transfer" && d.version == "1.0.0")
        #expect(d.title == LocalizedText(zh: "北京非首都功能疏解承接", en: "Transfer of Beijing non-capital functions"))
        #expect(d.schemaProblems().isEmpty)
        for p in d.parameters {
            #expect(p.defaultValue != nil, "\(p.name) has a default")
            #expect(!p.help.zh.isEmpty && !p.help.en.isEmpty)
        }
        for name in ["p_contact", "p_withdraw_signed", "candidates", "new_candidates", "work_teams"] {
            let help = try #require(d.parameters.first { $0.name == name }).help
            #expect(help.en.contains("ASSUMPTION") && help.zh.contains("假设"), "\(name)")
        }
        let work = try #require(d.parameters.first { $0.name == "work_teams" })
        #expect(work.help.en.contains("1 − (1 − p)^(work_teams/reference_work_teams)"))
        let newCandidates = try #require(d.parameters.first { $0.name == "new_candidates" })
        #expect(newCandidates.help.en.contains("calibration") && newCandidates.help.en.contains("759.7"))
    }
}

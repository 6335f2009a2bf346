import ScenarioKit
import ScenarioKitTesting
import Testing
@testable import BeijingTransfer

/// The prepare phase: expected relocation investment as major projects.
@Suite struct PrepareTests {
    static let none: RawParameter = ["central_soe": 0, "zgc_tech": 0, "market": 0]
    static let candidatesOnly: RawParameter = [
        "contacted": none, "negotiating": none, "signed": none, "new_candidates": none,
    ]

    /// With only candidates in the pipeline, a tier's amounts over 2021…2025 sum to
    /// candidates × P(a candidate has relocated by the end of 2025) × investment_yi, with the
    /// probability from numpy.
    @Test func amountsSumToCandidatesTimesRelocationProbability() throws {
        let inputs = try ModuleHarness.prepare(BeijingTransferModule.self, parameters: Self.candidatesOnly)
        let candidates = ["central_soe": 150.0, "zgc_tech": 150, "market": 180]
        let investment = ["central_soe": 6.1, "zgc_tech": 3.0, "market": 12.0]
        let industry = ["central_soe": "other", "zgc_tech": "intelligent_tech", "market": "other"]
        for (id, f) in NumpyFixture.defaultTiers {
            let majors = inputs.majorProjects.filter { $0.name.hasPrefix("beijing-transfer:\(id):") }
            #expect(!majors.isEmpty)
            let sum = majors.reduce(0) { $0 + $1.amount }
            let expected = try #require(candidates[id]) * f.candidateRelocatedWithinYears * (try #require(investment[id]))
            #expect(abs(sum - expected) <= 1e-9 * expected, "\(id): \(sum) vs \(expected)")
            for m in majors {
                #expect(m.probability == 1 && m.source == "beijing" && m.carrier == "development_zones")
                #expect(m.industry == industry[id])
                #expect((2021...2025).contains(m.year))
            }
        }
        // Four steps are needed from candidate to relocated: nothing before the fourth year.
        #expect(inputs.majorProjects.allSatisfy { $0.year >= 2024 })
        #expect(Set(inputs.majorProjects.map(\.name)).count == inputs.majorProjects.count)
    }

    /// Default tiers: one project per tier and year, amount = the numpy expected relocations ×
    /// investment_yi; projects already in the inputs are kept.
    @Test func defaultMajorsPerTierAndYear() throws {
        let existing = MajorProjectInput(
            name: "示例", industry: "new_energy", carrier: "development_zones", source: "other_domestic", amount: 100,
            probability: 0.5, year: 2023)
        var start = EngineInputs.testing()
        start.majorProjects = [existing]
        let inputs = try ModuleHarness.prepare(BeijingTransferModule.self, inputs: start)
        #expect(inputs.majorProjects.first == existing)
        #expect(inputs.majorProjects.count == 1 + 3 * 5)
        for (id, inv) in [("central_soe", 6.1), ("zgc_tech", 3.0), ("market", 12.0)] {
            let f = try #require(NumpyFixture.defaultTiers[id])
            for (y, year) in (2021...2025).enumerated() {
                let m = try #require(inputs.majorProjects.first { $0.name == "beijing-transfer:\(id):\(year)" })
                #expect(m.year == year)
                #expect(TestSupport.close(m.amount, f.relocations[y] * inv))
            }
        }
    }

    @Test func nothingWhenFeedEngineIsFalse() throws {
        let inputs = try ModuleHarness.prepare(BeijingTransferModule.self, parameters: ["feed_engine": false])
        #expect(inputs.majorProjects.isEmpty)
        #expect(inputs == EngineInputs.testing())
    }

    /// investment_lag shifts the start of investment; what would start after 2025 is left out.
    @Test func investmentLag() throws {
        let inputs = try ModuleHarness.prepare(
            BeijingTransferModule.self, parameters: ["investment_lag": ["market": 2], "source": "北京"])
        let f = try #require(NumpyFixture.defaultTiers["market"])
        let market = inputs.majorProjects.filter { $0.name.hasPrefix("beijing-transfer:market:") }
        #expect(market.map(\.year) == [2023, 2024, 2025])
        for (k, m) in market.enumerated() {
            #expect(TestSupport.close(m.amount, f.relocations[k] * 12))
            #expect(m.source == "beijing")  // the source given by its Chinese name
        }
        #expect(inputs.majorProjects.filter { $0.name.hasPrefix("beijing-transfer:zgc_tech:") }.count == 5)
    }

    /// A map or list that names some tiers changes only those; the others keep their defaults.
    @Test func partialMapsChangeOnlyTheTiersNamed() throws {
        let base = try TestSupport.module()
        let m = try TestSupport.module(["p_contact": ["central_soe": 0.5], "industry": ["market=equipment"]])
        #expect(TestSupport.tier(m, "central_soe")?.probabilities.advance[0] == 0.5)
        #expect(TestSupport.tier(m, "zgc_tech")?.probabilities == TestSupport.tier(base, "zgc_tech")?.probabilities)
        #expect(TestSupport.tier(m, "market")?.settings.industry == "equipment")
        #expect(TestSupport.tier(m, "zgc_tech")?.settings.industry == "intelligent_tech")
    }

    /// A tier defined in the scenario, with names, industry and carrier by name.
    @Test func customTier() throws {
        let inputs = try ModuleHarness.prepare(
            BeijingTransferModule.self,
            parameters: [
                "tiers": ["hospitals"], "names": ["hospitals=医疗机构|Hospitals"],
                "candidates": ["hospitals": 10], "contacted": [:], "negotiating": [:], "signed": ["hospitals": 4],
                "new_candidates": [:],
                "p_contact": ["hospitals": 0.5], "p_negotiate": ["hospitals": 0.5], "p_sign": ["hospitals": 0.5],
                "p_relocate": ["hospitals": 0.5],
                "p_withdraw_candidate": ["hospitals": 0], "p_withdraw_contacted": ["hospitals": 0],
                "p_withdraw_negotiating": ["hospitals": 0], "p_withdraw_signed": ["hospitals": 0],
                "investment_yi": ["hospitals": 20], "registered_capital_yi": [:],
                "industry": ["hospitals=生物医药"], "carrier": ["hospitals=Cell Valley"],
            ])
        let first = try #require(inputs.majorProjects.first)
        // 4 signed × 0.5 relocate in 2021: 2 relocations × 20 亿元.
        #expect(first.name == "beijing-transfer:hospitals:2021" && first.amount == 40)
        #expect(first.industry == "biomedicine" && first.carrier == "cell_valley")
        // Every unit relocates eventually: candidates 10 + signed 4, all by geometric steps; by
        // 2025 the amounts are a part of 14 × 20 亿元.
        #expect(inputs.majorProjects.reduce(0) { $0 + $1.amount } < 14 * 20)
    }
}

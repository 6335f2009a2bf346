import ScenarioKit
import ScenarioKitTesting
import Testing
@testable import BeijingTransfer

/// Work teams raise the contact probability, p′ = 1 − (1 − p)^(teams/reference).
@Suite struct WorkTeamTests {
    @Test func contactProbabilityFormula() throws {
        // Closed-form values: 1 − 0.65² = 0.5775; 1 − 0.65^0.5 = 1 − √0.65.
        #expect(TestSupport.close(WorkTeamEffect.contactProbability(0.35, ratio: 2), 0.5775))
        #expect(TestSupport.close(WorkTeamEffect.contactProbability(0.35, ratio: 0.5), 1 - 0.65.squareRoot()))
        #expect(WorkTeamEffect.contactProbability(0.35, ratio: 1) == 0.35)
        #expect(WorkTeamEffect.contactProbability(0.35, ratio: 0) == 0)
        #expect(WorkTeamEffect.contactProbability(1, ratio: 0.3) == 1)

        let m = try TestSupport.module(["work_teams": 24])
        let central = try #require(TestSupport.tier(m, "central_soe"))
        #expect(TestSupport.close(central.probabilities.advance[0], 0.5775))
        // Candidates not contacted keep their withdrawal rate: w′ = 0.05 · 0.4225 / 0.65.
        #expect(TestSupport.close(central.probabilities.withdraw[0], 0.05 * 0.4225 / 0.65))
        // Later states are unchanged.
        #expect(central.probabilities.advance[1...] == [0.45, 0.50, 0.70])
        #expect(central.probabilities.withdraw[1...] == [0.15, 0.10, 0.05])
    }

    /// More teams: more relocations (from the fourth year, when the extra contacts arrive) and a
    /// higher P(relocate) from candidate; fewer teams: fewer.
    @Test func moreTeamsMoreRelocations() throws {
        let base = try TestSupport.module()
        let more = try TestSupport.module(["work_teams": 18])
        let fewer = try TestSupport.module(["work_teams": 6])
        for id in ["central_soe", "zgc_tech", "market"] {
            let b = try #require(TestSupport.tier(base, id)), m = try #require(TestSupport.tier(more, id))
            let f = try #require(TestSupport.tier(fewer, id))
            #expect(m.chain.absorption[0, 0] > b.chain.absorption[0, 0])
            #expect(f.chain.absorption[0, 0] < b.chain.absorption[0, 0])
            #expect(m.projection.relocations[0...2] == b.projection.relocations[0...2])
            #expect(m.projection.relocations[3] > b.projection.relocations[3])
            #expect(m.projection.cumulativeRelocations[4] > b.projection.cumulativeRelocations[4])
            #expect(f.projection.cumulativeRelocations[4] < b.projection.cumulativeRelocations[4])
        }
        let sum = { (m: BeijingTransferModule) in m.majorProjects.reduce(0) { $0 + $1.amount } }
        #expect(sum(more) > sum(base) && sum(base) > sum(fewer))
    }

    /// No teams: candidates are never contacted, so only the units already contacted,
    /// negotiating or signed relocate.
    @Test func noTeams() throws {
        let m = try TestSupport.module(["work_teams": 0])
        for tier in m.tiers {
            #expect(tier.probabilities.advance[0] == 0)
            #expect(tier.chain.absorption[0, 0] == 0)
            #expect(TestSupport.close(tier.chain.absorption[0, 1], 1))
        }
    }
}

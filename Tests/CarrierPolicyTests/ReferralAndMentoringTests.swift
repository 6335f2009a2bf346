@testable import CarrierPolicy
import ScenarioKit
import ScenarioKitTesting
import Testing

/// 飞地招商 and 招商帮带 on hand-worked examples.
@Suite struct ReferralAndMentoringTests {
    /// streets_towns (100 a year) refers φ = 0.2 of its projects to development_zones (200 a year),
    /// statistics shared 50/50 for L = 2 years from 2021. Located: 80 and 220 a year. Counted:
    /// origin 80 + 0.5·20 = 90 in 2021–22, then 80 → 2·90 + 3·80 = 420 over 2021–25 (before 500);
    /// destination 2·210 + 3·220 = 1080 (before 1000). The total is unchanged (κ = 0).
    @Test func aTwoCarrierReferralWithAFiftyFiftyShare() throws {
        let results = try ModuleHarness.run(
            CarrierMechanismsModule.self,
            parameters: [
                "towns": false, "referrals": ["streets_towns>development_zones": 0.2],
                "referral_counted_share": ["街镇>开发区": 0.5], "referral_years": ["streets_towns>development_zones": 2],
            ],
            context: try CarrierFixtures.context(), outputs: CarrierFixtures.outputs())
        let t = try #require(results.table("carrier-mechanisms.referrals"))
        let zones = try #require(t.rows.first { $0.label.en == "Development zones" })
        let towns = try #require(t.rows.first { $0.label.en == "Streets and towns" })
        #expect(towns.cells.prefix(4).map(\.value) == [500, 400, 420, -80])
        #expect(zones.cells.prefix(4).map(\.value) == [1000, 1100, 1080, 80])
        #expect(towns.cells[4].value == 80 && zones.cells[4].value == 220)  // 2025: sharing over
        // With κ = 0.5 the destination locates 20 × 1.5 = 30 more a year and the origin counts half of it.
        let kept = try ModuleHarness.run(
            CarrierMechanismsModule.self,
            parameters: [
                "towns": false, "referrals": ["streets_towns>development_zones": 0.2],
                "referral_years": ["streets_towns>development_zones": 2], "referral_recovered": ["streets_towns>development_zones": 0.5],
            ],
            context: try CarrierFixtures.context(), outputs: CarrierFixtures.outputs())
        let k = try #require(kept.table("carrier-mechanisms.referrals"))
        #expect(abs(k.rows.first { $0.label.en == "Development zones" }!.cells[1].value! - 1150) < 1e-9)
        #expect(abs(k.rows.first { $0.label.en == "Streets and towns" }!.cells[2].value! - Double(2 * (80 + 15) + 3 * 80)) < 1e-9)
    }

    /// One stage before landing, a = 0.25, d = 0.25: steady landings F = 0.5 a year. Doubled
    /// (a = 0.5): landings 0.5·2 = 1, then n = 0.25·2 + 1 = 1.5 → 0.75, n = 1.375 → 0.6875, …
    /// towards 0.5/0.75 = 2/3: ratios 2, 1.5, 1.375, 1.34375, 1.3359375 (limit 4/3).
    @Test func aMenteeWhoseAdvanceRateDoubles() throws {
        let r = Mentoring.landingRatios(pipeline: CarrierFixtures.oneStage, factor: 2, startYear: 2021, years: CarrierFixtures.years)
        #expect(r == [2, 1.5, 1.375, 1.34375, 1.3359375])
        let late = Mentoring.landingRatios(pipeline: CarrierFixtures.oneStage, factor: 2, startYear: 2023, years: CarrierFixtures.years)
        #expect(late == [1, 1, 2, 1.5, 1.375])
        // Disbursement 30/40/30: ρ_2021 = 0.3·2 + 0.4·1 + 0.3·1 = 1.3.
        #expect(abs(Mentoring.inPlaceRatios(landing: r, disbursement: [0.3, 0.4, 0.3])[0] - 1.3) < 1e-12)
        // A factor that would push advance + drop-out over 1 is capped: a' = 1 − d.
        let capped = Mentoring.landingRatios(pipeline: CarrierFixtures.oneStage, factor: 10, startYear: 2021, years: [2021])
        #expect(capped == [0.75 * 2 / 0.5])

        let results = try ModuleHarness.run(
            CarrierMechanismsModule.self,
            parameters: ["towns": false, "mentoring": ["development_zones>streets_towns": 2], "mentoring_cost": ["development_zones>streets_towns": 0.01]],
            context: try CarrierFixtures.context(), outputs: CarrierFixtures.outputs())
        let t = try #require(results.table("carrier-mechanisms.mentoring"))
        let first = t.rows[0]
        #expect(first.cells[0].value == 2 && first.cells[1].value == 2)  // disbursement [1]: ρ = r
        #expect(first.cells[2].value == 100 && first.cells[3].value == 200)  // mentee without / with
        #expect(first.cells[4].value == 2 && first.cells[5].value == 98)  // 1 % of 200 lent; +100 − 2
        #expect(first.cells[6].value == 198)
    }

    @Test func pairErrorsAreLocated() throws {
        let context = try CarrierFixtures.context()
        let unknown = try ModuleHarness.moduleError(
            CarrierMechanismsModule.self, parameters: ["towns": false, "referrals": ["villages>development_zones": 0.2]], context: context)
        #expect(unknown?.keyPath == "referrals.villages>development_zones" && unknown!.message.contains("villages"), "\(String(describing: unknown))")
        let shape = try ModuleHarness.moduleError(
            CarrierMechanismsModule.self, parameters: ["towns": false, "mentoring": ["development_zones": 2]], context: context)
        #expect(shape?.keyPath == "mentoring.development_zones" && shape!.message.contains("FROM>TO"))
        let same = try ModuleHarness.moduleError(
            CarrierMechanismsModule.self, parameters: ["towns": false, "referrals": ["streets_towns>街镇": 0.2]], context: context)
        #expect(same!.message.contains("differ"))
        let tooMuch = try ModuleHarness.moduleError(
            CarrierMechanismsModule.self,
            parameters: ["towns": false, "referrals": ["streets_towns>development_zones": 0.7, "streets_towns>cell_valley": 0.6]], context: context)
        #expect(tooMuch!.message.contains("add up to") && (tooMuch!.keyPath ?? "").hasPrefix("referrals."))
        let orphan = try ModuleHarness.moduleError(
            CarrierMechanismsModule.self, parameters: ["towns": false, "referral_years": ["streets_towns>development_zones": 2]], context: context)
        #expect(orphan?.keyPath == "referral_years.streets_towns>development_zones")
        // Shares outside [0, 1] fail the schema, at the key.
        let outside = ModuleHarness.parameterError(CarrierMechanismsModule.self, parameters: ["referrals": ["streets_towns>development_zones": 1.5]])
        #expect(outside?.keyPath == "referrals.streets_towns>development_zones", "\(String(describing: outside))")
        let counted = ModuleHarness.parameterError(CarrierMechanismsModule.self, parameters: ["referral_counted_share": ["a>b": -0.1]])
        #expect(counted?.keyPath == "referral_counted_share.a>b", "\(String(describing: counted))")
        let start = try ModuleHarness.moduleError(CarrierMechanismsModule.self, parameters: ["towns": false, "referral_start": 2019], context: context)
        #expect(start?.keyPath == "referral_start")
    }

    @Test func keepsTheContract() throws {
        try ModuleHarness.verifyContract(
            CarrierMechanismsModule.self,
            parameters: [
                "referrals": ["streets_towns>development_zones": 0.2], "mentoring": ["development_zones>streets_towns": 1.5],
            ],
            context: try CarrierFixtures.context(), outputs: CarrierFixtures.outputs())
    }
}

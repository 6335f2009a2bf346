import ScenarioKit

/// 飞地招商: projects one carrier (the origin) finds but cannot host are referred to another
/// (the destination), with the investment statistics shared for a number of years.
///
/// Rule per draw and forecast year y ≥ `startYear` (docs/MODULES.md, "carrier-mechanisms"):
///
///     referred_y  = φ × I_origin,y                       (φ = `share`: part of the origin's projects referred)
///     located:    origin − referred_y,  destination + referred_y × (1 + κ)
///     counted:    origin + σ × referred_y × (1 + κ) while y < startYear + L, destination the rest
///
/// κ = `recovered` is the extra investment the referral keeps in the area (projects the origin
/// would otherwise have lost; 0 = the referral only moves projects), σ = `originCountedShare`,
/// L = `sharingYears` (a sharing agreement of L years from the start). "Before referral" is the
/// engine's carrier split. The total changes only by κ.
struct Referral: Sendable, Equatable {
    var origin: String
    var destination: String
    var share: Double
    var originCountedShare: Double
    var sharingYears: Int
    var recovered: Double
    var startYear: Int

    /// Located and counted investment of every carrier after all referrals, per draw (亿元).
    /// `carriers` are the engine's carrier tables ("before").
    static func apply(
        _ referrals: [Referral], carriers: [String: DrawTable], years: [Int]
    ) -> (located: [String: [Double]], counted: [String: [Double]]) {
        var located = carriers.mapValues(\.values), counted = located
        guard let any = carriers.values.first else { return (located, counted) }
        let N = any.draws
        for r in referrals {
            guard let from = carriers[r.origin] else { continue }
            for (y, year) in years.enumerated() where year >= r.startYear {
                let sharing = year < r.startYear + r.sharingYears
                for d in 0..<N {
                    let k = y * N + d
                    let referred = r.share * from.values[k]
                    let arriving = referred * (1 + r.recovered)
                    located[r.origin]![k] -= referred
                    located[r.destination]![k] += arriving
                    let toOrigin = sharing ? r.originCountedShare * arriving : 0
                    counted[r.origin]![k] += toOrigin - referred
                    counted[r.destination]![k] += arriving - toOrigin
                }
            }
        }
        return (located, counted)
    }
}

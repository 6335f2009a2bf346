/// The default relocation tiers. Every number here is an ASSUMPTION except the per-relocation
/// amounts marked "published": the tiers are sized so that the expected flow is about 96
/// relocations and 655 亿元 of investment a year, in the range of the published 2022–2024 Beijing
/// major-project figures (62 projects / 620.8 亿元 in 2022, 95 / 641.2 in 2023, 111 / 759.7 in
/// 2024; docs/BINHAI-FACTS.md). The initial pipeline (candidates, contacted, negotiating, signed)
/// is the steady state n·N[candidate, ·] of the yearly inflow n (rounded), so that the flow is
/// about level from the first forecast year instead of starting empty.
struct DefaultTier {
    var id: String
    var zh: String
    var en: String
    /// Candidates, contacted, negotiating, signed at the start of the first forecast year.
    var initial: [Double]
    var newCandidates: Double
    /// Advance probability out of candidate, contacted, negotiating, signed.
    var advance: [Double]
    /// Withdrawal probability out of the same states.
    var withdraw: [Double]
    var investmentYi: Double
    var registeredCapitalYi: Double
    var industry: String
    var carrier: String

    static let all: [DefaultTier] = [
        // Central-SOE tier-2/3 subsidiaries and functional institutions: policy-driven, slow to
        // contact but likely to complete. 6.1 亿元 per project: 171 亿元 / 28 projects (2021 Q1,
        // published); registered capital 5.8 亿元: 715.7 亿元 / 123 institutions (2022, published).
        DefaultTier(
            id: "central_soe", zh: "央企二三级企业及机构", en: "Central-SOE tier-2/3 firms",
            initial: [150, 88, 66, 44], newCandidates: 60,
            advance: [0.35, 0.45, 0.50, 0.70], withdraw: [0.05, 0.15, 0.10, 0.05],
            investmentYi: 6.1, registeredCapitalYi: 5.8, industry: "other", carrier: "development_zones"),
        // 中关村-linked technology firms (major projects only; the 2021 Q1 average over all 209 new
        // firms was 72.8 / 209 ≈ 0.35 亿元, so 3 亿元 for a major project is an assumption).
        DefaultTier(
            id: "zgc_tech", zh: "中关村关联科技企业", en: "ZGC-linked tech firms",
            initial: [150, 125, 83, 44], newCandidates: 90,
            advance: [0.50, 0.40, 0.45, 0.80], withdraw: [0.10, 0.20, 0.15, 0.05],
            investmentYi: 3.0, registeredCapitalYi: 1.0, industry: "intelligent_tech", carrier: "development_zones"),
        // Other market-driven relocations (市场化机制), larger projects, more withdrawals in talks.
        DefaultTier(
            id: "market", zh: "其他市场化企业", en: "Market-driven firms",
            initial: [180, 111, 81, 40], newCandidates: 90,
            advance: [0.40, 0.40, 0.40, 0.75], withdraw: [0.10, 0.25, 0.15, 0.05],
            investmentYi: 12.0, registeredCapitalYi: 2.0, industry: "other", carrier: "development_zones"),
    ]

    static var ids: [String] { all.map(\.id) }

    /// `tier → value` for every default tier.
    static func map(_ value: (DefaultTier) -> Double) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.id, value($0)) })
    }
}

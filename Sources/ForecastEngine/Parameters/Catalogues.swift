import Vocabulary


/// An industry of the catalogue (default: the 1+3+4 system plus 其他).
public struct Industry: Sendable, Equatable, Identifiable {
    /// ASCII identifier used in scenario files, e.g. `intelligent_tech`.
    public var id: String
    public var name: LocalizedText
    /// Relative weight of this industry among new leads (normalised over the catalogue; ≥ 0).
    public var leadShare: Double

    public init(id: String, name: LocalizedText, leadShare: Double) {
        self.id = id
        self.name = name
        self.leadShare = leadShare
    }
}

/// What kind of place a carrier is.
public enum CarrierKind: String, Sendable, Equatable, CaseIterable {
    /// 开发区 (development zone): the main force of investment attraction.
    case developmentZone = "development_zone"
    /// 街镇 (streets and towns, 一镇一产业).
    case streetTown = "street_town"
    /// A themed park of 四谷一中心.
    case themedPark = "themed_park"
}

/// A carrier (载体): where a project lands.
public struct Carrier: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var kind: CarrierKind
    /// Relative weight among new leads (normalised; ≥ 0).
    public var leadShare: Double

    public init(id: String, name: LocalizedText, kind: CarrierKind, leadShare: Double) {
        self.id = id
        self.name = name
        self.kind = kind
        self.leadShare = leadShare
    }
}

/// The role of a source in calibration and currency.
public enum SourceRole: String, Sendable, Equatable, CaseIterable {
    /// Projects from Beijing (非首都功能疏解): domestic, 亿元; calibrated to the Beijing share of domestic.
    case beijing
    /// Other domestic projects: 亿元; calibrated to the rest of 实际利用内资.
    case otherDomestic = "other_domestic"
    /// Foreign projects: amounts in 亿美元, converted with the exchange-rate path; calibrated to 实际利用外资.
    case foreign

    /// True for the foreign role (amounts in USD).
    public var isForeign: Bool { self == .foreign }
}

/// A source (origin) of projects, with its own lead arrival rate and project-size distribution.
public struct Source: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var role: SourceRole
    /// λ_s: new leads per year (projects of all sizes) in the base year, before effort.
    /// Normally set by calibration.
    public var leadArrivalRate: Double
    /// Multiplier on this source's lead arrivals in forecast years (the scenario key
    /// `sources.<id>.lead_rate: "x0.7"`). History (years ≤ B) is not affected. Default 1.
    public var leadRateMultiplier: Double
    /// γ_s − 1: yearly trend growth of lead arrivals, applied to the history before B (balanced-growth
    /// start) and to forecast years (λ_s·γ_s^(t−B)). Normally set by calibration. Default 0.
    public var trendGrowth: Double
    /// Size of one project, in the source's currency (亿元, or 亿美元 for foreign).
    public var projectSize: ProjectSizeDistribution
    /// Optional industry weights for this source (industry id → weight); nil uses the catalogue's
    /// `leadShare`. Missing industries get weight 0.
    public var industryShares: [String: Double]?

    public init(
        id: String, name: LocalizedText, role: SourceRole, leadArrivalRate: Double,
        leadRateMultiplier: Double = 1, trendGrowth: Double = 0,
        projectSize: ProjectSizeDistribution, industryShares: [String: Double]? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.leadArrivalRate = leadArrivalRate
        self.leadRateMultiplier = leadRateMultiplier
        self.trendGrowth = trendGrowth
        self.projectSize = projectSize
        self.industryShares = industryShares
    }

    /// Default sources `beijing`, `other_domestic`, `foreign`. Lead rates are placeholders to be
    /// replaced by calibration; size distributions are assumptions (domestic mean ≈ 0.22 亿元,
    /// foreign mean ≈ 0.04 亿美元, 3 % of projects in a Pareto tail with α = 2.2).
    public static let catalogue: [Source] = [
        Source(
            id: "beijing", name: .init(zh: "北京", en: "Beijing"), role: .beijing, leadArrivalRate: 6000,
            projectSize: ProjectSizeDistribution(
                bodyLogMean: -2.3, bodyLogStandardDeviation: 1.2, tailWeight: 0.04,
                tailMinimum: 1.0, tailExponent: 2.2)),
        Source(
            id: "other_domestic", name: .init(zh: "其他内资", en: "Other domestic"), role: .otherDomestic,
            leadArrivalRate: 12000,
            projectSize: ProjectSizeDistribution(
                bodyLogMean: -2.5, bodyLogStandardDeviation: 1.2, tailWeight: 0.03,
                tailMinimum: 1.0, tailExponent: 2.2)),
        Source(
            id: "foreign", name: .init(zh: "外资", en: "Foreign"), role: .foreign, leadArrivalRate: 3000,
            projectSize: ProjectSizeDistribution(
                bodyLogMean: -4.0, bodyLogStandardDeviation: 1.3, tailWeight: 0.03,
                tailMinimum: 0.15, tailExponent: 2.2)),
    ]
}

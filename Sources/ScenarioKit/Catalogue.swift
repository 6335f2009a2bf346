/// An entry of a scenario's catalogue as modules see it: an industry, a carrier or a source.
public struct CatalogueEntry: Sendable, Equatable {
    /// Identifier used in scenario files, e.g. `new_energy`, `development_zones`, `beijing`.
    public var id: String
    /// Display name in Chinese and English (e.g. 新能源 / New energy).
    public var name: LocalizedText
    /// Relative weight among new leads (industries, carriers) or the lead-rate multiplier (sources).
    public var weight: Double

    /// An entry with identifier `id`, bilingual `name` and `weight` (see `weight` for its meaning per catalogue).
    public init(id: String, name: LocalizedText, weight: Double) {
        self.id = id
        self.name = name
        self.weight = weight
    }
}

/// A named major project (攻坚项目) as modules see and add them. Amounts in 亿元, or 亿美元 for
/// a foreign source.
public struct MajorProjectInput: Sendable, Equatable {
    /// Name of the project, e.g. "电池基地".
    public var name: String
    /// Id of the project's industry in the industry catalogue, e.g. `new_energy`.
    public var industry: String
    /// Id of the carrier (载体) the project lands in, e.g. `development_zones`.
    public var carrier: String
    /// Id of the source the investment comes from, e.g. `beijing`, `foreign`; it decides the
    /// currency of `amount`.
    public var source: String
    /// Total amount of the project in the source's currency: 亿元 (1e8 CNY) for a domestic source,
    /// 亿美元 for a foreign one (converted at the exchange-rate path). Once landed, it is put in place
    /// over the engine's disbursement schedule.
    public var amount: Double
    /// Probability (0 … 1) that the project lands in `year`; in the other draws it adds nothing.
    public var probability: Double
    /// Expected landing year (a forecast year B+1 … T).
    public var year: Int

    /// A major project from its parts (ids, amount in the source's currency, landing probability and year).
    public init(name: String, industry: String, carrier: String, source: String, amount: Double, probability: Double, year: Int) {
        self.name = name
        self.industry = industry
        self.carrier = carrier
        self.source = source
        self.amount = amount
        self.probability = probability
        self.year = year
    }
}

extension CatalogueLookup {
    /// A lookup of `entries` by id or name; `what` names them in messages ("industry").
    public init(what: String, entries: [CatalogueEntry]) {
        self.init(what: what, ids: entries.map(\.id), names: entries.map(\.name))
    }

    /// The entry of `entries` that `text` names (`entries` must be those the lookup was made of).
    public func entry(_ text: String, in entries: [CatalogueEntry]) -> CatalogueEntry? {
        index(of: text).flatMap { $0 < entries.count ? entries[$0] : nil }
    }
}

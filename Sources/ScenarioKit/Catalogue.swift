/// An entry of a scenario's catalogue as modules see it: an industry, a carrier or a source.
public struct CatalogueEntry: Sendable, Equatable {
    /// Identifier used in scenario files, e.g. `new_energy`, `development_zones`, `beijing`.
    public var id: String
    public var name: LocalizedText
    /// Relative weight among new leads (industries, carriers) or the lead-rate multiplier (sources).
    public var weight: Double

    public init(id: String, name: LocalizedText, weight: Double) {
        self.id = id
        self.name = name
        self.weight = weight
    }
}

/// A named major project (攻坚项目) as modules see and add them. Amounts in 亿元, or 亿美元 for
/// a foreign source.
public struct MajorProjectInput: Sendable, Equatable {
    public var name: String
    public var industry: String
    public var carrier: String
    public var source: String
    public var amount: Double
    public var probability: Double
    public var year: Int

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

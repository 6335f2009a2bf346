import ScenarioKit

/// The scenario's industries as the module resolves names: by id (`new_energy`), Chinese name
/// (`新能源`) or English name (case-insensitive, `New energy`) — `CatalogueLookup`'s rules.
struct IndustryCatalogue: Sendable {
    var entries: [CatalogueEntry]

    var lookup: CatalogueLookup { CatalogueLookup(what: "industry", entries: entries) }

    /// The entry named `text`, or nil.
    func entry(named text: String) -> CatalogueEntry? { lookup.entry(text, in: entries) }

    /// Display name of an industry id (its own id if the catalogue lacks it).
    func name(of id: String) -> LocalizedText {
        entries.first { $0.id == id }?.name ?? LocalizedText(id)
    }

    /// Known names for error messages: `id (中文)` each.
    var listing: String {
        entries.map { "\($0.id) (\($0.name.zh))" }.joined(separator: ", ")
    }
}

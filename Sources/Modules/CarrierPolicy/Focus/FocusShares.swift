import ModuleInputs
import ScenarioKit

/// "4-2-1" focus on the lead shares: industry i's lead weight s_i becomes s_i × (1 + intensity ×
/// f_i), f_i = the grouping's focus weight (ratio of i's group / largest ratio, 0 outside the
/// groups). The weights are relative, so the focus moves leads towards the groups at the same
/// total effort; intensity 0 leaves the scenario as it is.
enum FocusShares {
    static func apply(_ grouping: FocusGrouping, intensity: Double, to industries: inout [CatalogueEntry]) {
        for k in industries.indices {
            industries[k].weight *= grouping.multiplier(of: industries[k].id, intensity: intensity)
        }
    }

    /// Weights normalised to shares (sum 1; all 0 when the weights are).
    static func shares(_ entries: [CatalogueEntry]) -> [Double] {
        let total = entries.reduce(0) { $0 + $1.weight }
        return entries.map { total > 0 ? $0.weight / total : 0 }
    }
}

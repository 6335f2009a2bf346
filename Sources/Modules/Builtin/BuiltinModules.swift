import BeijingTransfer
import CapitalMix
import IndustryChain
import ScenarioKit

extension ModuleCatalog {
    /// The modules that ship with BinhaiSim, in the order `binhai modules list` shows them.
    /// Built-in modules use the same `ScenarioModule` protocol as external ones (no back doors).
    public static var builtin: ModuleCatalog {
        ModuleCatalog([
            IndustryChainModule.self, BeijingTransferModule.self, CapitalMixModule.self, TargetTrackerModule.self,
            ProjectBatchModule.self,
        ])
    }
}

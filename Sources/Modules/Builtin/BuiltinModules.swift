import BeijingTransfer
import CapitalMix
import CarrierPolicy
import IndustryChain
import ScenarioKit

extension ModuleCatalogue {
    /// The modules that ship with BinhaiSim, in the order `binhai modules list` shows them.
    /// Built-in modules use the same `ScenarioModule` protocol as external ones (no back doors).
    public static var builtin: ModuleCatalogue {
        ModuleCatalogue([
            IndustryChainModule.self, BeijingTransferModule.self, CapitalMixModule.self, TargetTrackerModule.self,
            ProjectBatchModule.self, CarrierMechanismsModule.self, InvestmentFocusModule.self,
        ])
    }
}

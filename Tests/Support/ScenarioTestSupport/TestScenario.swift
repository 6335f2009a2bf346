import BuiltinModules
import Foundation
import ScenarioFiles
import ScenarioKit
import ScenarioRuntime

/// Load and prepare a scenario the way `binhai run` does (spec, then runtime), for tests that
/// look at calibrated parameters and built modules.
public enum TestScenario {
    public static func load(
        text: String, file: String, baseFolder: URL? = nil, overrides: [ParameterOverride] = [],
        catalogue: ModuleCatalogue = .builtin
    ) throws -> PreparedScenario {
        let runtime = ScenarioRuntime(catalogue: catalogue)
        return try runtime.prepare(try runtime.load(text: text, file: file, baseFolder: baseFolder, overrides: overrides))
    }

    public static func load(
        _ url: URL, displayName: String? = nil, overrides: [ParameterOverride] = [], catalogue: ModuleCatalogue = .builtin
    ) throws -> PreparedScenario {
        let runtime = ScenarioRuntime(catalogue: catalogue)
        return try runtime.prepare(try runtime.load(url, displayName: displayName, overrides: overrides))
    }
}

import ArgumentParser
import BuiltinModules
import PluginHost
import ScenarioKit

/// `--plugin PATH` (repeatable) and `BINHAI_PLUGIN_PATH`: external module libraries to load
/// (docs/MODULES.md). Shared by `run`, `validate`, `forecast` and `modules list/describe`.
struct PluginOptions: ParsableArguments {
    @Option(
        name: .customLong("plugin"),
        help: ArgumentHelp(
            "Load external scenario modules from a shared library (.so) or a folder of them (repeatable; also BINHAI_PLUGIN_PATH, colon-separated).",
            valueName: "path"))
    var paths: [String] = []

    /// The built-in modules plus those of `BINHAI_PLUGIN_PATH`, then of every `--plugin`.
    /// - Throws: `PluginLoadError` naming the library and the problem.
    func catalogue() throws -> ModuleCatalogue {
        try PluginLoader.catalogue(.builtin, adding: PluginLoader.environmentPaths() + paths)
    }
}

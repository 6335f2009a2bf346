import Foundation
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
    /// A library of `BINHAI_PLUGIN_PATH` that cannot be loaded is a warning (a command that needs
    /// no plugin still runs; a scenario that uses its module says the module is unknown); one
    /// named with `--plugin` is an error.
    /// - Throws: `PluginLoadError` naming the library and the problem.
    func catalogue() throws -> ModuleCatalogue {
        var usable: [String] = []
        for path in PluginLoader.environmentPaths() {
            do {
                _ = try PluginLoader.catalogue(.builtin, adding: usable + [path])
                usable.append(path)
            } catch {
                FileHandle.standardError.write(Data("warning: BINHAI_PLUGIN_PATH: \(error) (skipped)\n".utf8))
            }
        }
        // One load of everything, so a library named both ways is loaded once.
        return try PluginLoader.catalogue(.builtin, adding: usable + paths)
    }
}

import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-module --id my-share [--output DIR]`:
/// scaffolds a new scenario-module package by running the `binhai-new-module` executable (where the
/// logic lives and is tested). Defaults: `--output <this package>/Modules/<TypeName>` and
/// `--binhai-path <this package>`.
@main
struct NewModulePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "binhai-new-module")
        let packageDirectory = context.package.directoryURL
        var args = arguments
        func has(_ option: String) -> Bool { args.contains { $0 == option || $0.hasPrefix(option + "=") } }
        let wantsHelp = has("--help") || has("-h")
        if !wantsHelp {
            if !has("--output") && !has("--parent") {
                args += ["--parent", packageDirectory.appendingPathComponent("Modules").path]
            }
            if !has("--binhai-path") && !has("--binhai-url") {
                args += ["--binhai-path", packageDirectory.path]
            }
        }
        let process = Process()
        process.executableURL = tool.url
        process.arguments = args
        try process.run()
        process.waitUntilExit()
        if process.terminationReason != .exit || process.terminationStatus != 0 {
            Diagnostics.error("binhai-new-module failed (exit status \(process.terminationStatus))")
            throw NewModuleFailure()
        }
    }
}

struct NewModuleFailure: Error, CustomStringConvertible {
    var description: String { "new-module: the package was not created" }
}

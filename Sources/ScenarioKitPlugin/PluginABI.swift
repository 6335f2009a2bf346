import CBinhaiModuleABI

/// Constants of the plugin C ABI (`binhai_module.h`), shared by the exporter (plugin side) and
/// the loader (host side).
public enum PluginABI {
    /// `BINHAI_MODULE_ABI_VERSION`: the layout of `binhai_module_v1` and the JSON shapes.
    public static let version = UInt32(BINHAI_MODULE_ABI_VERSION)
    /// The C symbol a plugin library exports.
    public static let entrySymbol = BINHAI_MODULE_ENTRY_SYMBOL
    /// `sizeof(binhai_module_v1)`.
    public static let structSize = UInt32(MemoryLayout<binhai_module_v1>.size)

    /// The Swift compiler (language mode major.minor), architecture and OS this code was compiled
    /// with, e.g. `swift-6.3 x86_64-linux`. Compiled into both the host and every plugin (this
    /// file is part of `ScenarioKitPlugin`), so the loader compares like with like: Swift has no
    /// stable ABI on Linux, so a plugin must come from the same toolchain release as the host.
    public static var compilerVersion: String { "swift-\(swiftRelease) \(architecture)-\(operatingSystem)" }

    static var swiftRelease: String {
        #if compiler(>=7.0)
            return "7+"
        #elseif compiler(>=6.9)
            return "6.9"
        #elseif compiler(>=6.8)
            return "6.8"
        #elseif compiler(>=6.7)
            return "6.7"
        #elseif compiler(>=6.6)
            return "6.6"
        #elseif compiler(>=6.5)
            return "6.5"
        #elseif compiler(>=6.4)
            return "6.4"
        #elseif compiler(>=6.3)
            return "6.3"
        #elseif compiler(>=6.2)
            return "6.2"
        #elseif compiler(>=6.1)
            return "6.1"
        #else
            return "6.0"
        #endif
    }

    static var architecture: String {
        #if arch(x86_64)
            return "x86_64"
        #elseif arch(arm64)
            return "arm64"
        #else
            return "other"
        #endif
    }

    static var operatingSystem: String {
        #if os(Linux)
            return "linux"
        #elseif os(macOS)
            return "macos"
        #else
            return "other"
        #endif
    }
}

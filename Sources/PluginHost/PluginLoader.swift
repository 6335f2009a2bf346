import CBinhaiModuleABI
import Foundation
import ScenarioKit
import ScenarioKitPlugin

import LibC

/// A plugin library that could not be loaded: the file and the problem, in one sentence.
public struct PluginLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// No file or folder at the path.
        case missingFile
        /// `dlopen` refused the file (not a shared library, wrong architecture, missing
        /// dependency…): the loader's own text.
        case notALibrary(String)
        /// The library does not export `binhai_module_entry_v1`.
        case missingSymbol(String)
        /// The entry point returned NULL.
        case nullEntry
        /// Built against another version of the plugin ABI.
        case abiVersion(found: UInt32, expected: UInt32)
        /// The function table is smaller than this ABI version's, or a function is missing.
        case malformedTable(String)
        /// Built with another Swift toolchain.
        case toolchain(found: String, expected: String)
        /// The descriptor JSON cannot be read or has schema problems.
        case invalidDescriptor(String)
        /// Another module (built-in or plugin) already has this id.
        case duplicateModule(String)
    }

    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        let what: String
        switch problem {
        case .missingFile: what = "no such file or folder"
        case let .notALibrary(text): what = "not a loadable shared library (\(text))"
        case let .missingSymbol(symbol):
            what = "does not export the entry point \(symbol); a module library declares it with "
                + "@_cdecl(\"\(symbol)\") public func binhaiModuleEntry() -> UnsafeRawPointer { PluginExport.entry(for: MyModule.self) }"
        case .nullEntry: what = "the entry point returned NULL"
        case let .abiVersion(found, expected):
            what = "built for plugin ABI version \(found), this binhai loads version \(expected); rebuild the module against this BinhaiSim"
        case let .malformedTable(text): what = "malformed module table: \(text)"
        case let .toolchain(found, expected):
            what = "built with \(found), this binhai with \(expected); Swift has no stable ABI on Linux: rebuild the module with the same toolchain"
        case let .invalidDescriptor(text): what = "invalid module descriptor: \(text)"
        case let .duplicateModule(text): what = text
        }
        return "plugin \(path): \(what)"
    }
}

/// A module library loaded into the process: its descriptor and its C function table.
public struct LoadedPlugin: Sendable {
    /// The library file (absolute path).
    public let path: String
    public let descriptor: ModuleDescriptor
    let api: PluginAPI

    /// The catalogue entry that builds this module through the plugin's C functions.
    public var catalogEntry: ModuleCatalogue.Entry {
        let api = self.api, descriptor = self.descriptor
        return ModuleCatalogue.Entry(descriptor: descriptor, pluginPath: path) { parameters, context in
            try PluginModule(api: api, descriptor: descriptor, parameters: parameters, context: context)
        }
    }
}

/// The plugin's function table (valid for the life of the process: libraries are never closed).
struct PluginAPI: @unchecked Sendable {
    let table: UnsafePointer<binhai_module_v1>

    /// `body`'s plugin string as a Swift string, released with the plugin's `free_string`.
    func take(_ s: UnsafeMutablePointer<CChar>?) -> String? {
        guard let s else { return nil }
        defer { table.pointee.free_string!(s) }
        return String(cString: s)
    }
}

/// Loads external scenario modules (docs/MODULES.md): `dlopen` with `RTLD_NOW | RTLD_LOCAL`, the
/// entry symbol `binhai_module_entry_v1`, then checks of the ABI version, the table size, the
/// Swift toolchain and the descriptor (JSON that decodes and passes `schemaProblems()`). Libraries
/// are never closed (module code and strings may still be referenced). Every failure is a
/// `PluginLoadError` naming the file.
public enum PluginLoader {
    /// Colon-separated plugin files or folders, loaded before any `--plugin`.
    public static let environmentVariable = "BINHAI_PLUGIN_PATH"

    /// File name endings of shared libraries in a plugin folder.
    public static let libraryExtensions = ["so", "dylib"]

    /// Load one library.
    public static func load(_ path: String) throws(PluginLoadError) -> LoadedPlugin {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder), !isFolder.boolValue else {
            throw PluginLoadError(path: path, problem: isFolder.boolValue ? .notALibrary("a folder") : .missingFile)
        }
        _ = dlerror()
        guard let handle = dlopen(absolute, RTLD_NOW | RTLD_LOCAL) else {
            let text = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            throw PluginLoadError(path: path, problem: .notALibrary(text))
        }
        // Never dlclose: the module's code, metadata and strings live as long as the process.
        guard let symbol = dlsym(handle, PluginABI.entrySymbol) else {
            throw PluginLoadError(path: path, problem: .missingSymbol(PluginABI.entrySymbol))
        }
        typealias Entry = @convention(c) () -> UnsafeRawPointer?
        let entry = unsafeBitCast(symbol, to: Entry.self)
        guard let table = entry() else { throw PluginLoadError(path: path, problem: .nullEntry) }
        return try plugin(table: table, path: absolute)
    }

    /// Check a function table (what the entry point returned) and read its descriptor.
    public static func plugin(table raw: UnsafeRawPointer, path: String) throws(PluginLoadError) -> LoadedPlugin {
        // The version is the first field: read it before trusting the rest of the layout.
        let version = raw.load(as: UInt32.self)
        guard version == PluginABI.version else {
            throw PluginLoadError(path: path, problem: .abiVersion(found: version, expected: PluginABI.version))
        }
        let size = raw.load(fromByteOffset: MemoryLayout<UInt32>.size, as: UInt32.self)
        guard size >= PluginABI.structSize else {
            throw PluginLoadError(
                path: path, problem: .malformedTable("\(size) bytes, version \(version) has \(PluginABI.structSize)"))
        }
        let table = raw.assumingMemoryBound(to: binhai_module_v1.self)
        let t = table.pointee
        let missing = [
            ("swift_version", t.swift_version == nil), ("descriptor_json", t.descriptor_json == nil), ("create", t.create == nil),
            ("prepare", t.prepare == nil), ("analyze", t.analyze == nil), ("destroy", t.destroy == nil),
            ("free_string", t.free_string == nil),
        ].filter(\.1).map(\.0)
        guard missing.isEmpty else {
            throw PluginLoadError(path: path, problem: .malformedTable("no \(missing.joined(separator: ", "))"))
        }
        let api = PluginAPI(table: table)
        let compiler = api.take(t.swift_version!()) ?? "an unknown compiler"
        guard compiler == PluginABI.compilerVersion else {
            throw PluginLoadError(path: path, problem: .toolchain(found: compiler, expected: PluginABI.compilerVersion))
        }
        guard let json = api.take(t.descriptor_json!()) else {
            throw PluginLoadError(path: path, problem: .invalidDescriptor("descriptor_json returned NULL"))
        }
        let descriptor: ModuleDescriptor
        do {
            descriptor = try PluginCodec.descriptor(json: json)
        } catch {
            throw PluginLoadError(path: path, problem: .invalidDescriptor("\(error)"))
        }
        let problems = descriptor.schemaProblems()
        guard problems.isEmpty else {
            throw PluginLoadError(
                path: path, problem: .invalidDescriptor("module \(descriptor.id): \(problems.joined(separator: "; "))"))
        }
        return LoadedPlugin(path: path, descriptor: descriptor, api: api)
    }

    /// The library files of `paths`: files as given, folders expanded to their `.so`/`.dylib`
    /// files (sorted by name).
    /// - Throws: `PluginLoadError` for a path that does not exist.
    public static func libraryFiles(_ paths: [String]) throws(PluginLoadError) -> [String] {
        var out: [String] = []
        for path in paths where !path.isEmpty {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw PluginLoadError(path: path, problem: .missingFile)
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                out += names.filter { n in libraryExtensions.contains { n.hasSuffix(".\($0)") } }.sorted()
                    .map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
            } else {
                out.append(path)
            }
        }
        return out
    }

    /// The entries of `BINHAI_PLUGIN_PATH` in `environment` (colon-separated, empty parts skipped).
    public static func environmentPaths(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        (environment[environmentVariable] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// `base` plus the modules of every library in `paths` (files or folders), in order. The same
    /// library named twice is loaded once.
    /// - Throws: `PluginLoadError` for the first library that fails, or whose module id is taken.
    public static func catalogue(_ base: ModuleCatalogue, adding paths: [String]) throws(PluginLoadError) -> ModuleCatalogue {
        var catalogue = base
        var seen = Set<String>()
        for file in try libraryFiles(paths) {
            let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
            guard seen.insert(resolved).inserted else { continue }
            let plugin = try load(file)
            do {
                try catalogue.register(plugin.catalogEntry)
            } catch let e as ModuleError {
                throw PluginLoadError(path: file, problem: .duplicateModule("module \(e.module): \(e.message)"))
            } catch {
                throw PluginLoadError(path: file, problem: .duplicateModule("\(error)"))
            }
        }
        return catalogue
    }
}

import CBinhaiModuleABI
import Foundation
import ScenarioKit

/// Exports a `ScenarioModule` type through the plugin C ABI. A module package's whole glue is:
///
/// ```swift
/// import ScenarioKitPlugin
///
/// @_cdecl("binhai_module_entry_v1")
/// public func binhaiModuleEntry() -> UnsafeRawPointer { PluginExport.entry(for: MyModule.self) }
/// ```
///
/// C function pointers cannot capture the generic module type, so `entry(for:)` records it in a
/// process-global registry (one module per library) that the `@convention(c)` functions read.
public enum PluginExport {
    /// The `binhai_module_v1` table for `type` (the same pointer on every call).
    public static func entry(for type: any ScenarioModule.Type) -> UnsafeRawPointer {
        Registry.lock.lock()
        defer { Registry.lock.unlock() }
        Registry.type = type
        if let table = Registry.table { return UnsafeRawPointer(table) }
        let table = UnsafeMutablePointer<binhai_module_v1>.allocate(capacity: 1)
        table.initialize(to: makeTable())
        Registry.table = table
        return UnsafeRawPointer(table)
    }

    /// The type registered by `entry(for:)`.
    static var registeredType: (any ScenarioModule.Type)? {
        Registry.lock.lock()
        defer { Registry.lock.unlock() }
        return Registry.type
    }

    private enum Registry {
        static let lock = NSLock()
        nonisolated(unsafe) static var type: (any ScenarioModule.Type)?
        nonisolated(unsafe) static var table: UnsafeMutablePointer<binhai_module_v1>?
    }

    /// A module instance behind a C handle.
    final class Instance {
        let module: any ScenarioModule
        let id: String
        init(_ module: any ScenarioModule, id: String) {
            self.module = module
            self.id = id
        }
    }

    /// A C copy of `s` (released by `free_string`).
    static func cString(_ s: String) -> UnsafeMutablePointer<CChar>? { strdup(s) }

    /// Run `body`; on failure store the error JSON in `error` and return nil.
    static func guarded<T>(
        _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, module: String, _ body: () throws -> T
    ) -> T? {
        do {
            return try body()
        } catch let e {
            error?.pointee = cString(PluginCodec.errorJSON(e, module: module))
            return nil
        }
    }

    static func moduleType() throws -> any ScenarioModule.Type {
        guard let t = registeredType else {
            throw PluginCodecError(message: "no module registered: call PluginExport.entry(for:) from the entry point")
        }
        return t
    }

    static func makeTable() -> binhai_module_v1 {
        binhai_module_v1(
            abi_version: PluginABI.version,
            struct_size: PluginABI.structSize,
            swift_version: { PluginExport.cString(PluginABI.compilerVersion) },
            descriptor_json: {
                guard let t = PluginExport.registeredType, let json = try? PluginCodec.descriptorJSON(t.descriptor) else {
                    return nil
                }
                return PluginExport.cString(json)
            },
            create: { parametersJSON, contextJSON, error in
                let id = PluginExport.registeredType?.descriptor.id ?? ""
                let instance: Instance? = PluginExport.guarded(error, module: id) {
                    let type = try PluginExport.moduleType()
                    guard let parametersJSON, let contextJSON else { throw PluginCodecError(message: "create called with NULL") }
                    let parameters = try PluginCodec.parameters(json: String(cString: parametersJSON), descriptor: type.descriptor)
                    let context = try PluginCodec.context(json: String(cString: contextJSON))
                    return Instance(try type.init(parameters: parameters, context: context), id: id)
                }
                return instance.map { UnsafeMutableRawPointer(Unmanaged.passRetained($0).toOpaque()) }
            },
            prepare: { handle, inputsJSON, error in
                guard let handle else { return nil }
                let instance = Unmanaged<Instance>.fromOpaque(handle).takeUnretainedValue()
                let json: String? = PluginExport.guarded(error, module: instance.id) {
                    guard let inputsJSON else { throw PluginCodecError(message: "prepare called with NULL") }
                    var inputs = try PluginCodec.inputs(json: String(cString: inputsJSON))
                    try instance.module.prepare(&inputs)
                    return try PluginCodec.inputsJSON(inputs)
                }
                return json.flatMap(PluginExport.cString)
            },
            analyze: { handle, outputsJSON, values, count, error in
                guard let handle else { return nil }
                let instance = Unmanaged<Instance>.fromOpaque(handle).takeUnretainedValue()
                let json: String? = PluginExport.guarded(error, module: instance.id) {
                    guard let outputsJSON else { throw PluginCodecError(message: "analyze called with NULL") }
                    let buffer = UnsafeBufferPointer(start: count == 0 ? nil : values, count: count)
                    let outputs = try PluginCodec.outputs(json: String(cString: outputsJSON), values: buffer)
                    var results = ResultSet()
                    try instance.module.analyze(outputs, into: &results)
                    return try PluginCodec.resultSetJSON(results)
                }
                return json.flatMap(PluginExport.cString)
            },
            destroy: { handle in
                guard let handle else { return }
                Unmanaged<Instance>.fromOpaque(handle).release()
            },
            free_string: { s in free(s) })
    }
}

import CBinhaiModuleABI
import Foundation
import ScenarioKit
import ScenarioKitPlugin

/// A module instance living in a plugin library: each phase crosses the C ABI as JSON (plus the
/// raw draw buffer for analyze). The scenario layer uses it like any `ScenarioModule`; its
/// descriptor comes from the catalogue entry (`LoadedPlugin.descriptor`), not from the static
/// requirement, which only names the proxy type.
final class PluginModule: ScenarioModule, @unchecked Sendable {
    static let descriptor = ModuleDescriptor(
        id: "plugin-proxy", version: "0", title: LocalizedText("plugin module"),
        summary: LocalizedText("A module loaded from a plugin library."), parameters: [])

    let api: PluginAPI
    let id: String
    let handle: UnsafeMutableRawPointer

    /// Not used: plugin modules are built through their catalogue entry.
    init(parameters: ModuleParameters, context: ModuleContext) throws {
        throw ModuleError(module: Self.descriptor.id, message: "plugin modules are built by the plugin loader")
    }

    init(api: PluginAPI, descriptor: ModuleDescriptor, parameters: ModuleParameters, context: ModuleContext) throws {
        self.api = api
        self.id = descriptor.id
        let p = try PluginCodec.parametersJSON(parameters)
        let c = try PluginCodec.contextJSON(context)
        var error: UnsafeMutablePointer<CChar>? = nil
        let handle = p.withCString { p in c.withCString { c in api.table.pointee.create!(p, c, &error) } }
        guard let handle else { throw Self.failure(api, error, module: descriptor.id, phase: "create") }
        self.handle = handle
    }

    deinit { api.table.pointee.destroy!(handle) }

    func prepare(_ inputs: inout EngineInputs) throws {
        let json = try PluginCodec.inputsJSON(inputs)
        var error: UnsafeMutablePointer<CChar>? = nil
        let out = json.withCString { api.table.pointee.prepare!(handle, $0, &error) }
        guard let text = api.take(out) else { throw Self.failure(api, error, module: id, phase: "prepare") }
        do {
            inputs = try PluginCodec.inputs(json: text)
        } catch {
            throw ModuleError(module: id, message: "prepare returned unreadable engine inputs: \(error)")
        }
    }

    func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws {
        let (json, values) = try PluginCodec.outputsPayload(outputs)
        var error: UnsafeMutablePointer<CChar>? = nil
        let out = json.withCString { j in
            values.withUnsafeBufferPointer { api.table.pointee.analyze!(handle, j, $0.baseAddress, $0.count, &error) }
        }
        guard let text = api.take(out) else { throw Self.failure(api, error, module: id, phase: "analyze") }
        do {
            for t in try PluginCodec.resultSet(json: text).tables { results.add(t) }
        } catch {
            throw ModuleError(module: id, message: "analyze returned unreadable result tables: \(error)")
        }
    }

    /// The error a failed call reported (a `ModuleError` or `ParameterError`).
    static func failure(_ api: PluginAPI, _ error: UnsafeMutablePointer<CChar>?, module: String, phase: String) -> any Error {
        guard let json = api.take(error) else {
            return ModuleError(module: module, message: "\(phase) failed without an error message")
        }
        return PluginCodec.error(json: json, module: module)
    }
}

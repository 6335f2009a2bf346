import Foundation

/// What a module knows about the scenario it runs in.
public struct ModuleContext: Sendable {
    public let scenarioID: String
    public let baseYear: Int
    public let targetYear: Int
    /// The dataset folder (for module-specific files such as `concordance.csv`), if any.
    public let datasetFolder: URL?
    /// The dataset's input-output table folder (`Z.csv`, `Y.csv`, …), if it has one.
    public let ioTableFolder: URL?
    /// The scenario's catalogues.
    public let industries: [CatalogueEntry]
    public let carriers: [CatalogueEntry]
    public let sources: [CatalogueEntry]

    public init(
        scenarioID: String, baseYear: Int, targetYear: Int, datasetFolder: URL?, ioTableFolder: URL?,
        industries: [CatalogueEntry], carriers: [CatalogueEntry], sources: [CatalogueEntry]
    ) {
        self.scenarioID = scenarioID
        self.baseYear = baseYear
        self.targetYear = targetYear
        self.datasetFolder = datasetFolder
        self.ioTableFolder = ioTableFolder
        self.industries = industries
        self.carriers = carriers
        self.sources = sources
    }
}

/// A scenario module: a typed parameter schema and two optional phases.
///
/// - **prepare** changes the engine's inputs before the forecast (e.g. add relocations);
/// - **analyze** reads the forecast and adds result tables (e.g. output and jobs by year).
///
/// Modules run in the order the scenario lists them. Built-in modules and external (plugin)
/// modules implement this same protocol; writing one needs only `ScenarioKit` and
/// `LinearAlgebra`.
///
/// ```swift
/// struct Hello: ScenarioModule {
///     static let descriptor = ModuleDescriptor(
///         id: "hello", version: "1.0.0", title: .init(zh: "示例", en: "Hello"),
///         summary: .init(zh: "把到位额翻倍报告。", en: "Reports twice the investment."),
///         parameters: [ParameterSpec(name: "factor", type: .number, defaultValue: .number(2),
///                                    minimum: 0, help: .init(zh: "倍数", en: "factor"))])
///     let factor: Double
///     init(parameters: ModuleParameters, context: ModuleContext) throws {
///         factor = parameters.number("factor") ?? 2
///     }
///     func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws { … }
/// }
/// ```
public protocol ScenarioModule: Sendable {
    /// Identity, version, title and parameter schema.
    static var descriptor: ModuleDescriptor { get }
    /// Build the module from validated parameters (defaults filled in).
    /// - Throws: `ModuleError` when the parameters do not fit the context (e.g. an unknown sector).
    init(parameters: ModuleParameters, context: ModuleContext) throws
    /// Change the engine's inputs (default: nothing).
    func prepare(_ inputs: inout EngineInputs) throws
    /// Read the forecast and add tables (default: nothing).
    func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws
}

extension ScenarioModule {
    public func prepare(_ inputs: inout EngineInputs) throws {}
    public func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws {}
}

/// An error a module reports; `keyPath` (relative to its `with:` block) lets the scenario layer
/// point at the parameter responsible.
public struct ModuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var module: String
    public var keyPath: String?
    public var message: String
    /// True when the error is about a key itself (e.g. an unknown industry id used as a map key),
    /// so that the scenario layer points at the key rather than its value.
    public var isAboutKey: Bool

    public init(module: String, keyPath: String? = nil, message: String, isAboutKey: Bool = false) {
        self.module = module
        self.keyPath = keyPath
        self.message = message
        self.isAboutKey = isAboutKey
    }

    public var description: String {
        "module \(module)" + (keyPath.map { ", parameter \($0)" } ?? "") + ": \(message)"
    }
}

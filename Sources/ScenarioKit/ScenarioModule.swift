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
    /// Default prepare phase: leaves the engine's inputs unchanged.
    public func prepare(_ inputs: inout EngineInputs) throws {}
    /// Default analyze phase: adds no tables.
    public func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws {}
}


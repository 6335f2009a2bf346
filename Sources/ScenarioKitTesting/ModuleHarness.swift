import ScenarioKit

/// Runs a module the way a scenario does (parameters validated against its descriptor, defaults
/// filled in, then init → prepare / analyze), so that a module author tests it in a few lines:
///
/// ```swift
/// import ScenarioKit
/// import ScenarioKitTesting
/// import Testing
///
/// @Test func milestonesAreReported() throws {
///     let outputs = EngineOutputs.synthetic(
///         years: Array(2021...2025), total: [1300, 1500, 1700, 1900, 2100], baseYearTotal: 1000)
///     let results = try ModuleHarness.run(
///         TargetTrackerModule.self, parameters: ["milestones": ["2025": 2000]], outputs: outputs)
///     let table = try #require(results.table("target-tracker.milestones"))
///     #expect(table.numbers(column: 0).last == 2000)
///
///     let error = ModuleHarness.parameterError(TargetTrackerModule.self, parameters: ["probabilty": 0.9])
///     #expect(error?.keyPath == "probabilty")   // unknown key, with "did you mean probability?"
/// }
/// ```
public enum ModuleHarness {
    /// Validate `parameters` (a `with:` block; nil = none) and build the module in `context`.
    /// - Throws: `ParameterError` (schema) or whatever the module's init throws (`ModuleError`).
    public static func make<M: ScenarioModule>(
        _ type: M.Type, parameters: RawParameter? = nil, context: ModuleContext = .testing()
    ) throws -> M {
        let values = try M.descriptor.validate(parameters)
        return try M(parameters: values, context: context)
    }

    /// Build the module and run its analyze phase on `outputs`; returns the tables it added.
    public static func run<M: ScenarioModule>(
        _ type: M.Type, parameters: RawParameter? = nil, context: ModuleContext = .testing(), outputs: EngineOutputs
    ) throws -> ResultSet {
        var results = ResultSet()
        try make(type, parameters: parameters, context: context).analyze(outputs, into: &results)
        return results
    }

    /// Build the module and run its prepare phase on `inputs` (default: `EngineInputs.testing(context)`).
    public static func prepare<M: ScenarioModule>(
        _ type: M.Type, parameters: RawParameter? = nil, context: ModuleContext = .testing(), inputs: EngineInputs? = nil
    ) throws -> EngineInputs {
        var inputs = inputs ?? .testing(context)
        try make(type, parameters: parameters, context: context).prepare(&inputs)
        return inputs
    }

    /// The schema error for `parameters`, or nil when they pass.
    public static func parameterError<M: ScenarioModule>(_ type: M.Type, parameters: RawParameter?) -> ParameterError? {
        do {
            _ = try M.descriptor.validate(parameters)
            return nil
        } catch {
            return error
        }
    }

    /// The `ModuleError` building the module throws (parameters that pass the schema but not the
    /// context, e.g. an unknown industry), or nil.
    /// - Throws: a `ParameterError` when the parameters fail the schema already.
    public static func moduleError<M: ScenarioModule>(
        _ type: M.Type, parameters: RawParameter?, context: ModuleContext = .testing()
    ) throws -> ModuleError? {
        let values = try M.descriptor.validate(parameters)
        do {
            _ = try M(parameters: values, context: context)
            return nil
        } catch let error as ModuleError {
            return error
        }
    }
}

extension ResultTable {
    /// The numbers of column `c`, one per row (NaN for non-numeric cells; a quantile cell gives its mean).
    public func numbers(column c: Int) -> [Double] {
        rows.map { row in
            guard c < row.cells.count else { return .nan }
            switch row.cells[c] {
            case let .number(v): return v
            case let .quantiles(q): return q.mean
            case .text, .empty: return .nan
            }
        }
    }

    /// The row whose label (zh or en) is `label`.
    public func row(_ label: String) -> ResultRow? {
        rows.first { $0.label.zh == label || $0.label.en == label }
    }
}

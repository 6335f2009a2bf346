import ScenarioKit

/// A module that breaks the SDK's contract: each problem in one sentence.
public struct ModuleContractViolation: Error, Sendable, CustomStringConvertible {
    /// Id of the module that breaks the contract.
    public var module: String
    /// Every problem found, one sentence each.
    public var problems: [String]
    /// The module id, then one `  - problem` line per problem.
    public var description: String {
        "module \(module) breaks the ScenarioKit contract:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension ModuleHarness {
    /// Check `type` against the contract every scenario module keeps, so that the host can build,
    /// cache and rerun it safely:
    /// 1. the descriptor has no schema problems (`schemaProblems()`), every default passes its own
    ///    parameter's checks, and `parameters` (default: none, i.e. every default) validate;
    /// 2. the module builds in `context`, and building it twice gives modules whose phases give
    ///    the same results (builds have no hidden state);
    /// 3. prepare is idempotent on the same inputs: run twice from the same `EngineInputs`, it gives
    ///    the same inputs, and it keeps the catalogues' ids and the plan years;
    /// 4. analyze adds well-formed tables: ids non-empty, unique and prefixed with the module id,
    ///    titles and column headers non-empty in both languages, every row as many cells as there
    ///    are columns, and the same tables on a second call;
    /// 5. errors are located: an unknown parameter key is reported at that key (`isAboutKey`),
    ///    and a value of the wrong type at its parameter's name.
    ///
    /// ```swift
    /// @Test func keepsTheContract() throws {
    ///     try ModuleHarness.verifyContract(MyModule.self)
    /// }
    /// ```
    /// - Throws: `ModuleContractViolation` listing every problem found, or what building or a
    ///   phase threw.
    public static func verifyContract<M: ScenarioModule>(
        _ type: M.Type, parameters: RawParameter? = nil, context: ModuleContext = .testing(),
        outputs: EngineOutputs? = nil
    ) throws {
        let d = M.descriptor
        // schemaProblems() also checks every default against its own parameter's checks.
        var problems = d.schemaProblems()
        let first = try make(type, parameters: parameters, context: context)
        let second = try make(type, parameters: parameters, context: context)

        // Prepare: idempotent and keeping what modules may not change.
        let start = EngineInputs.testing(context)
        var a = start, b = start, c = start
        try first.prepare(&a)
        try first.prepare(&b)
        try second.prepare(&c)
        if a != b { problems.append("prepare gives different inputs when run twice on the same inputs") }
        if a != c { problems.append("two builds with the same parameters prepare different inputs") }
        if a.industries.map(\.id) != start.industries.map(\.id) || a.carriers.map(\.id) != start.carriers.map(\.id)
            || a.sources.map(\.id) != start.sources.map(\.id)
        {
            problems.append("prepare changed a catalogue's ids (modules may change weights only)")
        }
        if a.baseYear != start.baseYear || a.targetYear != start.targetYear {
            problems.append("prepare changed the plan years")
        }

        // Analyze: well-formed, repeatable tables.
        let o = outputs ?? syntheticOutputs(context)
        var r1 = ResultSet(), r2 = ResultSet(), r3 = ResultSet()
        try first.analyze(o, into: &r1)
        try first.analyze(o, into: &r2)
        try second.analyze(o, into: &r3)
        if r1 != r2 { problems.append("analyze gives different tables when run twice on the same outputs") }
        if r1 != r3 { problems.append("two builds with the same parameters analyze to different tables") }
        var seen = Set<String>()
        for t in r1.tables {
            if t.id.isEmpty { problems.append("a table has an empty id") }
            if !seen.insert(t.id).inserted { problems.append("table id \(t.id) is used twice") }
            if !t.id.hasPrefix(d.id + ".") { problems.append("table id \(t.id) does not start with \"\(d.id).\"") }
            if t.title.zh.isEmpty || t.title.en.isEmpty { problems.append("table \(t.id) has an empty title in one language") }
            for (k, col) in t.columns.enumerated() where col.header.zh.isEmpty || col.header.en.isEmpty {
                problems.append("table \(t.id) column \(k) has an empty header in one language")
            }
            for (k, row) in t.rows.enumerated() where row.cells.count != t.columns.count {
                problems.append("table \(t.id) row \(k) has \(row.cells.count) cells for \(t.columns.count) columns")
            }
        }

        // Located errors.
        var raw: [RawParameterEntry] = []
        if case let .map(entries)? = parameters { raw = entries }
        raw.append(RawParameterEntry(key: "no_such_parameter_xyz", value: .scalar("1")))
        if let e = parameterError(type, parameters: .map(raw)) {
            if e.keyPath != "no_such_parameter_xyz" || !e.isAboutKey {
                problems.append("an unknown key is reported at \"\(e.keyPath)\" (expected the key no_such_parameter_xyz)")
            }
        } else {
            problems.append("an unknown parameter key is accepted")
        }
        if let spec = d.parameters.first(where: { $0.type == .number || $0.type == .integer }) {
            let bad = RawParameter.map([RawParameterEntry(key: spec.name, value: .list([]))])
            if let e = parameterError(type, parameters: bad) {
                if !e.keyPath.hasPrefix(spec.name) {
                    problems.append("a list given for number \(spec.name) is reported at \"\(e.keyPath)\"")
                }
            } else {
                problems.append("a list is accepted for number parameter \(spec.name)")
            }
        }
        if !problems.isEmpty { throw ModuleContractViolation(module: d.id, problems: problems) }
    }

    /// 20 draws over the context's forecast years, split evenly by industry, carrier and source.
    static func syntheticOutputs(_ context: ModuleContext) -> EngineOutputs {
        let years = context.targetYear > context.baseYear ? Array((context.baseYear + 1)...context.targetYear) : []
        let base = 1000.0
        let draws = years.enumerated().map { k, _ in (0..<20).map { d in base * (1 + 0.15 * Double(k + 1)) * (0.9 + 0.01 * Double(d)) } }
        func split(_ entries: [CatalogueEntry]) -> [String: [[Double]]] {
            let n = Double(max(entries.count, 1))
            return Dictionary(entries.map { ($0.id, draws.map { $0.map { $0 / n } }) }, uniquingKeysWith: { a, _ in a })
        }
        return EngineOutputs.synthetic(
            years: years, draws: draws, byIndustry: split(context.industries), bySource: split(context.sources),
            byCarrier: split(context.carriers), baseYearTotal: base)
    }
}

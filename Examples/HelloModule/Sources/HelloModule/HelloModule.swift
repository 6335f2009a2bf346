import ScenarioKit
import ScenarioKitPlugin

/// A tiny external module: each forecast year's investment in place × `factor`, with the mean and
/// P10/P50/P90 over the Monte Carlo draws. Its prepare phase changes nothing.
public struct HelloShare: ScenarioModule {
    public static let descriptor = ModuleDescriptor(
        id: "hello-share", version: "1.0.0",
        title: LocalizedText(zh: "示例：到位额份额", en: "Hello: share of investment"),
        summary: LocalizedText(
            zh: "每年到位额乘以系数 factor（均值与 P10/P50/P90）。",
            en: "Each year's investment in place times factor (mean and P10/P50/P90)."),
        parameters: [
            ParameterSpec(
                name: "factor", type: .number, unit: "share", defaultValue: .number(0.5), minimum: 0, maximum: 10,
                help: LocalizedText(zh: "乘数", en: "multiplier on the investment in place")),
        ])

    let factor: Double

    public init(parameters: ModuleParameters, context: ModuleContext) throws {
        factor = parameters.number("factor") ?? 0.5
    }

    public func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws {
        let total = outputs.investmentInPlace
        var table = ResultTable(
            id: "hello-share.by-year", title: LocalizedText(zh: "到位额 × 系数", en: "Investment in place × factor"),
            rowHeader: LocalizedText(zh: "年份", en: "year"),
            columns: [ResultColumn(LocalizedText(zh: "份额", en: "share"), unit: "亿元")],
            notes: [LocalizedText(zh: "系数 \(factor)", en: "factor \(factor)")])
        for (k, year) in outputs.years.enumerated() {
            let scaled = total.draws(year: k).map { $0 * factor }
            table.rows.append(ResultRow(LocalizedText(String(year)), [.quantiles(QuantileSummary(of: scaled))]))
        }
        results.add(table)
    }
}

/// The one line of glue: the C entry point binhai looks up.
@_cdecl("binhai_module_entry_v1")
public func binhaiModuleEntry() -> UnsafeRawPointer { PluginExport.entry(for: HelloShare.self) }

import ForecastEngine
import Reports

extension ForecastBriefing {
    /// Header of `csv()`: stable ASCII column names (the JSON keys), whatever the language.
    public static let csvColumns = [
        "scenario", "year", "mean", "standard_error", "p10", "p50", "p90", "expected", "domestic_mean",
        "foreign_mean", "required_path", "probability_at_least_target",
    ]

    /// The yearly figures as ONE long-format CSV table at full precision (shortest round-trip
    /// decimals; amounts in 亿元, probabilities as fractions 0…1): one row per scenario and year.
    /// The briefing's own result comes first with `scenario` = `baseline`, then each variant's
    /// alternative result under the variant's name, so a spreadsheet or `pandas` can pivot or
    /// filter on `scenario`. Column names are the ASCII keys in `csvColumns` in both languages;
    /// `required_path` is base × (1 + g*)^(year − B) and is the same for every scenario.
    public func csv() -> String {
        var table = Table(columns: Self.csvColumns.map { Table.Column($0) })
        appendCSVRows(&table, scenario: "baseline", result)
        for v in variants { appendCSVRows(&table, scenario: v.name, v.alternative) }
        return CSVRenderer().render(table)
    }

    private func appendCSVRows(_ table: inout Table, scenario: String, _ r: ForecastResult) {
        let f = ForecastFormat.full
        for y in r.yearly {
            let d = y.investmentInPlace
            table.append([
                scenario, "\(y.year)", f(d.mean), f(d.standardError), f(d.p10), f(d.p50), f(d.p90),
                f(y.expectedInvestmentInPlace), f(y.domestic.mean), f(y.foreign.mean), f(requiredPath(in: y.year)),
                f(y.probabilityAtLeastTarget),
            ])
        }
    }
}

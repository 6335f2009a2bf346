import Reports

/// Number formats shared by every forecast briefing table, so the same quantity always shows the
/// same digits: amounts in 亿元 with one decimal and thousands separators, probabilities and shares
/// as percentages with one decimal, growth rates as percentages with two decimals.
public enum ForecastFormat {
    /// 亿元, one decimal, grouped: `1,257.5`.
    public static func amount(_ v: Double) -> String { NumberFormatting.grouped(v, decimals: 1) }

    /// 亿元 with an explicit sign for differences and gaps: `+12.3`, `-4.0`, `0.0`.
    public static func signedAmount(_ v: Double) -> String { signed(v, amount(v)) }

    /// A probability or share in [0, 1] as a percentage with one decimal: `37.5%`.
    public static func percent(_ p: Double) -> String {
        p.isFinite ? NumberFormatting.fixed(100 * p, decimals: 1) + "%" : "—"
    }

    /// A change of probability in percentage points: `+3.4 pp` / `+3.4个百分点`.
    public static func percentagePoints(_ d: Double, _ language: Language) -> String {
        guard d.isFinite else { return "—" }
        let text = signed(d, NumberFormatting.fixed(100 * d, decimals: 1))
        return text + language.pick("个百分点", " pp")
    }

    /// A growth rate as a percentage with two decimals: `14.87%`.
    public static func cagr(_ g: Double) -> String {
        g.isFinite ? NumberFormatting.fixed(100 * g, decimals: 2) + "%" : "—"
    }

    /// A mean project count: one decimal.
    public static func count(_ c: Double) -> String { NumberFormatting.fixed(c, decimals: 1) }

    /// A multiplier without trailing zeros: `2`, `1.5`, `2.25`.
    public static func multiplier(_ m: Double) -> String {
        guard m.isFinite else { return "—" }
        var s = NumberFormatting.fixed(m, decimals: 4)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// An effort scale with as many decimals as the search step needs (at most 4): `1.23×` for step 0.01.
    public static func effortScale(_ e: Double, step: Double) -> String {
        var decimals = 0
        var scaled = step
        while decimals < 4, scaled.isFinite, abs(scaled - scaled.rounded()) > 1e-9 {
            decimals += 1
            scaled *= 10
        }
        return NumberFormatting.fixed(e, decimals: decimals) + "×"
    }

    /// Full precision for CSV (shortest round-trip; empty for NaN/∞).
    public static func full(_ v: Double) -> String { v.isFinite ? v.description : "" }

    /// Prefix "+" on positive values whose rounded text is not zero.
    private static func signed(_ v: Double, _ text: String) -> String {
        if text.hasPrefix("-") {
            return text.allSatisfy({ "-0.,".contains($0) }) ? String(text.dropFirst()) : text
        }
        if v > 0, !text.allSatisfy({ "0.,".contains($0) }) { return "+" + text }
        return text
    }
}

import Foundation

/// Fixed-point formatting used by every text renderer, so terminal, Markdown and CSV show the
/// same digits.
public enum NumberFormatting {
    /// `value` with `decimals` digits after the point ("—" for NaN/∞).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        return String(format: "%.\(decimals)f", value)
    }

    /// `value` with thousands separators and `decimals` digits, e.g. 1,331,683,250.3.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        let s = fixed(abs(value), decimals: decimals)
        let parts = s.split(separator: ".", maxSplits: 1)
        var intPart = String(parts[0])
        var groups: [String] = []
        while intPart.count > 3 {
            groups.insert(String(intPart.suffix(3)), at: 0)
            intPart = String(intPart.dropLast(3))
        }
        groups.insert(intPart, at: 0)
        var out = (value < 0 ? "-" : "") + groups.joined(separator: ",")
        if parts.count > 1 { out += "." + parts[1] }
        return out
    }
}

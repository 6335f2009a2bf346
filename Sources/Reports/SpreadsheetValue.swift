/// A table cell as a spreadsheet should hold it: a number with a display format (so that a planner
/// can compute with it), text, or nothing.
///
/// `Table` cells are already formatted for reading ("1,715.2", "99.8%", "2021", "−280.0"); the
/// spreadsheet writer turns those that are plain numbers back into numbers and keeps the rest
/// (ranges such as "3,235.4 – 3,906.2", "0.84×", "—", names) as text.
public enum SpreadsheetValue: Sendable, Equatable {
    /// A number and its Excel number format code (e.g. `#,##0.0`, `0.0%`, `0`).
    case number(Double, format: String)
    case text(String)
    case empty

    /// Reads a formatted cell. Numbers: an optional sign (+, -, or the minus sign −), digits with
    /// optional thousands commas in groups of three, an optional decimal part, an optional `%`
    /// (the value is then divided by 100 and shown as a percentage). The format keeps the shown
    /// decimals; thousands separators are kept when the text had them (so years stay "2021"). Text
    /// with more than six decimals or 15 digits is a full-precision value: all its digits are
    /// kept, shown with two decimals (≥ 1,000) or four.
    public init(formatted raw: String) {
        let s = raw.trimmingWhitespace()
        if s.isEmpty {
            self = .empty
            return
        }
        var body = Substring(s)
        var negative = false
        if let first = body.first, first == "-" || first == "−" || first == "+" {
            negative = first != "+"
            body = body.dropFirst()
        }
        var percent = false
        if body.last == "%" {
            percent = true
            body = body.dropLast()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let integer = parts.first, !integer.isEmpty,
            Self.isGroupedInteger(integer), parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)),
            let magnitude = Double(body.filter { $0 != "," })
        else {
            self = .text(raw)
            return
        }
        let decimals = parts.count == 2 ? parts[1].count : 0
        let value = (negative ? -magnitude : magnitude) / (percent ? 100 : 1)
        let digits = body.filter(\.isASCIIDigit).count
        if (decimals > 6 || digits >= 15) && !percent {
            // A full-precision dump (e.g. "2.2679052606834813"): keep every digit in the value, show
            // two decimals with separators for large amounts and four otherwise.
            self = .number(value, format: magnitude >= 1000 ? "#,##0.00" : "0.0000")
            return
        }
        let grouped = integer.contains(",")
        var format = grouped ? "#,##0" : "0"
        if decimals > 0 { format += "." + String(repeating: "0", count: decimals) }
        if percent { format += "%" }
        self = .number(value, format: format)
    }

    /// "1234" or "1,234,567" (groups of three after the first group of one to three digits).
    private static func isGroupedInteger(_ text: Substring) -> Bool {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, !head.isEmpty, head.allSatisfy(\.isASCIIDigit) else { return false }
        if groups.count == 1 { return true }
        return head.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

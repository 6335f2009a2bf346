import Foundation
import Reports

extension ForecastBriefing {
    /// The briefing as an Excel workbook: one sheet per table (`tables()`), named "N 标题" /
    /// "N Title", numbers as numbers (see `XLSXWorkbook`). Excel allows 31 characters: a longer
    /// name is cut in its title, never in its number or in the variant it belongs to, so every
    /// sheet stays unique and says which variant it shows ("12 Variant… · weak-fdi").
    public func workbook() throws -> Data {
        var book = XLSXWorkbook()
        for (i, owned) in ownedTables().enumerated() {
            book.append(owned.table, name: Self.sheetName(number: i + 1, title: owned.table.title ?? "", variant: owned.variant))
        }
        return try book.data()
    }

    /// "N title" within 31 characters; a variant's name is kept whole at the end (cut itself
    /// only when it alone would not fit).
    static func sheetName(number: Int, title: String, variant: String?) -> String {
        let full = "\(number) \(title)"
        guard full.count > 31, let variant else { return full }
        let head = "\(number) "
        let tail = " · " + (variant.count > 20 ? String(variant.prefix(19)) + "…" : variant)
        let room = 31 - head.count - tail.count
        return head + (room > 1 ? String(title.prefix(room - 1)) + "…" : "") + tail
    }
}

import Foundation
import Reports

extension ForecastBriefing {
    /// The briefing as an Excel workbook: one sheet per table (`tables()`), named "N 标题" /
    /// "N Title" (cut to Excel's 31 characters), numbers as numbers (see `XLSXWorkbook`).
    public func workbook() throws -> Data {
        var book = XLSXWorkbook()
        for (i, table) in tables().enumerated() {
            book.append(table, name: "\(i + 1) \(table.title ?? "")")
        }
        return try book.data()
    }
}

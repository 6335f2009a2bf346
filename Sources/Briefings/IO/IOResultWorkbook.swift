import Foundation
import InputOutput
import LinearAlgebra
import Reports

extension IOResultRenderer {
    /// The analysis as an Excel workbook: the sector table at full precision (every multiplier
    /// row), the demand-change table when there is one, and each requested n×n matrix (technical
    /// coefficients, Leontief inverse, Ghosh inverse) as a sheet with the sector codes as row and
    /// column headers. Numbers are stored with all their digits (see `SpreadsheetValue`).
    public func workbook() throws -> Data {
        var book = XLSXWorkbook()
        let zh = language == .zh
        book.append(sectorTable(fullPrecision: true), name: zh ? "部门" : "Sectors")
        if let dc = demandChangeTable(fullPrecision: true) { book.append(dc, name: zh ? "需求变动" : "Demand change") }
        let matrices: [(Matrix?, String, String)] = [
            (result.technicalCoefficients, "直接消耗系数 A", "Technical coefficients A"),
            (result.leontiefInverse, "列昂惕夫逆 L", "Leontief inverse L"),
            (result.ghoshInverse, "戈什逆 G", "Ghosh inverse G"),
        ]
        for case let (matrix?, nameZh, nameEn) in matrices {
            book.append(matrixTable(matrix, title: zh ? nameZh : nameEn), name: zh ? nameZh : nameEn)
        }
        return try book.data()
    }

    private func matrixTable(_ m: Matrix, title: String) -> Table {
        let codes = result.sectors.map(\.code)
        var table = Table(
            title: "\(title) (\(m.rows)×\(m.columns), \(source))",
            columns: [.init(language == .zh ? "代码" : "code")] + codes.map { .init($0, alignment: .right) })
        for i in 0..<m.rows {
            table.append([codes[i]] + (0..<m.columns).map { j in m[i, j].isFinite ? m[i, j].description : "" })
        }
        return table
    }
}

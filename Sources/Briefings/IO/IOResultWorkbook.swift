import Foundation
import InputOutput
import LinearAlgebra
import Reports

extension IOResultRenderer {
    /// The analysis as an Excel workbook: the sector table at full precision (every multiplier
    /// row), the demand-change table when there is one, and each requested n×n matrix (technical
    /// coefficients, Leontief inverse, Ghosh inverse) as a sheet with the sector codes as row and
    /// column headers. Numbers are stored with all their digits (see `SpreadsheetValue`).
    public func workbook() throws -> Data { try workbookSheets().data() }

    /// The workbook written to `url` (see `XLSXWorkbook.write(to:)`).
    public func writeWorkbook(to url: URL) throws { try workbookSheets().write(to: url) }

    func workbookSheets() -> XLSXWorkbook {
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
            book.append(grid: matrixGrid(matrix, title: zh ? nameZh : nameEn), name: zh ? nameZh : nameEn)
        }
        return book
    }

    /// An n×n matrix as a streamed sheet of numbers (no table of strings: 600 sectors are 360,000
    /// cells a sheet): the sector codes as row and column labels, every value at full precision.
    private func matrixGrid(_ m: Matrix, title: String) -> XLSXNumberGrid {
        let codes = result.sectors.map(\.code)
        return XLSXNumberGrid(
            title: "\(title) (\(m.rows)×\(m.columns), \(source))", corner: language == .zh ? "代码" : "code",
            rowLabels: Array(codes.prefix(m.rows)), columnLabels: Array(codes.prefix(m.columns))) { i, j in m[i, j] }
    }
}

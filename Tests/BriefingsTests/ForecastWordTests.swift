import Foundation
import Reports
import Testing
import XMLTestSupport
import ZIPFoundation

@testable import Briefings

/// The Word briefing's package: well-formed parts, the summary written from the numbers, native
/// tables with repeated header rows and right-aligned numbers, the two charts as PNG, page numbers.
@Suite struct ForecastWordTests {
    func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive where !entry.path.hasSuffix(".png") {
            var d = Data()
            _ = try archive.extract(entry) { d.append($0) }
            out[entry.path] = String(decoding: d, as: UTF8.self)
        }
        return out
    }

    @Test(arguments: [Language.zh, .en])
    func documentHoldsTheSummaryTablesAndCharts(language: Language) throws {
        let b = try ForecastFixture.briefing(language, variants: true)
        let data = try b.wordDocument()
        let p = try parts(data)
        for name in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/footer1.xml", "word/fontTable.xml", "word/_rels/document.xml.rels", "docProps/core.xml"] {
            let xml = try #require(p[name], "missing \(name)")
            #expect(XMLTree(xml).error == nil, "\(name) is not well-formed")
        }
        let doc = try #require(p["word/document.xml"])
        let tree = XMLTree(doc)
        // The summary: the target-year P50 and P(target met) as the tables show them.
        let last = try #require(b.result.yearly.last)
        let summary = b.summary()
        #expect(summary.contains(NumberFormatting.grouped(last.investmentInPlace.p50, decimals: 1)))
        #expect(summary.contains(NumberFormatting.fixed(100 * b.result.probabilityTargetMet, decimals: 1) + "%"))
        #expect(tree.all("w:t").contains { $0.text == summary })
        // One native table per briefing table, each with a repeated header row.
        #expect(tree.all("w:tbl").count == b.tables().count)
        #expect(tree.all("w:tblHeader").count == b.tables().count)
        #expect(tree.all("w:jc").contains { $0.attributes["w:val"] == "right" })
        // The fan and the source chart as pictures, each a PNG in the package.
        let archive = try Archive(data: data, accessMode: .read)
        let pngs = archive.filter { $0.path.hasPrefix("word/media/") && $0.path.hasSuffix(".png") }
        #expect(pngs.count == 2 && tree.all("a:blip").count == 2)
        for entry in pngs {
            var d = Data()
            _ = try archive.extract(entry) { d.append($0) }
            #expect(d.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        }
        #expect(try #require(p["word/footer1.xml"]).contains(" PAGE "))
        // Song body text and Hei headings, with their Chinese names for substitution.
        #expect(try #require(p["word/styles.xml"]).contains("w:eastAsia=\"SimSun\"") && p["word/styles.xml"]!.contains("w:eastAsia=\"SimHei\""))
        #expect(try #require(p["word/fontTable.xml"]).contains("宋体"))
        // The same document twice gives the same bytes.
        #expect(try b.wordDocument() == data)
    }

    @Test func rasterizedChartsHaveTheSVGsAspect() throws {
        let b = try ForecastFixture.briefing(.en)
        let fan = try #require(b.charts().first)
        let png = try SVGRasterizer.png(fan.svg.render(), scale: 1)
        #expect(abs(Double(png.width) - fan.svg.width) <= 1 && abs(Double(png.height) - fan.svg.height) <= 1)
        #expect(throws: SVGRasterizer.Failure.self) { try SVGRasterizer.png("<svg", scale: 1) }
    }
}

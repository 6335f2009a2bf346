import Briefings
import Foundation
import Reports
import ScenarioKit
import Testing

/// Rendering of modules' result tables: units in headers, quantile cells, long CSV, JSON.
@Suite struct ModuleTablesTests {
    static let report = ModuleReport(
        descriptor: ModuleDescriptor(
            id: "demo", version: "1.2.0", title: LocalizedText(zh: "示例", en: "Demo"), summary: LocalizedText("d"),
            parameters: []),
        tables: [
            ResultTable(
                id: "demo.impact", title: LocalizedText(zh: "影响", en: "Impact"), rowHeader: LocalizedText(zh: "年份", en: "Year"),
                columns: [
                    ResultColumn(LocalizedText(zh: "产出", en: "Output"), unit: "亿元", decimals: 1),
                    ResultColumn(LocalizedText(zh: "就业", en: "Jobs"), unit: "jobs"),
                    ResultColumn(LocalizedText(zh: "说明", en: "Note")),
                ],
                rows: [
                    ResultRow(LocalizedText("2021"), [
                        .quantiles(QuantileSummary(mean: 1234.56, p10: 1000, p50: 1200.04, p90: 1500.55)), .number(0.1234),
                        .text(LocalizedText(zh: "估计", en: "estimate")),
                    ]),
                    ResultRow(LocalizedText("2022"), [.number(12.3), .empty, .empty]),
                ],
                notes: [LocalizedText(zh: "注", en: "note")])
        ])

    @Test func textHasUnitsAndQuantileCells() {
        let m = ModuleTables(reports: [Self.report], language: .en)
        let table = m.tables()[0]
        #expect(table.title == "Demo · Impact")
        // The unit is added in brackets unless the header already names it ("Jobs" + "jobs").
        #expect(table.columns.map(\.header) == ["Year", "Output (亿元)", "Jobs", "Note"])
        #expect(table.rows[0] == ["2021", "1,200.0 (1,000.0–1,500.5)", "0.123", "estimate"])
        #expect(table.rows[1] == ["2022", "12.3", "", ""])
        #expect(table.notes.first == "note" && table.notes.count == 2)
        let md = MarkdownTableRenderer().render(table)
        #expect(md.contains("| 2021 | 1,200.0 (1,000.0–1,500.5) |"))
    }

    @Test func csvIsLongFormatAtFullPrecision() {
        let csv = ModuleTables(reports: [Self.report], language: .zh).csv()
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == "scenario,module,table,row,column,unit,statistic,value")
        #expect(lines[1] == "baseline,demo,demo.impact,2021,产出,亿元,mean,1234.56")
        #expect(lines.contains("baseline,demo,demo.impact,2021,产出,亿元,p90,1500.55"))
        #expect(lines.contains("baseline,demo,demo.impact,2021,说明,,value,估计"))
        #expect(lines.count == 1 + 4 + 1 + 1 + 1)
    }

    @Test func jsonHasModulesTablesAndCells() throws {
        var bytes: [UInt8] = []
        var w = JSONWriter { bytes += $0 }
        try w.beginObject()
        try w.key("modules")
        try ModuleTables(reports: [Self.report]).writeJSON(&w)
        try w.endObject()
        try w.flush()
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let modules = try #require(obj["modules"] as? [[String: Any]])
        #expect(modules[0]["version"] as? String == "1.2.0")
        let table = try #require((modules[0]["tables"] as? [[String: Any]])?.first)
        let columns = try #require(table["columns"] as? [[String: Any]])
        #expect(columns[0]["unit"] as? String == "亿元" && columns[2]["unit"] is NSNull)
        let rows = try #require(table["rows"] as? [[String: Any]])
        let cells = try #require(rows[0]["cells"] as? [Any])
        #expect((cells[0] as? [String: Double])?["p50"] == 1200.04)
        #expect(cells[1] as? Double == 0.1234)
        #expect((cells[2] as? [String: String])?["en"] == "estimate")
        #expect((rows[1]["cells"] as? [Any])?[1] is NSNull)
    }
}

import Reports
import ScenarioKit

extension ModuleTables {
    /// The `modules` array: `[{scenario, id, version, title{zh,en}, tables: [{id, title{zh,en},
    /// row_header{zh,en}, columns: [{header{zh,en}, unit}], rows: [{label{zh,en}, cells: […]}],
    /// notes: [{zh,en}]}]}]`. A cell is a number, `{zh, en}` for text, `{mean, p10, p50, p90}` for
    /// quantiles, or null. `scenario` is `baseline` or the variant's name.
    public func writeJSON(_ w: inout JSONWriter) throws {
        try w.beginArray(inline: false)
        for r in reports {
            try w.beginObject()
            try w.member("scenario", r.variant ?? "baseline")
            try w.member("id", r.descriptor.id)
            try w.member("version", r.descriptor.version)
            try text(&w, "title", r.descriptor.title)
            try w.key("tables")
            try w.beginArray(inline: false)
            for t in r.tables { try table(&w, t) }
            try w.endArray()
            try w.endObject()
        }
        try w.endArray()
    }

    private func table(_ w: inout JSONWriter, _ t: ResultTable) throws {
        try w.beginObject()
        try w.member("id", t.id)
        try text(&w, "title", t.title)
        try text(&w, "row_header", t.rowHeader)
        try w.key("columns")
        try w.beginArray(inline: false)
        for c in t.columns {
            try w.beginObject()
            try text(&w, "header", c.header)
            try w.key("unit")
            if let u = c.unit { try w.value(u) } else { try w.null() }
            try w.endObject()
        }
        try w.endArray()
        try w.key("rows")
        try w.beginArray(inline: false)
        for row in t.rows {
            try w.beginObject()
            try text(&w, "label", row.label)
            try w.key("cells")
            let flat = row.cells.allSatisfy { if case .number = $0 { return true } else { return $0 == .empty } }
            try w.beginArray(inline: flat)
            for cell in row.cells { try self.cell(&w, cell) }
            try w.endArray()
            try w.endObject()
        }
        try w.endArray()
        try w.key("notes")
        try w.beginArray(inline: false)
        for n in t.notes { try localized(&w, n) }
        try w.endArray()
        try w.endObject()
    }

    private func cell(_ w: inout JSONWriter, _ c: ResultCell) throws {
        switch c {
        case let .number(v): try w.value(v)
        case let .text(t): try localized(&w, t)
        case let .quantiles(q):
            try w.beginObject()
            try w.member("mean", q.mean)
            try w.member("p10", q.p10)
            try w.member("p50", q.p50)
            try w.member("p90", q.p90)
            try w.endObject()
        case .empty: try w.null()
        }
    }

    private func text(_ w: inout JSONWriter, _ key: String, _ t: LocalizedText) throws {
        try w.key(key)
        try localized(&w, t)
    }

    private func localized(_ w: inout JSONWriter, _ t: LocalizedText) throws {
        try w.beginObject()
        try w.member("zh", t.zh)
        try w.member("en", t.en)
        try w.endObject()
    }
}

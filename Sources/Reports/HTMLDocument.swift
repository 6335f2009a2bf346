import Foundation

/// Renders a `Table` as an HTML `<table>` in a `<section>`: the title as `<h3>`, a `<thead>` (repeated
/// on each printed page by browsers), right-aligned numeric columns (`class="num"`), and the notes
/// as paragraphs underneath. Output is well-formed XML (XHTML syntax) and valid HTML5.
public struct HTMLTableRenderer: Sendable {
    /// Show the notes under the table.
    public var includeNotes: Bool

    public init(includeNotes: Bool = true) { self.includeNotes = includeNotes }

    public func render(_ table: Table) -> String {
        let e = XMLEscaping.escape
        var out = "<section class=\"table\">\n"
        if let title = table.title { out += "<h3>\(e(title))</h3>\n" }
        // Tables of many columns take the full width, so the label column is not squeezed.
        out += table.columns.count >= 6 ? "<table class=\"wide\">\n<thead><tr>" : "<table>\n<thead><tr>"
        for c in table.columns { out += "<th\(c.alignment == .right ? " class=\"num\"" : "")>\(Self.header(c.header))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (j, cell) in row.enumerated() {
                let right = j < table.columns.count && table.columns[j].alignment == .right
                // Never <td/>: an HTML parser would read it as an open tag.
                out += "<td\(right ? " class=\"num\"" : "")>\(e(cell))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if includeNotes {
            for note in table.notes { out += "<p class=\"note\">\(e(note))</p>\n" }
        }
        return out + "</section>\n"
    }

    /// A header with a trailing unit in brackets, `mean (亿元)`, keeps the unit on one line.
    static func header(_ text: String) -> String {
        guard text.hasSuffix(")") || text.hasSuffix("）"), let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }),
            open > text.startIndex
        else { return XMLEscaping.escape(text) }
        return XMLEscaping.escape(String(text[..<open])) + "<span class=\"unit\">" + XMLEscaping.escape(String(text[open...]))
            + "</span>"
    }
}

/// A self-contained HTML page written in XHTML syntax (so an XML parser can check it and browsers
/// read it as HTML5): inline style sheet, no external resources. Append headings, paragraphs,
/// lists, tables and inline SVG figures in order, then `render()`.
public struct HTMLDocument: Sendable {
    public var title: String
    /// The page's language tag, e.g. `zh-CN` or `en`.
    public var language: String
    public var styleSheet: String
    public private(set) var body = ""

    public init(title: String, language: String, styleSheet: String = HTMLDocument.printStyleSheet) {
        self.title = title
        self.language = language
        self.styleSheet = styleSheet
    }

    /// Markup that is already well-formed (e.g. from `HTMLTableRenderer`).
    public mutating func append(markup: String) { body += markup }

    public mutating func heading(_ text: String, level: Int = 2, id: String? = nil) {
        let l = min(6, max(1, level))
        body += "<h\(l)\(id.map { " id=\"\(XMLEscaping.escape($0))\"" } ?? "")>\(XMLEscaping.escape(text))</h\(l)>\n"
    }

    public mutating func paragraph(_ text: String, class className: String? = nil) {
        body += "<p\(Self.classAttribute(className))>\(XMLEscaping.escape(text))</p>\n"
    }

    public mutating func list(_ items: [String], class className: String? = nil) {
        guard !items.isEmpty else { return }
        body += "<ul\(Self.classAttribute(className))>\n"
        for item in items { body += "<li>\(XMLEscaping.escape(item))</li>\n" }
        body += "</ul>\n"
    }

    /// A table via `HTMLTableRenderer`.
    public mutating func table(_ table: Table, includeNotes: Bool = true) {
        body += HTMLTableRenderer(includeNotes: includeNotes).render(table)
    }

    /// An inline SVG in a `<figure>` that is kept on one printed page.
    public mutating func figure(_ svg: SVGDocument, class className: String = "chart") {
        body += "<figure class=\"\(XMLEscaping.escape(className))\">\n" + svg.render(standalone: false) + "</figure>\n"
    }

    static func classAttribute(_ c: String?) -> String { c.map { " class=\"\(XMLEscaping.escape($0))\"" } ?? "" }

    /// The page.
    public func render() -> String {
        let e = XMLEscaping.escape
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(e(language))" xml:lang="\(e(language))">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(e(title))</title>
            <style>
            \(styleSheet)
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    /// Screen and A4 print styles: CJK font stack, tabular figures, tables with repeated headers,
    /// figures and small tables kept on one page, colours kept in print. No `<`, `>` or `&` (the
    /// page must stay well-formed XML).
    public static let printStyleSheet = """
        @page { size: A4; margin: 14mm 13mm 16mm 13mm; }
        html { font-family: \(SVGDocument.fontStack); color: #1a1a1a; background: #fff; }
        body { margin: 0; font-size: 10.5pt; line-height: 1.5; }
        main { max-width: 190mm; margin: 0 auto; padding: 8mm 6mm; }
        h1 { font-size: 18pt; margin: 0 0 2mm 0; line-height: 1.3; }
        h2 { font-size: 13pt; margin: 7mm 0 3mm 0; padding-bottom: 1mm; border-bottom: 1.5pt solid #0072B2;
             break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 11pt; margin: 5mm 0 2mm 0; break-after: avoid; page-break-after: avoid; }
        p { margin: 1.5mm 0; }
        .meta { color: #444; font-size: 9.5pt; }
        .note { color: #555; font-size: 8.5pt; margin: 1mm 0; }
        ul.notes { font-size: 9pt; color: #333; padding-left: 5mm; }
        ul.notes li { margin: 0.8mm 0; }
        figure { margin: 3mm 0 5mm 0; break-inside: avoid; page-break-inside: avoid; }
        figure svg { display: block; width: 100%; height: auto; }
        figure.lead svg { max-width: 160mm; margin: 0 auto; }
        section.table { margin-bottom: 4mm; break-inside: avoid; page-break-inside: avoid; }
        table { border-collapse: collapse; width: auto; max-width: 100%; font-size: 8.5pt; line-height: 1.35;
                font-variant-numeric: tabular-nums; }
        thead { display: table-header-group; }
        th { background: #eef3f8; font-weight: 600; text-align: left; vertical-align: bottom; }
        th, td { border-bottom: 0.6pt solid #c8c8c8; padding: 0.9mm 1.6mm; }
        th.num { text-align: right; }
        th .unit { white-space: nowrap; }
        table.wide { width: 100%; }
        td.num { text-align: right; white-space: nowrap; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        tbody tr:nth-child(even) td { background: #f8f8f8; }
        footer { margin-top: 8mm; color: #777; font-size: 8pt; }
        @media print {
          html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          main { max-width: none; padding: 0; }
        }
        """
}

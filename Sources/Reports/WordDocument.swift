import Foundation

/// A Word document (Office Open XML, `.docx`) built block by block: headings, paragraphs, native
/// tables (header row repeated on every page, right-aligned columns as the `Table` says, borders)
/// and PNG pictures, A4 with page numbers in the footer. Body text in a Song face and headings in a
/// Hei face, each with named fallbacks (Word, WPS and LibreOffice pick the first they have):
/// `SimSun`/`Songti SC`/`Noto Serif CJK SC` and `SimHei`/`Heiti SC`/`Noto Sans CJK SC`.
///
/// The package is a ZIP (ZIPFoundation, deflate, fixed dates so the same document gives the same
/// bytes) of `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml`, `word/document.xml`,
/// `word/styles.xml`, `word/footer1.xml`, `word/_rels/document.xml.rels` and `word/media/imageN.png`.
public struct WordDocument {
    public var title: String
    /// BCP 47 language of the text (`zh-CN`, `en-US`).
    public var language: String
    private var body: [String] = []
    private var images: [Data] = []

    public init(title: String, language: String) {
        self.title = title
        self.language = language
    }

    /// The usable width of an A4 page with 2.2 cm margins, in EMU (1 cm = 360,000 EMU).
    public static let textWidthEMU = 5_968_800

    static func escape(_ s: String) -> String { XMLEscaping.escape(s) }

    static func run(_ text: String, bold: Bool = false, size: Int? = nil) -> String {
        var props = ""
        if bold { props += "<w:b/>" }
        if let size { props += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        return "<w:r>" + (props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>") + "<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
    }

    /// A heading (level 1: the title, 2 and 3: sections).
    public mutating func heading(_ text: String, level: Int = 2) {
        let style = level <= 1 ? "Title" : "Heading\(min(level - 1, 2))"
        body.append("<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/><w:keepNext/></w:pPr>\(Self.run(text))</w:p>")
    }

    /// A body paragraph (`small`: the notes' size).
    public mutating func paragraph(_ text: String, small: Bool = false, bold: Bool = false) {
        let style = small ? "<w:pPr><w:pStyle w:val=\"Note\"/></w:pPr>" : ""
        body.append("<w:p>\(style)\(Self.run(text, bold: bold))</w:p>")
    }

    /// A native table: the title as a caption above, the header row bold, shaded and repeated on
    /// every page, columns aligned as the table says, then its notes in small print.
    public mutating func table(_ t: Table, includeNotes: Bool = true) {
        if let title = t.title {
            body.append("<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>\(Self.run(title, bold: true))</w:p>")
        }
        let n = max(t.columns.count, 1)
        let width = Self.textWidthEMU / 635  // twentieths of a point: 1 twip = 635 EMU
        let first = t.columns.count > 1 ? min(width * 2 / 5, max(width / n, width / 4)) : width
        let rest = t.columns.count > 1 ? (width - first) / (t.columns.count - 1) : 0
        let widths = t.columns.indices.map { $0 == 0 ? first : rest }
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"BriefingTable\"/><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\"/></w:tblPr><w:tblGrid>"
            + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        func cell(_ text: String, _ k: Int, header: Bool) -> String {
            let right = k < t.columns.count && t.columns[k].alignment == .right
            let shade = header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EEF6\"/>" : ""
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[min(k, widths.count - 1)])\" w:type=\"dxa\"/>\(shade)</w:tcPr>"
                + "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>\(right ? "<w:jc w:val=\"right\"/>" : "")</w:pPr>"
                + Self.run(text, bold: header) + "</w:p></w:tc>"
        }
        xml += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
            + t.columns.enumerated().map { cell($1.header, $0, header: true) }.joined() + "</w:tr>"
        for row in t.rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + t.columns.indices.map { cell($0 < row.count ? row[$0] : "", $0, header: false) }.joined() + "</w:tr>"
        }
        body.append(xml + "</w:tbl>")
        if includeNotes { for note in t.notes { paragraph(note, small: true) } }
    }

    /// A PNG picture `widthEMU` wide (height from the PNG's aspect ratio), with a caption below.
    public mutating func picture(png: Data, pixelWidth: Int, pixelHeight: Int, description: String, widthEMU: Int = textWidthEMU) {
        images.append(png)
        let i = images.count
        let cx = widthEMU, cy = Int(Double(widthEMU) * Double(pixelHeight) / Double(max(pixelWidth, 1)))
        let alt = Self.escape(description)
        body.append("""
            <w:p><w:pPr><w:jc w:val="center"/><w:keepNext/></w:pPr><w:r><w:drawing>\
            <wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\(cx)" cy="\(cy)"/>\
            <wp:docPr id="\(i)" name="Chart \(i)" descr="\(alt)"/>\
            <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>\
            <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
            <pic:pic><pic:nvPicPr><pic:cNvPr id="\(i)" name="image\(i).png" descr="\(alt)"/><pic:cNvPicPr/></pic:nvPicPr>\
            <pic:blipFill><a:blip r:embed="rIdImage\(i)"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
            <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>\
            </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """)
        paragraph(description, small: true)
    }

    /// A page break.
    public mutating func pageBreak() { body.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>") }

    /// The `.docx` bytes.
    public func data() throws -> Data {
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(Self.rootRelations.utf8)),
            ("docProps/core.xml", Data(core.utf8)),
            ("word/document.xml", Data(document.utf8)),
            ("word/styles.xml", Data(styles.utf8)),
            ("word/footer1.xml", Data(Self.footer.utf8)),
            ("word/fontTable.xml", Data(Self.fontTable.utf8)),
            ("word/_rels/document.xml.rels", Data(relations.utf8)),
        ]
        for (k, png) in images.enumerated() { parts.append(("word/media/image\(k + 1).png", png)) }
        return try ZipPackage.data(parts)
    }

    // MARK: Parts

    static let ns = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
        """

    var document: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(Self.ns)><w:body>\(body.joined())\
        <w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>\
        <w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1247" w:right="1247" w:bottom="1247" w:left="1247" w:header="709" w:footer="567" w:gutter="0"/>\
        </w:sectPr></w:body></w:document>
        """
    }

    static let footer = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <w:r><w:t xml:space="preserve"> / </w:t></w:r>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        </w:p></w:ftr>
        """

    /// The fonts with their alternative names (宋体, 黑体) and the GB2312 charset, so Word and WPS
    /// find them by either name and substitute a Song or Hei face when they are missing.
    static let fontTable = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:font w:name="SimSun"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>\
        <w:font w:name="SimHei"><w:altName w:val="黑体"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>\
        <w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>\
        <w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>\
        </w:fonts>
        """

    var styles: String {
        let song = "w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"SimSun\" w:cs=\"Times New Roman\""
        let hei = "w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"SimHei\" w:cs=\"Arial\""
        func style(_ id: String, _ name: String, fonts: String, size: Int, bold: Bool = false, spaceBefore: Int = 0, spaceAfter: Int = 120, extra: String = "") -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
                + "<w:pPr><w:spacing w:before=\"\(spaceBefore)\" w:after=\"\(spaceAfter)\"/>\(extra)</w:pPr>"
                + "<w:rPr><w:rFonts \(fonts)/>\(bold ? "<w:b/>" : "")<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts \(song)/><w:sz w:val="22"/><w:szCs w:val="22"/>\
            <w:lang w:val="\(language)" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            \(style("Title", "Title", fonts: hei, size: 36, bold: true, spaceAfter: 200, extra: "<w:jc w:val=\"center\"/>"))\
            \(style("Heading1", "heading 1", fonts: hei, size: 28, bold: true, spaceBefore: 280, extra: "<w:outlineLvl w:val=\"0\"/>"))\
            \(style("Heading2", "heading 2", fonts: hei, size: 24, bold: true, spaceBefore: 200, extra: "<w:outlineLvl w:val=\"1\"/>"))\
            \(style("Caption", "caption", fonts: hei, size: 21, bold: true, spaceBefore: 160, spaceAfter: 60))\
            \(style("Note", "Note", fonts: song, size: 18, spaceAfter: 60))\
            \(style("TableText", "Table Text", fonts: song, size: 18, spaceAfter: 0, extra: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"))\
            <w:style w:type="table" w:styleId="BriefingTable"><w:name w:val="Briefing Table"/><w:tblPr>\
            <w:tblBorders><w:top w:val="single" w:sz="8" w:color="404040"/><w:bottom w:val="single" w:sz="8" w:color="404040"/>\
            <w:insideH w:val="single" w:sz="4" w:color="BFBFBF"/></w:tblBorders>\
            <w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            </w:styles>
            """
    }

    var relations: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
        <Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>\
        \(images.indices.map { "<Relationship Id=\"rIdImage\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image\($0 + 1).png\"/>" }.joined())\
        </Relationships>
        """
    }

    static let rootRelations = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    var contentTypes: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="png" ContentType="image/png"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """
    }

    var core: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(Self.escape(title))</dc:title>\
        <dc:creator>BinhaiSim</dc:creator><dc:language>\(language)</dc:language></cp:coreProperties>
        """
    }
}

import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML document for tests (shared by ReportsTests, BriefingsTests and XLSX checks): every element in document order with its attributes and
/// text, plus the parser's error (nil when the text is well-formed).
public final class XMLTree: NSObject, XMLParserDelegate {
    public struct Element: Sendable {
        public var name: String
        public var attributes: [String: String]
        public var text: String
    }

    public private(set) var elements: [Element] = []
    public private(set) var error: Error?
    private var open: [Int] = []

    /// Parse `text`; check `error` for well-formedness.
    public init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? NSError(domain: "XMLTree", code: 1) }
    }

    public func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(Element(name: elementName, attributes: attributeDict, text: ""))
        open.append(elements.count - 1)
    }

    public func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = open.popLast()
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = open.last { elements[i].text += string }
    }

    public func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    /// Elements named `name`, optionally with `data-key` = `key`.
    public func all(_ name: String, key: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (key == nil || $0.attributes["data-key"] == key) }
    }

    /// The points of a polyline/polygon `points` attribute.
    public static func points(_ e: Element) -> [(x: Double, y: Double)] {
        (e.attributes["points"] ?? "").split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").map { Double($0) ?? .nan }
            return (xy[0], xy[1])
        }
    }
}

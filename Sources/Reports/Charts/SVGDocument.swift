import Foundation

/// Escaping for XML text and attribute values (SVG, XHTML).
public enum XMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, and the control characters XML
    /// 1.0 forbids (everything below U+0020 except tab, newline and carriage return) dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Numbers as written in SVG attributes: at most `decimals` digits after the point, trailing zeros
/// dropped, no "-0", "0" for NaN/∞ (so a bad value never produces an unparsable attribute).
public enum SVGNumber {
    public static func format(_ v: Double, decimals: Int = 2) -> String {
        guard v.isFinite else { return "0" }
        var s = NumberFormatting.fixed(v, decimals: decimals)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s == "-0" { s = "0" }
        return s
    }
}

/// One SVG element: a name, attributes in the order given, children and optional text content.
/// Build with the static helpers (`line`, `polyline`, `text`, …) and add to an `SVGDocument`.
public struct SVGElement: Sendable, Equatable {
    public var name: String
    public var attributes: [Attribute]
    public var children: [SVGElement]
    public var text: String?

    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(_ name: String, _ attributes: [Attribute] = [], children: [SVGElement] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// Set (or replace) an attribute.
    public mutating func set(_ name: String, _ value: String) {
        if let i = attributes.firstIndex(where: { $0.name == name }) {
            attributes[i].value = value
        } else {
            attributes.append(Attribute(name, value))
        }
    }

    /// The element with an extra attribute (e.g. `data-key` or `class`).
    public func with(_ name: String, _ value: String) -> SVGElement {
        var e = self
        e.set(name, value)
        return e
    }

    /// The value of attribute `name`, if set.
    public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    /// XML text of the element and its children.
    public func render(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        var out = pad + "<" + name
        for a in attributes { out += " \(a.name)=\"\(XMLEscaping.escape(a.value))\"" }
        if children.isEmpty && text == nil { return out + "/>\n" }
        out += ">"
        if let text { out += XMLEscaping.escape(text) }
        if !children.isEmpty {
            out += "\n"
            for c in children { out += c.render(indent: indent + 1) }
            out += pad
        }
        return out + "</\(name)>\n"
    }

    // MARK: Shapes

    static func n(_ v: Double) -> String { SVGNumber.format(v) }

    /// A straight line.
    public static func line(x1: Double, y1: Double, x2: Double, y2: Double, style: SVGStyle) -> SVGElement {
        SVGElement("line", [.init("x1", n(x1)), .init("y1", n(y1)), .init("x2", n(x2)), .init("y2", n(y2))] + style.attributes)
    }

    /// An open path through `points`.
    public static func polyline(_ points: [(x: Double, y: Double)], style: SVGStyle) -> SVGElement {
        var s = style
        if s.fill == nil { s.fill = "none" }
        return SVGElement("polyline", [.init("points", pointList(points))] + s.attributes)
    }

    /// A closed shape through `points` (e.g. a band: upper edge left to right, lower edge back).
    public static func polygon(_ points: [(x: Double, y: Double)], style: SVGStyle) -> SVGElement {
        SVGElement("polygon", [.init("points", pointList(points))] + style.attributes)
    }

    /// A rectangle (negative sizes are normalised).
    public static func rect(x: Double, y: Double, width: Double, height: Double, style: SVGStyle) -> SVGElement {
        SVGElement(
            "rect",
            [
                .init("x", n(min(x, x + width))), .init("y", n(min(y, y + height))), .init("width", n(abs(width))),
                .init("height", n(abs(height))),
            ] + style.attributes)
    }

    /// A circle.
    public static func circle(cx: Double, cy: Double, r: Double, style: SVGStyle) -> SVGElement {
        SVGElement("circle", [.init("cx", n(cx)), .init("cy", n(cy)), .init("r", n(r))] + style.attributes)
    }

    /// Text at (x, y) (the baseline); `anchor` says which end of the text is at x.
    public static func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: TextAnchor = .start, fill: String = "#222",
        weight: String? = nil, rotate: Double? = nil
    ) -> SVGElement {
        var attrs: [Attribute] = [.init("x", n(x)), .init("y", n(y)), .init("font-size", n(size))]
        if anchor != .start { attrs.append(.init("text-anchor", anchor.rawValue)) }
        attrs.append(.init("fill", fill))
        if let weight { attrs.append(.init("font-weight", weight)) }
        if let rotate { attrs.append(.init("transform", "rotate(\(n(rotate)) \(n(x)) \(n(y)))")) }
        return SVGElement("text", attrs, text: content)
    }

    /// A group of elements, optionally with a class (and other attributes).
    public static func group(
        _ children: [SVGElement], class className: String? = nil, _ attributes: [Attribute] = []
    ) -> SVGElement {
        SVGElement("g", (className.map { [Attribute("class", $0)] } ?? []) + attributes, children: children)
    }

    static func pointList(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
    }
}

/// Which end of a text is at its x coordinate.
public enum TextAnchor: String, Sendable {
    case start, middle, end
}

/// Stroke and fill of a shape, written as presentation attributes.
public struct SVGStyle: Sendable, Equatable {
    public var stroke: String?
    public var strokeWidth: Double?
    public var fill: String?
    public var fillOpacity: Double?
    /// Dash pattern in user units, e.g. [6, 4]; nil or empty = solid.
    public var dash: [Double]?
    public var lineJoin: String?
    public var lineCap: String?

    public init(
        stroke: String? = nil, strokeWidth: Double? = nil, fill: String? = nil, fillOpacity: Double? = nil,
        dash: [Double]? = nil, lineJoin: String? = nil, lineCap: String? = nil
    ) {
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.fill = fill
        self.fillOpacity = fillOpacity
        self.dash = dash
        self.lineJoin = lineJoin
        self.lineCap = lineCap
    }

    /// A stroked line without fill.
    public static func stroke(_ color: String, width: Double = 1, dash: [Double]? = nil) -> SVGStyle {
        SVGStyle(stroke: color, strokeWidth: width, fill: "none", dash: dash, lineJoin: "round", lineCap: dash == nil ? "round" : "butt")
    }

    /// A filled shape without stroke.
    public static func fill(_ color: String, opacity: Double? = nil) -> SVGStyle {
        SVGStyle(stroke: "none", fill: color, fillOpacity: opacity)
    }

    var attributes: [SVGElement.Attribute] {
        var a: [SVGElement.Attribute] = []
        if let fill { a.append(.init("fill", fill)) }
        if let fillOpacity { a.append(.init("fill-opacity", SVGNumber.format(fillOpacity, decimals: 3))) }
        if let stroke { a.append(.init("stroke", stroke)) }
        if let strokeWidth { a.append(.init("stroke-width", SVGNumber.format(strokeWidth))) }
        if let dash, !dash.isEmpty { a.append(.init("stroke-dasharray", dash.map { SVGNumber.format($0) }.joined(separator: " "))) }
        if let lineJoin { a.append(.init("stroke-linejoin", lineJoin)) }
        if let lineCap { a.append(.init("stroke-linecap", lineCap)) }
        return a
    }
}

/// An SVG drawing: size, viewBox, font stack and elements in painting order.
///
/// `render()` gives a standalone file (XML declaration, `xmlns`); `render(standalone: false)` the
/// same `<svg>` element for inlining in an (X)HTML page.
public struct SVGDocument: Sendable {
    /// Sans-serif fonts with Chinese glyphs on Linux, Windows and macOS, then the generic family.
    /// Unquoted multi-word names are valid CSS and avoid quotes inside the attribute.
    public static let fontStack =
        "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, Hiragino Sans GB, Noto Sans, Helvetica, Arial, sans-serif"

    public var width: Double
    public var height: Double
    /// viewBox as (minX, minY, width, height); defaults to the document size.
    public var viewBox: (x: Double, y: Double, width: Double, height: Double)
    public var fontFamily: String
    /// Accessible title (`<title>`), also shown by viewers as a tooltip.
    public var title: String?
    /// Accessible description (`<desc>`).
    public var description: String?
    public private(set) var elements: [SVGElement] = []

    public init(width: Double, height: Double, fontFamily: String = SVGDocument.fontStack, title: String? = nil) {
        self.width = width
        self.height = height
        self.viewBox = (0, 0, width, height)
        self.fontFamily = fontFamily
        self.title = title
    }

    public mutating func add(_ element: SVGElement) { elements.append(element) }
    public mutating func add(_ elements: [SVGElement]) { self.elements += elements }

    /// The document as XML text.
    public func render(standalone: Bool = true) -> String {
        let n = SVGElement.n
        var root = SVGElement(
            "svg",
            [
                .init("xmlns", "http://www.w3.org/2000/svg"), .init("width", n(width)), .init("height", n(height)),
                .init("viewBox", "\(n(viewBox.x)) \(n(viewBox.y)) \(n(viewBox.width)) \(n(viewBox.height))"),
                .init("font-family", fontFamily), .init("role", "img"),
            ])
        if let title { root.children.append(SVGElement("title", text: title)) }
        if let description { root.children.append(SVGElement("desc", text: description)) }
        root.children += elements
        let body = root.render()
        return standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body : body
    }
}

/// Approximate rendered width of text, for laying out labels without a font engine: wide (CJK)
/// characters take 1 em, digits and most Latin letters about 0.55–0.65 em. Errs on the wide side
/// so labels get room rather than overlap.
public enum TextMeasure {
    public static func width(_ text: String, size: Double) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            let cells = DisplayWidth.of(scalar)
            if cells == 0 { continue }
            if cells == 2 { em += 1.0; continue }
            switch scalar {
            case " ", ",", ".", ":", ";", "'", "|", "!", "i", "l", "j", "I", "(", ")", "[", "]": em += 0.32
            case "f", "t", "r", "-", "/": em += 0.4
            case "0"..."9": em += 0.57
            case "m", "w", "M", "W", "%", "@", "—", "–": em += 0.9
            case "A"..."Z": em += 0.68
            default: em += 0.58
            }
        }
        return em * size
    }

    /// `text` cut with "…" so that it is at most `maxWidth` wide.
    public static func truncate(_ text: String, size: Double, maxWidth: Double) -> String {
        guard width(text, size: size) > maxWidth else { return text }
        var out = ""
        for ch in text {
            if width(out + String(ch) + "…", size: size) > maxWidth { break }
            out.append(ch)
        }
        return out + "…"
    }

    /// `text` broken into lines no wider than `maxWidth`: at spaces, and between Chinese characters.
    public static func wrap(_ text: String, size: Double, maxWidth: Double) -> [String] {
        guard width(text, size: size) > maxWidth else { return [text] }
        // Tokens: a run of non-space narrow characters (a word, with its trailing space) or one wide character.
        var tokens: [String] = []
        var current = ""
        for ch in text {
            let wide = DisplayWidth.of(String(ch)) == 2
            if wide {
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(ch))
            } else if ch == " " {
                current.append(ch)
                tokens.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var lines: [String] = []
        var line = ""
        for token in tokens {
            // Chinese closing punctuation stays on the line it ends.
            let closing = token.count == 1 && "，。；：、）」』》！？".contains(token)
            if !line.isEmpty && !closing && width(line + token.trailingSpacesRemoved, size: size) > maxWidth {
                lines.append(line.trailingSpacesRemoved)
                line = ""
            }
            line += token
        }
        if !line.isEmpty { lines.append(line.trailingSpacesRemoved) }
        return lines
    }
}

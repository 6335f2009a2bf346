import Foundation

/// The parts every chart shares: title, subtitle, unit, y grid and tick labels, legend, caption,
/// and the column of labels right of the plot. Works out where each goes so nothing overlaps or is
/// cut off, given an estimate of text widths (`TextMeasure`).
struct ChartFrame {
    var width: Double
    var plotHeight: Double
    var title: String
    var subtitle: [String]
    var caption: [String]
    var yUnit: String?
    var legend: [LegendEntry]
    var yTicks: NiceTicks
    /// Texts of the labels right of the plot (to size the right margin).
    var rightLabels: [String]
    /// Extra room left of the first x category / right of the plot for x tick labels that overhang.
    var xLabelOverhang: Double = 0

    static let pad = 18.0
    static let titleSize = 17.0, subtitleSize = 12.5, unitSize = 12.0, tickSize = 12.0
    static let legendSize = 12.5, captionSize = 11.0, labelSize = 12.0
    /// Labels right of the plot are cut (with "…") beyond this width, so the plot keeps its room.
    static let maxRightLabelWidth = 250.0

    struct Layout {
        var plot: ChartRect
        var height: Double
        var y: LinearScale
        var titleLines: [(String, Double)]
        var subtitleLines: [(String, Double)]
        var unitBaseline: Double
        var xTickBaseline: Double
        var legendItems: [(LegendEntry, Double, Double)]
        var captionLines: [(String, Double)]
    }

    func layout() -> Layout {
        let pad = Self.pad
        let content = width - 2 * pad
        var cursor = pad
        var titleLines: [(String, Double)] = []
        for line in TextMeasure.wrap(title, size: Self.titleSize, maxWidth: content) {
            cursor += titleLines.isEmpty ? Self.titleSize : 22
            titleLines.append((line, cursor))
        }
        var subtitleLines: [(String, Double)] = []
        for s in subtitle {
            for line in TextMeasure.wrap(s, size: Self.subtitleSize, maxWidth: content) {
                cursor += 18
                subtitleLines.append((line, cursor))
            }
        }
        cursor += 22
        let unitBaseline = cursor
        let plotTop = cursor + 14
        let tickWidth = yTicks.values.map { TextMeasure.width(yTicks.label($0), size: Self.tickSize) }.max() ?? 0
        let left = max(pad + tickWidth + 8, pad + xLabelOverhang)
        // Right labels are bold: about 8 % wider than the regular-weight estimate.
        let labelWidth =
            rightLabels.flatMap(Self.labelLines).map { 1.08 * TextMeasure.width($0, size: Self.labelSize) }.max() ?? 0
        let right = labelWidth > 0 ? labelWidth + 16 + pad : max(pad, xLabelOverhang + 4)
        let plot = ChartRect(x: left, y: plotTop, width: max(40, width - left - right), height: plotHeight)
        let y = LinearScale(domain: yTicks.lower...yTicks.upper, range: plot.maxY, plot.y)
        let xTickBaseline = plot.maxY + 18
        cursor = xTickBaseline + 8
        // Legend rows, left-aligned with the plot, wrapping at the right edge.
        var legendItems: [(LegendEntry, Double, Double)] = []
        if !legend.isEmpty {
            cursor += 14
            var x = plot.x
            let rowStart = plot.x
            for var entry in legend {
                entry.name = TextMeasure.truncate(entry.name, size: Self.legendSize, maxWidth: width - pad - rowStart - 30)
                let w = 30 + TextMeasure.width(entry.name, size: Self.legendSize)
                if x > rowStart && x + w > width - pad {
                    x = rowStart
                    cursor += 20
                }
                legendItems.append((entry, x, cursor))
                x += w + 20
            }
            cursor += 6
        }
        var captionLines: [(String, Double)] = []
        if !caption.isEmpty { cursor += 8 }
        for c in caption {
            for line in TextMeasure.wrap(c, size: Self.captionSize, maxWidth: content) {
                cursor += 15
                captionLines.append((line, cursor))
            }
        }
        let height = (cursor + pad).rounded(.up)
        return Layout(
            plot: plot, height: height, y: y, titleLines: titleLines, subtitleLines: subtitleLines,
            unitBaseline: unitBaseline, xTickBaseline: xTickBaseline, legendItems: legendItems, captionLines: captionLines)
    }

    /// White background, horizontal grid lines and y tick labels (drawn first).
    func background(_ l: Layout) -> [SVGElement] {
        var out = [SVGElement.rect(x: 0, y: 0, width: width, height: l.height, style: .fill("#ffffff")).with("class", "background")]
        var grid: [SVGElement] = []
        for v in yTicks.values {
            let y = l.y(v)
            let isBase = v == yTicks.lower
            grid.append(.line(x1: l.plot.x, y1: y, x2: l.plot.maxX, y2: y, style: .stroke(isBase ? "#8c8c8c" : "#e2e2e2", width: 1)))
            grid.append(.text(yTicks.label(v), x: l.plot.x - 7, y: y + 4, size: Self.tickSize, anchor: .end, fill: "#555"))
        }
        out.append(.group(grid, class: "y-axis"))
        return out
    }

    /// Title, subtitle, unit, legend and caption (drawn last).
    func chrome(_ l: Layout) -> [SVGElement] {
        var out: [SVGElement] = []
        var head: [SVGElement] = l.titleLines.map {
            .text($0.0, x: Self.pad, y: $0.1, size: Self.titleSize, fill: "#111", weight: "bold")
        }
        head += l.subtitleLines.map { .text($0.0, x: Self.pad, y: $0.1, size: Self.subtitleSize, fill: "#444") }
        out.append(.group(head, class: "title"))
        if let yUnit {
            out.append(.text(yUnit, x: Self.pad, y: l.unitBaseline, size: Self.unitSize, fill: "#555").with("class", "unit"))
        }
        if !l.legendItems.isEmpty {
            var items: [SVGElement] = []
            for (entry, x, y) in l.legendItems {
                items.append(contentsOf: Self.legendSymbol(entry.symbol, x: x, y: y - 4))
                items.append(.text(entry.name, x: x + 30, y: y, size: Self.legendSize, fill: "#222"))
            }
            out.append(.group(items, class: "legend"))
        }
        if !l.captionLines.isEmpty {
            out.append(.group(
                l.captionLines.map { .text($0.0, x: Self.pad, y: $0.1, size: Self.captionSize, fill: "#666") }, class: "caption"))
        }
        return out
    }

    static func legendSymbol(_ symbol: LegendEntry.Symbol, x: Double, y: Double) -> [SVGElement] {
        switch symbol {
        case let .line(color, width, dash, markers):
            var out: [SVGElement] = [.line(x1: x, y1: y, x2: x + 24, y2: y, style: .stroke(color, width: width, dash: dash))]
            if markers { out.append(.circle(cx: x + 12, cy: y, r: 2.8, style: .fill(color))) }
            return out
        case let .band(color, opacity):
            return [.rect(x: x, y: y - 6, width: 24, height: 12, style: .fill(color, opacity: opacity))]
        case let .bar(color):
            return [.rect(x: x + 5, y: y - 6, width: 14, height: 12, style: .fill(color))]
        case let .marker(color, shape):
            return [marker(shape, x: x + 12, y: y, r: 4, color: color)]
        }
    }

    static func marker(_ shape: MarkerShape, x: Double, y: Double, r: Double, color: String) -> SVGElement {
        switch shape {
        case .circle:
            return .circle(cx: x, cy: y, r: r, style: SVGStyle(stroke: "#ffffff", strokeWidth: 1, fill: color))
        case .square:
            return .rect(x: x - r, y: y - r, width: 2 * r, height: 2 * r, style: SVGStyle(stroke: "#ffffff", strokeWidth: 1, fill: color))
        case .diamond:
            let d = r * 1.35
            return .polygon(
                [(x, y - d), (x + d, y), (x, y + d), (x - d, y)], style: SVGStyle(stroke: "#ffffff", strokeWidth: 1, fill: color))
        }
    }

    /// Labels right of the plot at their values' heights, pushed apart so they do not overlap,
    /// each with a short leader line from `fromX` (where its series ends). `items` are (text,
    /// desired y, colour, key).
    func rightLabels(
        _ items: [(text: String, y: Double, color: String, key: String)], fromX: Double, _ l: Layout
    ) -> [SVGElement] {
        guard !items.isEmpty else { return [] }
        // A label longer than the column is wrapped (never cut): at spaces, between Chinese
        // characters and after hyphens; each label takes its lines' height, so none overlaps.
        let lineHeight = Self.labelSize + 2
        let gap = 3.0
        let order = items.indices.sorted { items[$0].y < items[$1].y }
        let lines = order.map { Self.labelLines(items[$0].text) }
        let heights = lines.map { Double($0.count) * lineHeight }
        // placed[k]: the top of label k's block; its first line centres on the value when it can.
        var placed = order.map { items[$0].y - lineHeight / 2 }
        for k in placed.indices.dropFirst() { placed[k] = max(placed[k], placed[k - 1] + heights[k - 1] + gap) }
        let bottom = l.plot.maxY + 4
        if let last = placed.indices.last, placed[last] + heights[last] > bottom {
            placed[last] = bottom - heights[last]
            for k in placed.indices.reversed().dropFirst() { placed[k] = min(placed[k], placed[k + 1] - heights[k] - gap) }
        }
        var out: [SVGElement] = []
        let x = l.plot.maxX + 10
        for (k, i) in order.enumerated() {
            let item = items[i]
            let anchorY = placed[k] + lineHeight / 2
            if abs(anchorY - item.y) > 1 || fromX < l.plot.maxX - 2 {
                out.append(.line(x1: fromX + 4, y1: item.y, x2: x - 3, y2: anchorY, style: .stroke(item.color, width: 0.8)))
            }
            for (j, text) in lines[k].enumerated() {
                out.append(.text(
                    text, x: x, y: placed[k] + Double(j) * lineHeight + lineHeight / 2 + 4, size: Self.labelSize,
                    fill: ChartColor.readable(item.color), weight: "bold"
                ).with("data-key", item.key))
            }
        }
        return [.group(out, class: "end-labels")]
    }

    /// A right label as the lines it is shown in: wrapped to `maxRightLabelWidth` (bold text is
    /// about 8 % wider than the regular-weight estimate), also after hyphens of a long word.
    static func labelLines(_ text: String) -> [String] {
        let size = labelSize * 1.08
        guard TextMeasure.width(text, size: size) > maxRightLabelWidth else { return [text] }
        // Let long hyphenated words break after their hyphens.
        let breakable = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            TextMeasure.width(String(word), size: size) > maxRightLabelWidth ? word.replacingOccurrences(of: "-", with: "- ") : String(word)
        }.joined(separator: " ")
        let wrapped = TextMeasure.wrap(breakable, size: size, maxWidth: maxRightLabelWidth)
        return wrapped.map { $0.replacingOccurrences(of: "- ", with: "-").trimmingCharacters(in: .whitespaces) }
    }
}

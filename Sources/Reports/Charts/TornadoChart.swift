import Foundation

/// A tornado chart: one horizontal bar per input from the output at the input's low value to the
/// output at its high value (every other input at its base value), sorted by swing, largest on
/// top, around a vertical line at the base output. Values beside each bar end.
public struct TornadoChart: Sendable {
    /// One input's bar.
    public struct Bar: Sendable, Equatable {
        public var label: String
        /// The output at the input's low and high value.
        public var low: Double
        public var high: Double
        public init(label: String, low: Double, high: Double) {
            self.label = label
            self.low = low
            self.high = high
        }
    }

    public var title: String
    public var subtitle: [String] = []
    public var caption: [String] = []
    /// The output with every input at its base value.
    public var base: Double
    public var bars: [Bar]
    /// Formats an output value for the labels.
    public var format: @Sendable (Double) -> String = { String(format: "%.3g", $0) }
    public var lowColor = "#c2410c"
    public var highColor = "#1d4ed8"
    public var lowName = "low"
    public var highName = "high"
    public var width = 860.0

    public init(title: String, base: Double, bars: [Bar]) {
        self.title = title
        self.base = base
        self.bars = bars
    }

    public func svg() -> SVGDocument {
        // Widths estimated from the text (about 0.55 em per Latin character, 1 em per CJK one).
        func textWidth(_ t: String, _ size: Double) -> Double {
            t.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? size : 0.58 * size) }
        }
        let pad = 18.0, rowHeight = 26.0, barHeight = 16.0
        let labelWidth = min(420, max(120, bars.map { textWidth($0.label, 12) }.max() ?? 120))
        let sorted = bars.sorted { abs($0.high - $0.low) > abs($1.high - $1.low) }
        var y = pad + 20
        var elements: [SVGElement] = [.text(title, x: pad, y: y, size: 17, fill: "#111", weight: "bold")]
        for line in subtitle {
            y += 18
            elements.append(.text(line, x: pad, y: y, size: 12.5, fill: "#444"))
        }
        y += 24
        // Legend.
        elements.append(.rect(x: pad, y: y - 10, width: 12, height: 10, style: SVGStyle(fill: lowColor)))
        elements.append(.text(lowName, x: pad + 16, y: y, size: 12.5, fill: "#333"))
        let second = pad + 16 + textWidth(lowName, 12.5) + 24
        elements.append(.rect(x: second, y: y - 10, width: 12, height: 10, style: SVGStyle(fill: highColor)))
        elements.append(.text(highName, x: second + 16, y: y, size: 12.5, fill: "#333"))
        y += 14
        // Room for the value labels on both sides of the bars.
        let plotX = pad + labelWidth + 60, plotWidth = width - plotX - pad - 60
        let values = sorted.flatMap { [$0.low, $0.high] } + [base]
        var lo = values.min() ?? base, hi = values.max() ?? base
        if hi - lo < 1e-12 { lo -= 1; hi += 1 }
        let margin = 0.05 * (hi - lo)
        lo -= margin
        hi += margin
        func x(_ v: Double) -> Double { plotX + (v - lo) / (hi - lo) * plotWidth }
        let top = y
        var rows: [SVGElement] = []
        for (i, b) in sorted.enumerated() {
            let cy = top + Double(i) * rowHeight + rowHeight / 2
            rows.append(.text(b.label, x: pad + labelWidth, y: cy + 4, size: 12, anchor: .end, fill: "#222"))
            for (v, color) in [(b.low, lowColor), (b.high, highColor)] {
                rows.append(.rect(x: x(base), y: cy - barHeight / 2, width: x(v) - x(base), height: barHeight, style: SVGStyle(fill: color)))
            }
            let left = min(b.low, b.high), right = max(b.low, b.high)
            rows.append(.text(format(left), x: x(min(left, base)) - 4, y: cy + 4, size: 11, anchor: .end, fill: "#333"))
            rows.append(.text(format(right), x: x(max(right, base)) + 4, y: cy + 4, size: 11, fill: "#333"))
        }
        elements.append(.group(rows, class: "bars"))
        let bottom = top + Double(sorted.count) * rowHeight
        elements.append(SVGElement.line(x1: x(base), y1: top - 4, x2: x(base), y2: bottom + 4, style: .stroke("#111", width: 1.2))
            .with("class", "base"))
        y = bottom + 20
        elements.append(.text(format(base), x: x(base), y: y, size: 11.5, anchor: .middle, fill: "#111"))
        for line in caption {
            y += 17
            elements.append(.text(line, x: pad, y: y, size: 11, fill: "#555"))
        }
        var doc = SVGDocument(width: width, height: y + pad, title: title)
        if !subtitle.isEmpty { doc.description = subtitle.joined(separator: " ") }
        doc.add(.rect(x: 0, y: 0, width: width, height: y + pad, style: SVGStyle(fill: "#ffffff")))
        doc.add(elements)
        return doc
    }
}

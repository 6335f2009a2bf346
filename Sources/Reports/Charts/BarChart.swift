import Foundation

/// Bars per category (e.g. per year), stacked or side by side, with optional lines through the
/// category centres (x = category index 0, 1, …), horizontal reference rules, and labels above
/// the stacks. The y axis starts at zero. Title, unit, legend and caption as in `LineChart`.
public struct BarChart: Sendable {
    public enum Mode: Sendable { case stacked, grouped }

    /// One series: a value per category.
    public struct Series: Sendable, Equatable {
        public var key: String
        public var name: String
        public var values: [Double]
        public var color: String
        public init(key: String, name: String, values: [Double], color: String) {
            self.key = key
            self.name = name
            self.values = values
            self.color = color
        }
    }

    public var title: String
    public var subtitle: [String] = []
    public var caption: [String] = []
    public var yUnit: String?
    public var categories: [String]
    public var series: [Series] = []
    public var mode: Mode = .stacked
    /// Lines drawn over the bars, x = category index.
    public var overlays: [ChartLine] = []
    public var rules: [ChartRule] = []
    /// Text above each category's bars (e.g. the stack total); empty strings are skipped.
    public var topLabels: [String] = []
    public var yTickCount = 5
    public var width = 760.0
    public var plotHeight = 280.0
    /// Share of a category's width taken by its bars.
    public var barFraction = 0.62

    public init(title: String, categories: [String]) {
        self.title = title
        self.categories = categories
    }

    public struct Layout: Sendable {
        public var plot: ChartRect
        public var y: LinearScale
        public var yTicks: NiceTicks
        public var width: Double
        public var height: Double
        /// Width of one category slot.
        public var slot: Double
        /// The x of category `i`'s centre.
        public func center(_ i: Int) -> Double { plot.x + (Double(i) + 0.5) * slot }
    }

    var legend: [LegendEntry] {
        var out = series.map { LegendEntry(name: $0.name, symbol: .bar(color: $0.color)) }
        for l in overlays where l.inLegend {
            out.append(.init(name: l.name, symbol: .line(color: l.color, width: l.width, dash: l.dash, markers: l.markers)))
        }
        for r in rules where r.inLegend {
            out.append(.init(name: r.name, symbol: .line(color: r.color, width: r.width, dash: r.dash, markers: false)))
        }
        return out
    }

    /// The top of category `i`'s stack (stacked) or its tallest bar (grouped).
    func top(_ i: Int) -> Double {
        let values = series.map { i < $0.values.count && $0.values[i].isFinite ? $0.values[i] : 0 }
        return mode == .stacked ? values.reduce(0) { $0 + max(0, $1) } : (values.max() ?? 0)
    }

    func frame() -> ChartFrame {
        var ys: [Double] = [0]
        ys += categories.indices.map(top)
        ys += overlays.flatMap { $0.points.map(\.y) }
        ys += rules.map(\.y)
        ys = ys.filter(\.isFinite)
        // Room above the tallest bar for its label.
        var hi = ys.max() ?? 1
        if !topLabels.isEmpty { hi *= 1.06 }
        return ChartFrame(
            width: width, plotHeight: plotHeight, title: title, subtitle: subtitle, caption: caption, yUnit: yUnit,
            legend: legend, yTicks: NiceTicks(covering: min(0, ys.min() ?? 0), hi, count: yTickCount),
            rightLabels: overlays.compactMap(\.endLabel) + rules.compactMap(\.label))
    }

    public func layout() -> Layout {
        let f = frame()
        return layout(f, f.layout())
    }

    func layout(_ f: ChartFrame, _ l: ChartFrame.Layout) -> Layout {
        Layout(
            plot: l.plot, y: l.y, yTicks: f.yTicks, width: width, height: l.height,
            slot: l.plot.width / Double(max(1, categories.count)))
    }

    /// The bar rectangles of series `s` in category `i` as (x, width, lower value, upper value).
    func bar(_ s: Int, _ i: Int, _ l: Layout) -> (x: Double, width: Double, lower: Double, upper: Double) {
        let v = i < series[s].values.count && series[s].values[i].isFinite ? series[s].values[i] : 0
        let group = l.slot * barFraction
        switch mode {
        case .stacked:
            let below = series[..<s].reduce(0.0) { $0 + max(0, i < $1.values.count && $1.values[i].isFinite ? $1.values[i] : 0) }
            return (l.center(i) - group / 2, group, below, below + max(0, v))
        case .grouped:
            let w = group / Double(max(1, series.count))
            return (l.center(i) - group / 2 + Double(s) * w, w, min(0, v), max(0, v))
        }
    }

    public func svg() -> SVGDocument {
        let f = frame()
        let fl = f.layout()
        let l = layout(f, fl)
        var doc = SVGDocument(width: width, height: fl.height, title: title)
        if !subtitle.isEmpty { doc.description = subtitle.joined(separator: " ") }
        doc.add(f.background(fl))
        var axis: [SVGElement] = []
        for (i, c) in categories.enumerated() {
            axis.append(.text(c, x: l.center(i), y: fl.xTickBaseline, size: ChartFrame.tickSize, anchor: .middle, fill: "#333"))
        }
        doc.add(.group(axis, class: "x-axis"))
        for s in series.indices {
            var rects: [SVGElement] = []
            for i in categories.indices {
                let b = bar(s, i, l)
                guard b.upper > b.lower else { continue }
                // A hairline white edge separates stacked segments and adjacent bars in print.
                rects.append(.rect(
                    x: b.x, y: l.y(b.upper), width: b.width, height: l.y(b.lower) - l.y(b.upper),
                    style: SVGStyle(stroke: "#ffffff", strokeWidth: 0.6, fill: series[s].color)))
            }
            doc.add(.group(rects, class: "bars", [.init("data-key", series[s].key)]))
        }
        var tops: [SVGElement] = []
        for (i, text) in topLabels.enumerated() where i < categories.count && !text.isEmpty {
            tops.append(.text(text, x: l.center(i), y: l.y(top(i)) - 5, size: ChartFrame.labelSize, anchor: .middle, fill: "#222"))
        }
        if !tops.isEmpty { doc.add(.group(tops, class: "top-labels")) }
        for r in rules {
            doc.add(SVGElement.line(
                x1: l.plot.x, y1: l.y(r.y), x2: l.plot.maxX, y2: l.y(r.y), style: .stroke(r.color, width: r.width, dash: r.dash)
            ).with("class", "rule").with("data-key", r.key))
        }
        for line in overlays where !line.points.isEmpty {
            let pts = line.points.map { (l.center(Int($0.x.rounded())) + ($0.x - $0.x.rounded()) * l.slot, l.y($0.y)) }
            var group: [SVGElement] = [
                SVGElement.polyline(pts, style: .stroke(line.color, width: line.width, dash: line.dash))
                    .with("class", "line").with("data-key", line.key)
            ]
            if line.markers {
                group += pts.map { .circle(cx: $0.0, cy: $0.1, r: 3, style: SVGStyle(stroke: "#ffffff", strokeWidth: 1, fill: line.color)) }
            }
            doc.add(.group(group, class: "series"))
        }
        var labels: [(text: String, y: Double, color: String, key: String)] = []
        for line in overlays {
            if let t = line.endLabel, let last = line.points.last { labels.append((t, l.y(last.y), line.color, line.key)) }
        }
        for r in rules { if let t = r.label { labels.append((t, l.y(r.y), r.color, r.key)) } }
        doc.add(f.rightLabels(labels, fromX: l.plot.maxX, fl))
        doc.add(f.chrome(fl))
        return doc
    }
}

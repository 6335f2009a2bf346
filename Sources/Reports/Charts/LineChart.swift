import Foundation

/// A line chart over a numeric x axis: shaded bands (e.g. a P10–P90 range), lines, horizontal
/// reference rules and labelled markers, with title, subtitle, unit, legend and caption.
///
/// The plot has a fixed height (`plotHeight`); the document grows to fit the wrapped title, the
/// legend rows and the caption, so long Chinese or English texts never squeeze the plot or get cut.
/// Every drawn series carries `data-key` = its key, so tests and scripts can find it.
public struct LineChart: Sendable {
    public var title: String
    public var subtitle: [String] = []
    public var caption: [String] = []
    /// The unit, shown above the y tick labels (e.g. "亿元").
    public var yUnit: String?
    /// The x axis ticks (value, label), e.g. years.
    public var xTicks: [(value: Double, label: String)] = []
    /// The x domain; nil = the data's range widened by `xPadding` on each side.
    public var xDomain: ClosedRange<Double>?
    public var xPadding = 0.3
    /// Start the y axis at zero (so a doubling looks like one).
    public var yIncludesZero = true
    /// About this many y tick intervals.
    public var yTickCount = 5
    public var width = 760.0
    public var plotHeight = 280.0

    public var bands: [ChartBand] = []
    public var lines: [ChartLine] = []
    public var rules: [ChartRule] = []
    public var markers: [ChartMarker] = []

    public init(title: String) { self.title = title }

    /// Where things go: the plot rectangle, the scales and the document height.
    public struct Layout: Sendable {
        public var plot: ChartRect
        public var x: LinearScale
        public var y: LinearScale
        public var yTicks: NiceTicks
        public var width: Double
        public var height: Double
    }

    var legend: [LegendEntry] {
        var out: [LegendEntry] = []
        for b in bands where b.inLegend { out.append(.init(name: b.name, symbol: .band(color: b.color, opacity: b.opacity))) }
        for l in lines where l.inLegend {
            out.append(.init(name: l.name, symbol: .line(color: l.color, width: l.width, dash: l.dash, markers: l.markers)))
        }
        for r in rules where r.inLegend {
            out.append(.init(name: r.name, symbol: .line(color: r.color, width: r.width, dash: r.dash, markers: false)))
        }
        for m in markers where m.inLegend { out.append(.init(name: m.name, symbol: .marker(color: m.color, shape: m.shape))) }
        return out
    }

    var rightLabelTexts: [String] { lines.compactMap(\.endLabel) + rules.compactMap(\.label) }

    func dataRange() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        var xs: [Double] = [], ys: [Double] = []
        for b in bands {
            xs += b.x
            ys += b.lower + b.upper
        }
        for l in lines {
            xs += l.points.map(\.x)
            ys += l.points.map(\.y)
        }
        ys += rules.map(\.y)
        xs += markers.map(\.point.x)
        ys += markers.map(\.point.y)
        xs += xTicks.map(\.value)
        xs = xs.filter(\.isFinite)
        ys = ys.filter(\.isFinite)
        if yIncludesZero { ys.append(0) }
        let x = (xs.min() ?? 0)...(xs.max() ?? 1)
        let y = (ys.min() ?? 0)...(ys.max() ?? 1)
        return (x, y)
    }

    func frame() -> ChartFrame {
        let range = dataRange()
        return ChartFrame(
            width: width, plotHeight: plotHeight, title: title, subtitle: subtitle, caption: caption, yUnit: yUnit,
            legend: legend, yTicks: NiceTicks(covering: range.y.lowerBound, range.y.upperBound, count: yTickCount),
            rightLabels: rightLabelTexts)
    }

    public func layout() -> Layout {
        let f = frame()
        let l = f.layout()
        return layout(f, l)
    }

    func layout(_ f: ChartFrame, _ l: ChartFrame.Layout) -> Layout {
        let data = dataRange().x
        let domain = xDomain ?? (data.lowerBound - xPadding)...(data.upperBound + xPadding)
        let x = LinearScale(domain: domain, range: l.plot.x, l.plot.maxX)
        return Layout(plot: l.plot, x: x, y: l.y, yTicks: f.yTicks, width: width, height: l.height)
    }

    /// The chart as an SVG document.
    public func svg() -> SVGDocument {
        let f = frame()
        let fl = f.layout()
        let l = layout(f, fl)
        var doc = SVGDocument(width: width, height: fl.height, title: title)
        if !subtitle.isEmpty { doc.description = subtitle.joined(separator: " ") }
        doc.add(f.background(fl))
        // x axis: ticks and labels.
        var axis: [SVGElement] = []
        for t in xTicks {
            let x = l.x(t.value)
            axis.append(.line(x1: x, y1: l.plot.maxY, x2: x, y2: l.plot.maxY + 4, style: .stroke("#8c8c8c", width: 1)))
            axis.append(.text(t.label, x: x, y: fl.xTickBaseline, size: ChartFrame.tickSize, anchor: .middle, fill: "#333"))
        }
        doc.add(.group(axis, class: "x-axis"))
        for b in bands {
            let n = min(b.x.count, b.lower.count, b.upper.count)
            guard n > 0 else { continue }
            let upper = (0..<n).map { (l.x(b.x[$0]), l.y(b.upper[$0])) }
            let lower = (0..<n).reversed().map { (l.x(b.x[$0]), l.y(b.lower[$0])) }
            doc.add(SVGElement.polygon(upper + lower, style: .fill(b.color, opacity: b.opacity))
                .with("class", "band").with("data-key", b.key))
        }
        for r in rules {
            doc.add(SVGElement.line(
                x1: l.plot.x, y1: l.y(r.y), x2: l.plot.maxX, y2: l.y(r.y), style: .stroke(r.color, width: r.width, dash: r.dash)
            ).with("class", "rule").with("data-key", r.key))
        }
        for line in lines where !line.points.isEmpty {
            let pts = line.points.map { (l.x($0.x), l.y($0.y)) }
            var group: [SVGElement] = [
                SVGElement.polyline(pts, style: .stroke(line.color, width: line.width, dash: line.dash))
                    .with("class", "line").with("data-key", line.key)
            ]
            if line.markers {
                group += pts.map { .circle(cx: $0.0, cy: $0.1, r: 2.8, style: .fill(line.color)) }
            }
            doc.add(.group(group, class: "series"))
        }
        for m in markers {
            let x = l.x(m.point.x), y = l.y(m.point.y)
            var group = [ChartFrame.marker(m.shape, x: x, y: y, r: m.radius, color: m.color).with("data-key", m.key)]
            if let label = m.label {
                let (dx, dy, anchor): (Double, Double, TextAnchor) =
                    switch m.labelPlacement {
                    case .right: (m.radius + 5, 4, .start)
                    case .belowRight: (m.radius + 3, m.radius + 14, .start)
                    case .aboveRight: (m.radius + 3, -m.radius - 6, .start)
                    case .left: (-m.radius - 5, 4, .end)
                    case .aboveLeft: (-m.radius - 3, -m.radius - 6, .end)
                    }
                group.append(.text(label, x: x + dx, y: y + dy, size: ChartFrame.labelSize, anchor: anchor, fill: "#222"))
            }
            doc.add(.group(group, class: "marker"))
        }
        var labels: [(text: String, y: Double, color: String, key: String)] = []
        var fromX = l.plot.maxX
        for line in lines {
            if let text = line.endLabel, let last = line.points.last {
                labels.append((text, l.y(last.y), line.color, line.key))
                fromX = min(fromX, l.x(last.x))
            }
        }
        for r in rules { if let text = r.label { labels.append((text, l.y(r.y), r.color, r.key)) } }
        doc.add(f.rightLabels(labels, fromX: fromX, fl))
        doc.add(f.chrome(fl))
        return doc
    }
}

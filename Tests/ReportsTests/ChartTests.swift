import Foundation
import NumericTestSupport
import Testing
import XMLTestSupport
@testable import Reports

@Suite struct NiceTicksTests {
    @Test func knownRanges() {
        let a = NiceTicks(covering: 0, 3907)
        #expect(a.step == 1000)
        #expect(a.values == [0, 1000, 2000, 3000, 4000])
        #expect(a.values.map(a.label) == ["0", "1,000", "2,000", "3,000", "4,000"])

        let b = NiceTicks(covering: 1453.5, 3906.2)
        #expect(b.step == 500)
        #expect(b.values == [1000, 1500, 2000, 2500, 3000, 3500, 4000])

        let c = NiceTicks(covering: 0, 0.87)
        #expect(c.step == 0.2 && c.decimals == 1)
        #expect(c.values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(c.values.map(c.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])

        let d = NiceTicks(covering: -120, 80)
        #expect(d.step == 50 && d.values == [-150, -100, -50, 0, 50, 100])
        #expect(d.label(-150) == "-150")

        // A single value or nothing still gives an axis.
        #expect(NiceTicks(covering: 0, 0).values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(NiceTicks(covering: 100, 100).values.count >= 2)
        #expect(NiceTicks(covering: .nan, 5).values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    }

    @Test func stepIsTheSmallestOneTwoFiveStepAtLeastTheRawStep() {
        #expect([0.7, 1, 1.2, 2, 3, 5, 7, 10, 12].map(NiceTicks.niceStep) == [1, 1, 2, 2, 5, 5, 10, 10, 20])
        // 500 random ranges from a fixed seed, so a failure reproduces on the next run.
        var rng = SplitMix64(seed: 20_251_201)
        for _ in 0..<500 {
            let lo = Double.random(in: -1e6...1e6, using: &rng)
            let hi = lo + pow(10, Double.random(in: -3...7, using: &rng))
            let t = NiceTicks(covering: lo, hi, count: 5)
            let raw = (hi - lo) / 5
            let k = floor(log10(t.step) + 1e-9)
            let mantissa = t.step / pow(10, k)
            #expect([1, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "step \(t.step)")
            #expect(t.step >= raw * (1 - 1e-12))
            // The next smaller 1-2-5 step would be too small.
            let smaller = mantissa < 1.5 ? 0.5 * t.step : mantissa < 3 ? 0.5 * t.step : 0.4 * t.step
            #expect(smaller < raw)
            #expect(t.lower <= lo + 1e-9 * abs(lo) && t.upper >= hi - 1e-9 * abs(hi))
            #expect(t.lower > lo - t.step - 1e-9 * abs(lo) && t.upper < hi + t.step + 1e-9 * abs(hi))
        }
    }

    @Test func linearScaleMapsAndInverts() {
        let y = LinearScale(domain: 0...4000, range: 400, 100)
        #expect(y(0) == 400 && y(4000) == 100 && y(2000) == 250)
        #expect(abs(y.invert(y(1234.5)) - 1234.5) < 1e-9)
        #expect(LinearScale(domain: 5...5, range: 0, 10)(5) == 5)
    }
}

@Suite struct SVGDocumentTests {
    @Test func textAndAttributesAreEscapedAndTheDocumentParses() throws {
        let nasty = "R&D <top> \"quoted\" 'single' 招商\u{1}引资"
        var doc = SVGDocument(width: 200, height: 100, title: nasty)
        doc.add(SVGElement.text(nasty, x: 10, y: 20, size: 12).with("data-key", nasty))
        doc.add(.line(x1: 0, y1: 0, x2: 10.123456, y2: -0.0001, style: .stroke("#000", dash: [6, 4])))
        let text = doc.render()
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(text.contains("R&amp;D &lt;top&gt; &quot;quoted&quot; &apos;single&apos;"))
        #expect(!text.contains("\u{1}"))
        let tree = XMLTree(text)
        #expect(tree.error == nil, "\(String(describing: tree.error))")
        let cleaned = nasty.replacingOccurrences(of: "\u{1}", with: "")
        #expect(tree.all("text").first?.text == cleaned)
        #expect(tree.all("text").first?.attributes["data-key"] == cleaned)
        #expect(tree.all("title").first?.text == cleaned)
        let line = try #require(tree.all("line").first)
        #expect(line.attributes["x2"] == "10.12" && line.attributes["y2"] == "0")
        #expect(line.attributes["stroke-dasharray"] == "6 4")
        let svg = try #require(tree.all("svg").first)
        #expect(svg.attributes["viewBox"] == "0 0 200 100")
        #expect(svg.attributes["font-family"]?.hasPrefix("Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC") == true)
        #expect(svg.attributes["font-family"]?.hasSuffix("sans-serif") == true)
        // Inline form: no XML declaration, still one well-formed element.
        let inline = doc.render(standalone: false)
        #expect(inline.hasPrefix("<svg ") && XMLTree(inline).error == nil)
    }

    @Test func numbersHaveLimitedDecimals() {
        #expect(SVGNumber.format(2.5) == "2.5")
        #expect(SVGNumber.format(3) == "3")
        #expect(SVGNumber.format(1.23456) == "1.23")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(.nan) == "0" && SVGNumber.format(.infinity) == "0")
    }

    @Test func wrapBreaksChineseAndEnglishWithinTheWidth() {
        let en = "Same seed for every run, so differences reflect the parameter changes"
        let lines = TextMeasure.wrap(en, size: 12, maxWidth: 200)
        #expect(lines.count > 1)
        #expect(lines.joined(separator: " ") == en)
        #expect(lines.allSatisfy { TextMeasure.width($0, size: 12) <= 200 })
        let zh = "各方案使用相同随机种子（共同随机数），差别主要来自参数变化；纵轴不从零开始"
        let zhLines = TextMeasure.wrap(zh, size: 12, maxWidth: 150)
        #expect(zhLines.joined() == zh)
        #expect(zhLines.dropFirst().allSatisfy { !"，；）".contains($0.first!) })
        #expect(TextMeasure.width("招商", size: 10) == 20)
        #expect(TextMeasure.truncate("abcdefghijklmnop", size: 10, maxWidth: 40).hasSuffix("…"))
    }
}

@Suite struct ChartRenderingTests {
    static func fan() -> LineChart {
        var c = LineChart(title: "Amount <by> year & \"band\"")
        c.subtitle = ["P = 99.8%"]
        c.caption = ["a caption"]
        c.yUnit = "亿元"
        c.xTicks = (2020...2025).map { (Double($0), "\($0)") }
        let xs = (2020...2025).map(Double.init)
        c.bands = [ChartBand(
            key: "band", name: "P10–P90", x: xs, lower: [1453, 1650, 1900, 2300, 2700, 3235],
            upper: [1453, 1750, 2100, 2600, 3200, 3906], color: "#0072B2")]
        c.lines = [
            ChartLine(key: "mid", name: "P50", points: zip(xs, [1453, 1700, 2000, 2450, 2950, 3551]).map { ChartPoint(x: $0, y: $1) },
                color: "#0072B2", markers: true, endLabel: "P50 3,551"),
        ]
        c.rules = [ChartRule(key: "target", name: "target", y: 2907, color: "#D55E00", label: "target 2,907")]
        c.markers = [ChartMarker(key: "base", name: "base", point: ChartPoint(x: 2020, y: 1453), color: "#000", label: "2020: 1,453")]
        return c
    }

    @Test func lineChartPutsValuesAtTheirPixels() throws {
        let chart = Self.fan()
        let layout = chart.layout()
        #expect(layout.yTicks.values == [0, 1000, 2000, 3000, 4000])
        #expect(layout.y(4000) == layout.plot.y && layout.y(0) == layout.plot.maxY)
        let tree = XMLTree(chart.svg().render())
        #expect(tree.error == nil, "\(String(describing: tree.error))")
        let mid = XMLTree.points(try #require(tree.all("polyline", key: "mid").first))
        #expect(mid.count == 6)
        #expect(abs(mid.last!.y - layout.y(3551)) < 0.006)
        #expect(abs(mid.last!.x - layout.x(2025)) < 0.006)
        let band = XMLTree.points(try #require(tree.all("polygon", key: "band").first))
        #expect(band.count == 12)
        // Upper edge left to right, then the lower edge back.
        for (p, v) in zip(band.prefix(6), [1453.0, 1750, 2100, 2600, 3200, 3906]) { #expect(abs(p.y - layout.y(v)) < 0.006) }
        for (p, v) in zip(band.suffix(6), [3235.0, 2700, 2300, 1900, 1650, 1453]) { #expect(abs(p.y - layout.y(v)) < 0.006) }
        let rule = try #require(tree.all("line", key: "target").first)
        #expect(abs(Double(rule.attributes["y1"]!)! - layout.y(2907)) < 0.006)
        // Every text is inside the drawing (by the same width estimate the layout uses).
        let svg = try #require(tree.all("svg").first)
        let width = Double(svg.attributes["width"]!)!, height = Double(svg.attributes["height"]!)!
        for t in tree.all("text") {
            let x = Double(t.attributes["x"]!)!, y = Double(t.attributes["y"]!)!
            let size = Double(t.attributes["font-size"]!)!
            let w = TextMeasure.width(t.text, size: size) * (t.attributes["font-weight"] == "bold" ? 1.08 : 1)
            let (left, right): (Double, Double) =
                switch t.attributes["text-anchor"] {
                case "end": (x - w, x)
                case "middle": (x - w / 2, x + w / 2)
                default: (x, x + w)
                }
            #expect(left >= 0 && right <= width + 0.5, "\(t.text) spans \(left)…\(right) of \(width)")
            #expect(y - size >= 0 && y <= height, "\(t.text) at y \(y) of \(height)")
        }
        // Legend and labels.
        let texts = Set(tree.all("text").map(\.text))
        #expect(texts.isSuperset(of: ["P10–P90", "P50", "target", "P50 3,551", "target 2,907", "亿元", "4,000", "2025"]))
        #expect(tree.all("title").first?.text == "Amount <by> year & \"band\"")
    }

    @Test func endLabelsDoNotOverlap() throws {
        var chart = Self.fan()
        // Three labels at almost the same height.
        chart.lines += [3550.0, 3552, 3549].enumerated().map { k, v in
            ChartLine(key: "l\(k)", name: "l\(k)", points: [ChartPoint(x: 2020, y: 1453), ChartPoint(x: 2025, y: v)],
                color: "#E69F00", endLabel: "label \(k)")
        }
        let tree = XMLTree(chart.svg().render())
        let ys = tree.all("text").filter { $0.attributes["data-key"] != nil }.map { Double($0.attributes["y"]!)! }.sorted()
        #expect(ys.count == 5)
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= 11.5) }
    }

    /// Long end labels (variant names) are wrapped, never cut with "…", and no two label lines
    /// overlap or leave the drawing.
    @Test func longEndLabelsWrapWithoutOverlap() throws {
        var chart = Self.fan()
        let names = [
            "weak-fdi 3,391.4", "weak-fdi-and-strong-dollar-and-a-slower-pipeline-and-fewer-leads 3,417.9",
            "campaign projects in new energy and biomedicine with a strong dollar 3,420.0",
        ]
        chart.lines += names.enumerated().map { k, name in
            ChartLine(key: "v\(k)", name: name, points: [ChartPoint(x: 2020, y: 1453), ChartPoint(x: 2025, y: 3391 + Double(k) * 13)],
                color: "#E69F00", endLabel: name)
        }
        let svg = chart.svg()
        let tree = XMLTree(svg.render())
        let labels = tree.all("text").filter { $0.attributes["data-key"] != nil }
        #expect(!labels.contains { ($0.text ?? "").contains("…") })
        // Every word of every label is shown.
        let shown = labels.map { $0.text ?? "" }.joined(separator: " ")
        for name in names { for word in name.split(separator: " ") { #expect(shown.contains(word.split(separator: "-").first!)) } }
        let boxes = labels.map { e -> (x0: Double, x1: Double, y0: Double, y1: Double) in
            let x = Double(e.attributes["x"]!)!, y = Double(e.attributes["y"]!)!, size = Double(e.attributes["font-size"]!)!
            return (x, x + 1.08 * TextMeasure.width(e.text ?? "", size: size), y - size, y + 2)
        }
        for (i, a) in boxes.enumerated() {
            #expect(a.x1 <= svg.width + 0.5, "label line \(i) leaves the drawing")
            for b in boxes[(i + 1)...] {
                let overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
                #expect(!overlap, "\(a) overlaps \(b)")
            }
        }
    }

    @Test func stackedBarsReachTheirTotals() throws {
        var chart = BarChart(title: "By source", categories: ["2021", "2022", "2023"])
        chart.series = [
            .init(key: "a", name: "A", values: [100, 200, 300], color: "#E69F00"),
            .init(key: "b", name: "B", values: [50, 60, 70], color: "#56B4E9"),
        ]
        chart.topLabels = ["150", "260", "370"]
        chart.overlays = [ChartLine(key: "req", name: "required", points: [ChartPoint(x: 0, y: 120), ChartPoint(x: 2, y: 330)], color: "#D55E00")]
        chart.rules = [ChartRule(key: "t", name: "target", y: 330, color: "#D55E00", label: "target")]
        let layout = chart.layout()
        let tree = XMLTree(chart.svg().render())
        #expect(tree.error == nil)
        // Series b's rectangles sit on series a's: their tops are at the totals.
        let all = tree.elements
        let groupB = try #require(all.firstIndex { $0.name == "g" && $0.attributes["data-key"] == "b" })
        let rects = all[(groupB + 1)...].prefix { $0.name == "rect" }
        #expect(rects.count == 3)
        for (r, total) in zip(rects, [150.0, 260, 370]) {
            let top = Double(r.attributes["y"]!)!, h = Double(r.attributes["height"]!)!
            #expect(abs(top - layout.y(total)) < 0.01)
            #expect(abs(top + h - layout.y(total - (total == 150 ? 50 : total == 260 ? 60 : 70))) < 0.02)
        }
        let line = XMLTree.points(try #require(tree.all("polyline", key: "req").first))
        #expect(abs(line[0].x - layout.center(0)) < 0.01 && abs(line[1].x - layout.center(2)) < 0.01)
        #expect(abs(line[1].y - layout.y(330)) < 0.01)
        #expect(Set(tree.all("text").map(\.text)).isSuperset(of: ["150", "260", "370", "A", "B", "required", "target"]))
    }

    @Test func groupedBarsSitSideBySide() throws {
        var chart = BarChart(title: "Stages", categories: ["2021", "2022"])
        chart.mode = .grouped
        chart.series = [
            .init(key: "s1", name: "S1", values: [120, 90], color: "#9ecae1"),
            .init(key: "s2", name: "S2", values: [80, 110], color: "#08519c"),
        ]
        let layout = chart.layout()
        let tree = XMLTree(chart.svg().render())
        let rects = tree.all("rect").filter { $0.attributes["class"] != "background" && $0.attributes["fill"] != nil }
            .filter { ["#9ecae1", "#08519c"].contains($0.attributes["fill"]!) && Double($0.attributes["height"]!)! > 20 }
        #expect(rects.count == 4)
        let first = rects[0], second = rects[2]  // category 2021 of S1 and S2
        #expect(abs(Double(first.attributes["x"]!)! + Double(first.attributes["width"]!)! - Double(second.attributes["x"]!)!) < 0.02)
        #expect(abs(Double(first.attributes["y"]!)! - layout.y(120)) < 0.01)
    }
}

@Suite struct HTMLDocumentTests {
    @Test func tablesAreEscapedAlignedAndWellFormed() throws {
        var t = Table(title: "Sources & <shares>", columns: [.init("name"), .init("value (亿元)", alignment: .right)], notes: ["a \"note\""])
        t.append(["北京", "1,010.4"])
        t.append(["R&D", ""])
        let html = HTMLTableRenderer().render(t)
        #expect(html.contains("<h3>Sources &amp; &lt;shares&gt;</h3>"))
        // The unit stays on one line when the header wraps.
        #expect(html.contains("<th class=\"num\">value <span class=\"unit\">(亿元)</span></th>"))
        #expect(html.contains("<table>"))  // 2 columns: not stretched to the full width
        #expect(html.contains("<td>R&amp;D</td><td class=\"num\"></td>"))
        #expect(!html.contains("<td/>"))
        #expect(html.contains("<p class=\"note\">a &quot;note&quot;</p>"))
        #expect(XMLTree(html).error == nil)
        #expect(!HTMLTableRenderer(includeNotes: false).render(t).contains("note"))
    }

    @Test func pageParsesAsXMLWithInlineSVG() throws {
        var doc = HTMLDocument(title: "简报 <1>", language: "zh-CN")
        doc.heading("一、要点")
        doc.paragraph("A & B")
        doc.list(["x < y", "z"], class: "notes")
        var t = Table(title: "T", columns: [.init("a")])
        t.append(["1"])
        doc.table(t)
        doc.figure(ChartRenderingTests.fan().svg())
        let page = doc.render()
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<?xml"))
        #expect(HTMLDocument.printStyleSheet.contains("size: A4"))
        let tree = XMLTree(page)
        #expect(tree.error == nil, "\(String(describing: tree.error))")
        #expect(tree.all("title").first?.text == "简报 <1>")
        #expect(tree.all("html").first?.attributes["lang"] == "zh-CN")
        #expect(tree.all("svg").count == 1 && tree.all("figure").count == 1)
        #expect(tree.all("li").map(\.text) == ["x < y", "z"])
    }
}

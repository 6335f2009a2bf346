import Briefings
import ForecastEngine
import Foundation
import Mustache
import Reports
import ScenarioFiles

/// What the editor shows: the what-if's text and where it came from, the problems of the last
/// submission, and the run when there is one.
struct EditorState: Sendable {
    var heading: String
    var meta: String
    /// The shipped scenario it started from (the baseline of the comparison), if any.
    var base: String?
    var yaml: String
    /// "form" (levers) or "yaml" (the YAML tab was submitted).
    var mode: String = "form"
    var groups: [LeverGroup] = []
    /// The indicators the actuals form offers (`LeverForm.actualIndicators(for:)`).
    var indicators: [String] = []
    var problems: [WhatIfProblem] = []
    var name: String = ""
    var author: String = ""
    var run: WhatIfRun?
    var savedID: Int64?
    var savedNotice: String?
}

/// The server-rendered pages: Mustache templates (every `{{value}}` HTML-escaped; only the
/// server's own SVG charts and tables, whose text the renderers escape, go in unescaped with
/// `{{{…}}}`) filled from the runtime's outcomes through the briefings' own tables and charts.
struct Pages: Sendable {
    let library: MustacheLibrary

    init() throws {
        library = MustacheLibrary(templates: [
            "layout": try MustacheTemplate(string: LayoutTemplate.text),
            "start": try MustacheTemplate(string: StartTemplate.text),
            "editor": try MustacheTemplate(string: EditorTemplate.text),
            "compare": try MustacheTemplate(string: CompareTemplate.text),
            "error": try MustacheTemplate(string: ErrorTemplate.text),
        ])
    }

    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    // MARK: Start page

    func start(_ l: PageLanguage, shipped: [(entry: ShippedScenarios.Entry, headline: Headline?)], saved: [SavedWhatIf]) -> String {
        var c = l.frame(title: l.t("首页", "Start"), path: "/")
        c["heading"] = l.t("招商引资“假设”分析", "What-ifs for investment attraction")
        c["intro"] = l.t(
            "打开一个方案，改动一个杠杆（北京项目的招商小分队加倍？电池项目落空？外资流入下降 30%？），立即看到它对倍增目标的影响，并与基准比较。",
            "Open a scenario, move a lever (twice the work teams for Beijing projects? the battery project falls through? foreign inflow 30 % lower?) and see at once what it does to the doubling target, against the baseline.")
        c["shippedHeading"] = l.t("随工具提供的方案", "Shipped scenarios")
        c["savedHeading"] = l.t("已保存的假设", "Saved what-ifs")
        c["noneSaved"] = l.t("还没有保存的假设。打开一个方案，修改后保存。", "No saved what-ifs yet. Open a scenario, change it and save it.")
        c["colScenario"] = l.t("方案", "Scenario")
        c["colName"] = l.t("名称", "Name")
        c["colBase"] = l.t("基于", "Based on")
        c["colWho"] = l.t("保存人 / 时间", "Saved by / when")
        c["colTarget"] = l.t("目标（亿元）", "Target (亿元)")
        c["colProbability"] = l.t("达标概率", "P(target met)")
        c["colCAGR"] = l.t("增速中位数 / 需要", "Median CAGR / required")
        c["compareA"] = l.t("比较", "Compare")
        c["compareB"] = l.t("与", "with")
        c["compareButton"] = l.t("比较", "Compare")
        c["shipped"] = shipped.map { s -> [String: Any] in
            var row: [String: Any] = ["id": s.entry.id, "title": l.name(s.entry.title), "lang": l.code]
            row.merge(headlineCells(s.headline, l)) { $1 }
            return row
        }
        c["hasSaved"] = !saved.isEmpty
        c["saved"] = saved.map { w -> [String: Any] in
            var row: [String: Any] = [
                "id": "\(w.id ?? 0)", "name": w.name, "author": w.author, "createdAt": w.createdAt,
                "base": w.baseScenario ?? "—", "lang": l.code,
            ]
            row.merge(headlineCells(w.headline, l)) { $1 }
            return row
        }
        return render("start", c)
    }

    func headlineCells(_ h: Headline?, _ l: PageLanguage) -> [String: Any] {
        guard let h else { return ["target": "—", "probability": "—", "cagr": "—"] }
        return [
            "target": "\(h.targetYear): " + ForecastFormat.amount(h.targetAmount),
            "probability": ForecastFormat.percent(h.probabilityTargetMet),
            "cagr": ForecastFormat.cagr(h.medianCAGR) + " / " + ForecastFormat.cagr(h.requiredCAGR),
        ]
    }

    // MARK: Editor

    func editor(_ l: PageLanguage, _ s: EditorState, toggleQuery: String) -> String {
        var c = l.frame(title: s.heading, path: "/edit", toggleQuery: toggleQuery)
        c["heading"] = s.heading
        c["meta"] = s.meta
        c["base"] = s.base ?? ""
        c["yaml"] = s.yaml
        c["mode"] = s.mode
        c["name"] = s.name
        c["author"] = s.author
        c["nameLimit"] = "120"
        if let n = s.savedNotice { c["savedNotice"] = n }
        if let id = s.savedID {
            c["hasSavedID"] = true
            c["savedID"] = "\(id)"
        }
        c["hasProblems"] = !s.problems.isEmpty
        c["problemsHeading"] = l.t("方案有误，未运行：", "The scenario has problems and was not run:")
        c["problems"] = s.problems.map { p -> [String: Any] in
            ["where": "\(p.file):\(p.line):\(p.column)" + (p.keyPath.isEmpty ? "" : " \(p.keyPath)"), "message": p.message]
        }
        let problemByKey = Dictionary(s.problems.map { ($0.keyPath, $0.message) }, uniquingKeysWith: { a, _ in a })
        c["groups"] = s.groups.map { g -> [String: Any] in
            ["id": g.id, "title": l.name(g.title), "fields": g.fields.map { field(l, $0, problem: problemByKey[$0.name]) }]
        }
        c["tabLevers"] = l.t("杠杆", "Levers")
        c["tabYAML"] = l.t("以 YAML 编辑", "Edit as YAML")
        c["yamlHelp"] = l.t(
            "这里是方案文件本身（binhai run 读取的格式）。在此修改并点击“运行”；错误会标出行、列和键。",
            "This is the scenario file itself (what binhai run reads). Edit it here and press Run; errors show their line, column and key.")
        c["actualsHeading"] = l.t("实际数（考核）", "Actual figures (plan tracking)")
        c["actualsHelp"] = l.t(
            "输入今年已公布的累计数（亿元）或增速；它替换数据集中同一年份同一指标的数字，之后的年份才受杠杆影响。",
            "Enter this year's published year-to-date figure (亿元) or growth rate; it replaces the dataset's figure for the same year and indicator, and levers act only after it.")
        c["actualYear"] = l.t("年份", "Year")
        c["actualYearDefault"] = ""
        c["actualIndicator"] = l.t("指标", "Indicator")
        c["actualValue"] = l.t("数值（亿元；增速为小数）", "Value (亿元; growth as a fraction)")
        c["actualStatus"] = l.t("状态", "Status")
        c["indicators"] = s.indicators
        c["runButton"] = l.t("运行", "Run")
        c["whatIfName"] = l.t("名称", "Name")
        c["whatIfAuthor"] = l.t("保存人", "Saved by")
        c["saveButton"] = l.t("保存假设", "Save what-if")
        c["yamlButton"] = l.t("下载 YAML", "Download YAML")
        c["zipButton"] = l.t("下载简报（zip）", "Download briefing (zip)")
        c["savedYAMLLink"] = l.t("已保存的 YAML", "saved YAML")
        c["savedZipLink"] = l.t("已保存的简报", "saved briefing")
        if let run = s.run { c["result"] = result(l, run) }
        return render("editor", c)
    }

    func field(_ l: PageLanguage, _ f: LeverField, problem: String?) -> [String: Any] {
        var d: [String: Any] = [
            "name": f.name, "inputID": "f-" + f.name, "label": l.name(f.label), "help": l.name(f.help), "value": f.value,
            "isNumber": f.kind == .number, "isInteger": f.kind == .integer, "isBoolean": f.kind == .boolean,
            "isChoice": f.kind == .choice, "isYAML": f.kind == .yaml, "checked": f.value == "true",
            "choices": f.choices.map { ["value": $0, "selected": $0 == f.value] as [String: Any] },
        ]
        if let u = f.unit { d["unit"] = u }
        if let m = f.minimum { d["min"] = LeverForm.format(m) }
        if let m = f.maximum { d["max"] = LeverForm.format(m) }
        if f.minimum != nil || f.maximum != nil {
            d["bounds"] = "[" + (f.minimum.map(LeverForm.format) ?? "−∞") + ", " + (f.maximum.map(LeverForm.format) ?? "∞") + "]"
        }
        if let problem { d["problem"] = problem }
        return d
    }

    /// The results block: key figures (what-if, and the baseline's P when there is one), the fan
    /// chart, the what-if against the baseline, the stage table, module tables, all tables.
    func result(_ l: PageLanguage, _ run: WhatIfRun) -> [String: Any] {
        let briefing = ForecastBriefing(outcome: run.outcome, language: l.language)
        let h = run.headline
        let renderer = HTMLTableRenderer()
        var c: [String: Any] = [
            "resultsHeading": l.t("结果", "Results"),
            "labelProbability": l.t("\(h.targetYear)年达标概率", "P(target met in \(h.targetYear))"),
            "probability": ForecastFormat.percent(h.probabilityTargetMet),
            "probabilityValue": "\(h.probabilityTargetMet)",
            "labelTarget": l.t("目标（亿元）", "Target (亿元)"), "target": ForecastFormat.amount(h.targetAmount),
            "labelP50": l.t("\(h.targetYear)年中位数（亿元）", "\(h.targetYear) median (亿元)"),
            "p50": ForecastFormat.amount(h.p50), "p50Value": "\(h.p50)",
            "p10": ForecastFormat.amount(h.p10), "p90": ForecastFormat.amount(h.p90),
            "labelCAGR": l.t("年均增速中位数", "Median CAGR"), "cagr": ForecastFormat.cagr(h.medianCAGR),
            "labelRequired": l.t("需要", "required"), "requiredCAGR": ForecastFormat.cagr(h.requiredCAGR),
            "labelBaseline": l.t("基准", "baseline"),
            "allTables": l.t("全部表格（与简报相同）", "All tables (as in the briefing)"),
        ]
        let fan = briefing.fanChart().svg().render()
        c["fanSVG"] = fan
        if let base = run.base {
            c["hasBase"] = true
            c["baseProbability"] = ForecastFormat.percent(base.result.probabilityTargetMet)
            c["baseProbabilityValue"] = "\(base.result.probabilityTargetMet)"
            if let cmp = run.comparison {
                let vs = ForecastBriefing(result: base.result, variants: [cmp], language: l.language)
                c["comparisonSVG"] = vs.variantChart()?.svg().render() ?? ""
                var table = vs.variantTable(cmp)
                table.title = l.t("假设与基准（\(base.id)）逐年比较", "What-if against the baseline (\(base.id)) year by year")
                c["comparisonTable"] = renderer.render(table)
            }
        }
        if let note = run.comparisonNote { c["comparisonNote"] = note }
        c["stageTable"] = briefing.stageTable().map(renderer.render) ?? ""
        c["moduleTables"] = ModuleTables(reports: run.outcome.modules, language: l.language).tables().map(renderer.render).joined()
        c["otherTables"] = briefing.tables().map(renderer.render).joined()
        return c
    }

    // MARK: Compare and errors

    func compare(_ l: PageLanguage, a: SavedWhatIf, ra: WhatIfRun, b: SavedWhatIf, rb: WhatIfRun, query: String) -> String {
        var c = l.frame(title: l.t("比较", "Compare"), path: "/compare", toggleQuery: query)
        c["heading"] = l.t("比较：", "Compare: ") + a.name + " · " + b.name
        c["nameA"] = a.name
        c["nameB"] = b.name
        let ha = ra.headline, hb = rb.headline
        c["rows"] = [
            ["label": l.t("目标年", "Target year"), "a": "\(ha.targetYear)", "b": "\(hb.targetYear)"],
            ["label": l.t("目标（亿元）", "Target (亿元)"), "a": ForecastFormat.amount(ha.targetAmount), "b": ForecastFormat.amount(hb.targetAmount)],
            ["label": l.t("达标概率", "P(target met)"), "a": ForecastFormat.percent(ha.probabilityTargetMet), "b": ForecastFormat.percent(hb.probabilityTargetMet)],
            ["label": l.t("目标年中位数（亿元）", "Target-year median (亿元)"), "a": ForecastFormat.amount(ha.p50), "b": ForecastFormat.amount(hb.p50)],
            ["label": l.t("年均增速中位数", "Median CAGR"), "a": ForecastFormat.cagr(ha.medianCAGR), "b": ForecastFormat.cagr(hb.medianCAGR)],
            ["label": l.t("需要的年均增速", "Required CAGR"), "a": ForecastFormat.cagr(ha.requiredCAGR), "b": ForecastFormat.cagr(hb.requiredCAGR)],
        ]
        if let cmp = try? ForecastEngine.compare(name: b.name, baseline: ra.outcome.baseline, alternative: rb.outcome.baseline) {
            let vs = ForecastBriefing(result: ra.outcome.baseline, variants: [cmp], language: l.language)
            if let chart = vs.variantChart() { c["chart"] = chart.svg().render() }
            var table = vs.variantTable(cmp)
            table.title = l.t("\(b.name) 与 \(a.name) 逐年比较", "\(b.name) against \(a.name) year by year")
            c["table"] = HTMLTableRenderer().render(table)
        } else {
            c["note"] = l.t("两个假设的计划年份不同，无法逐年比较。", "The two what-ifs have different plan years; no year-by-year comparison.")
        }
        c["back"] = l.t("返回首页", "Back to the start page")
        return render("compare", c)
    }

    func error(_ l: PageLanguage, heading: String, message: String, path: String, query: String = "") -> String {
        var c = l.frame(title: heading, path: path, toggleQuery: query)
        c["heading"] = heading
        c["message"] = message
        c["back"] = l.t("返回首页", "Back to the start page")
        return render("error", c)
    }
}

import ForecastEngine
import Foundation

/// Reads an `engine:` block (a scenario's, or a dataset's `assumptions:`) onto
/// `ForecastParameters`. Only the keys present change anything, so the dataset's assumptions and
/// then the scenario's engine block apply in turn over the engine's built-in defaults.
///
/// Keys (amounts in 亿元; `*_usd_yi` in 亿美元):
/// `draws`, `seed`, `effort` ({year: multiplier}), `effort_scale`, `arrival_volatility`,
/// `exchange_rate` ({year: CNY per USD}), `individual_size_threshold_yi`, `disbursement`
/// ([shares]), `pipeline` ({landing_stage, stages: [{id, zh, en, advance, drop_out}]}, or stages as
/// {stage id: {advance, drop_out}} to change the rates of the existing stages),
/// `targets` ({per_stage: n | [n…] | {stage: n}, min_amount_yi}), `sources`
/// ({id: {lead_rate, size: {body_log_mean, body_log_sd, tail_weight, tail_min, tail_exponent},
/// industry_shares: {industry: weight}}}), `industries` / `carriers` ({id: {lead_share}}),
/// `major_projects` ([{name, industry, carrier, source, amount_yi | amount_usd_yi, probability, year}]).
enum EngineBlock {
    static let keys = [
        "draws", "seed", "effort", "effort_scale", "arrival_volatility", "exchange_rate",
        "individual_size_threshold_yi", "disbursement", "pipeline", "targets", "sources", "industries",
        "carriers", "major_projects",
    ]

    static func apply(_ block: YAMLValue, to p: inout ForecastParameters) throws {
        let m = try block.mapping(allowedKeys: keys)
        if let v = m.optional("draws") { p.draws = try v.int(in: 1...10_000_000) }
        if let v = m.optional("seed") { p.seed = try v.seed() }
        if let v = m.optional("effort") {
            for (year, e) in try v.yearMap(in: 0...100) { p.effort.values[year] = e }
        }
        if let v = m.optional("effort_scale") { p.effortScale = try v.number(current: p.effortScale, in: 0...100) }
        if let v = m.optional("arrival_volatility") {
            p.arrivalVolatility = try v.number(current: p.arrivalVolatility, in: 0...1)
        }
        if let v = m.optional("exchange_rate") {
            for (year, r) in try v.yearMap(in: 0.01...1000) { p.exchangeRate.values[year] = r }
        }
        if let v = m.optional("individual_size_threshold_yi") {
            p.individualSizeThreshold = try v.number(current: p.individualSizeThreshold, in: 0...1e6)
        }
        if let v = m.optional("disbursement") { p.disbursement = try disbursement(v) }
        if let v = m.optional("pipeline") { p.pipeline = try pipeline(v, current: p.pipeline) }
        if let v = m.optional("targets") { p.targets = try targets(v, current: p.targets, pipeline: p.pipeline) }
        if let v = m.optional("industries") {
            try shares(v, ids: p.industries.map(\.id), what: "industry") { i, w in p.industries[i].leadShare = try w(p.industries[i].leadShare) }
        }
        if let v = m.optional("carriers") {
            try shares(v, ids: p.carriers.map(\.id), what: "carrier") { i, w in p.carriers[i].leadShare = try w(p.carriers[i].leadShare) }
        }
        if let v = m.optional("sources") { try sources(v, into: &p) }
        if let v = m.optional("major_projects") { p.majorProjects = try majorProjects(v, parameters: p) }
        if p.targets.perStage.count != p.pipeline.stages.count {
            p.targets.perStage = Array(repeating: p.targets.perStage.first ?? 100, count: p.pipeline.stages.count)
        }
    }

    static func disbursement(_ v: YAMLValue) throws -> DisbursementSchedule {
        let shares = try v.numbers(in: 0...1)
        let sum = shares.reduce(0, +)
        guard !shares.isEmpty, abs(sum - 1) < 1e-9 else {
            throw v.error("expected shares that sum to 1 (e.g. [0.3, 0.4, 0.3]), got a sum of \(YAMLValue.format(sum))")
        }
        return DisbursementSchedule(shares: shares)
    }

    static func pipeline(_ v: YAMLValue, current: Pipeline) throws -> Pipeline {
        let m = try v.mapping(allowedKeys: ["stages", "landing_stage"])
        var stages = current.stages
        var transitions = current.transitions
        if let sv = m.optional("stages"), case .mapping = sv.node {
            // {stage id: {advance, drop_out}}: change the existing stages' rates (the form a dotted
            // path such as engine.pipeline.stages.lead.advance writes, e.g. in a sensitivity block).
            for entry in try sv.mapping(allowedKeys: stages.dropLast().map(\.id)).entries {
                let k = stages.firstIndex { $0.id == entry.key }!
                let em = try entry.value.mapping(allowedKeys: ["advance", "drop_out"])
                let a = try em.optional("advance")?.probability(current: transitions[k].advance) ?? transitions[k].advance
                let d = try em.optional("drop_out")?.probability(current: transitions[k].dropOut) ?? transitions[k].dropOut
                guard a + d <= 1 else {
                    throw entry.value.error("advance + drop_out = \(YAMLValue.format(a + d)) must be at most 1 (the rest stays in the stage)")
                }
                transitions[k] = StageTransition(advance: a, dropOut: d)
            }
        } else if let sv = m.optional("stages") {
            let items = try sv.sequence()
            guard items.count >= 2 else { throw sv.error("expected at least 2 stages") }
            stages = []
            transitions = []
            for (k, item) in items.enumerated() {
                let last = k == items.count - 1
                let im = try item.mapping(allowedKeys: last ? ["id", "zh", "en"] : ["id", "zh", "en", "advance", "drop_out"])
                let id = try im.required("id").string()
                if stages.contains(where: { $0.id == id }) { throw try im.required("id").error("stage \"\(id)\" appears twice") }
                let zh = try im.optional("zh")?.string() ?? id
                let en = try im.optional("en")?.string() ?? id
                stages.append(PipelineStage(id: id, name: LocalizedText(zh: zh, en: en)))
                if !last {
                    let old = k < current.transitions.count ? current.transitions[k] : StageTransition(advance: 0.5, dropOut: 0.1)
                    let a = try im.required("advance").probability(current: old.advance)
                    let d = try im.required("drop_out").probability(current: old.dropOut)
                    guard a + d <= 1 else {
                        throw item.error("advance + drop_out = \(YAMLValue.format(a + d)) must be at most 1 (the rest stays in the stage)")
                    }
                    transitions.append(StageTransition(advance: a, dropOut: d))
                }
            }
        }
        var landing = min(current.landingStage, stages.count - 2)
        if let lv = m.optional("landing_stage") {
            let id = try lv.string()
            guard let k = stages.firstIndex(where: { $0.id == id }), k >= 1, k < stages.count - 1 else {
                throw lv.error("expected a stage id other than the first and last, one of: \(stages.dropFirst().dropLast().map(\.id).joined(separator: ", "))")
            }
            landing = k
        }
        return Pipeline(stages: stages, transitions: transitions, landingStage: landing)
    }

    static func targets(_ v: YAMLValue, current: StageTargets, pipeline: Pipeline) throws -> StageTargets {
        let m = try v.mapping(allowedKeys: ["per_stage", "min_amount_yi"])
        var t = current
        if t.perStage.count != pipeline.stages.count {
            t.perStage = Array(repeating: t.perStage.first ?? 100, count: pipeline.stages.count)
        }
        if let ps = m.optional("per_stage") {
            switch ps.node {
            case .scalar:
                let n = try ps.number(current: t.perStage.first ?? 100, in: 0...1e7)
                t.perStage = Array(repeating: n, count: pipeline.stages.count)
            case .sequence:
                let list = try ps.numbers(in: 0...1e7)
                guard list.count == pipeline.stages.count else {
                    throw ps.error("expected \(pipeline.stages.count) targets, one per stage (\(pipeline.stages.map(\.id).joined(separator: ", "))), got \(list.count)")
                }
                t.perStage = list
            default:
                for entry in try ps.mapping(allowedKeys: pipeline.stages.map(\.id)).entries {
                    let k = pipeline.stages.firstIndex { $0.id == entry.key }!
                    t.perStage[k] = try entry.value.number(current: t.perStage[k], in: 0...1e7)
                }
            }
        }
        if let v = m.optional("min_amount_yi") { t.minimumAmount = try v.number(current: t.minimumAmount, in: 0...1e6) }
        return t
    }

    /// `{id: {lead_share: w}}` over a catalogue.
    static func shares(_ v: YAMLValue, ids: [String], what: String, set: (Int, (Double) throws -> Double) throws -> Void) throws {
        for entry in try v.mapping(allowedKeys: ids).entries {
            let i = ids.firstIndex(of: entry.key)!
            let inner = try entry.value.mapping(allowedKeys: ["lead_share"])
            let sv = try inner.required("lead_share")
            try set(i) { current in try sv.number(current: current, in: 0...1e9) }
        }
    }

    static func sources(_ v: YAMLValue, into p: inout ForecastParameters) throws {
        for entry in try v.mapping(allowedKeys: p.sources.map(\.id)).entries {
            let i = p.sourceIndex(entry.key)!
            let m = try entry.value.mapping(allowedKeys: ["lead_rate", "size", "industry_shares", "name"])
            if let lr = m.optional("lead_rate") {
                p.sources[i].leadRateMultiplier = try lr.number(current: p.sources[i].leadRateMultiplier, in: 0...1000)
            }
            if let n = m.optional("name") {
                p.sources[i].name = try n.localizedText()
            }
            if let sz = m.optional("size") { p.sources[i].projectSize = try size(sz, current: p.sources[i].projectSize) }
            if let sh = m.optional("industry_shares") {
                var shares = p.sources[i].industryShares ?? [:]
                for e in try sh.mapping(allowedKeys: p.industries.map(\.id)).entries {
                    shares[e.key] = try e.value.number(current: shares[e.key] ?? 0, in: 0...1e9)
                }
                p.sources[i].industryShares = shares
            }
        }
    }

    static func size(_ v: YAMLValue, current c: ProjectSizeDistribution) throws -> ProjectSizeDistribution {
        let m = try v.mapping(allowedKeys: ["body_log_mean", "body_log_sd", "tail_weight", "tail_min", "tail_exponent"])
        var s = c
        if let x = m.optional("body_log_mean") { s.bodyLogMean = try x.number(current: s.bodyLogMean, in: -20...20) }
        if let x = m.optional("body_log_sd") { s.bodyLogStandardDeviation = try x.number(current: s.bodyLogStandardDeviation, in: 0.001...10) }
        if let x = m.optional("tail_weight") { s.tailWeight = try x.probability(current: s.tailWeight) }
        if let x = m.optional("tail_min") { s.tailMinimum = try x.number(current: s.tailMinimum, in: 1e-9...1e6) }
        if let x = m.optional("tail_exponent") {
            s.tailExponent = try x.number(current: s.tailExponent, in: 1.0001...100)
        }
        return s
    }

    /// Finds a catalogue entry by id or by its Chinese or English name.
    /// The id of the catalogue entry `v` names (id or name; `CatalogueLookup`'s rules).
    static func lookup(_ v: YAMLValue, ids: [String], names: [LocalizedText], what: String) throws -> String {
        let text = try v.string()
        let lookup = CatalogueLookup(what: what, ids: ids, names: names)
        guard let id = lookup.id(of: text) else { throw v.error(lookup.unknownMessage(text)) }
        return id
    }

    static func majorProjects(_ v: YAMLValue, parameters p: ForecastParameters) throws -> [MajorProject] {
        try v.sequence().map { item in
            let m = try item.mapping(allowedKeys: [
                "name", "industry", "carrier", "source", "amount_yi", "amount_usd_yi", "probability", "year",
            ])
            let name = try m.required("name").string()
            let industry = try lookup(m.required("industry"), ids: p.industries.map(\.id), names: p.industries.map(\.name), what: "industry")
            let carrier = try m.optional("carrier").map {
                try lookup($0, ids: p.carriers.map(\.id), names: p.carriers.map(\.name), what: "carrier")
            } ?? p.carriers.first?.id
            guard let carrier else {
                throw item.error("major project \"\(name)\" has no carrier and the dataset's carrier catalogue is empty; add carriers to carriers.csv or give carrier:")
            }
            let defaultSource = m.optional("amount_usd_yi") != nil ? "foreign" : "other_domestic"
            let source = try m.optional("source").map {
                try lookup($0, ids: p.sources.map(\.id), names: p.sources.map(\.name), what: "source")
            } ?? defaultSource
            guard let s = p.sourceIndex(source) else { throw item.error("no source \"\(source)\" in this scenario") }
            let isForeign = p.sources[s].role.isForeign
            let amountKey = isForeign ? "amount_usd_yi" : "amount_yi"
            guard let av = m.optional(amountKey) else {
                let other = isForeign ? "amount_yi" : "amount_usd_yi"
                if let wrong = m.optional(other) {
                    throw wrong.error("a \(isForeign ? "foreign" : "domestic") project's amount is \(amountKey) (\(isForeign ? "亿美元" : "亿元")), not \(other)")
                }
                throw item.error("missing \(amountKey) (amount in \(isForeign ? "亿美元" : "亿元"))")
            }
            let amount = try av.number(current: 0, in: 0...1e6)
            let probability = try m.required("probability").probability()
            let yv = try m.required("year")
            guard p.plan.targetYear > p.plan.baseYear else {
                throw yv.error("the plan has no forecast years (base year \(p.plan.baseYear), target year \(p.plan.targetYear))")
            }
            let year = try yv.int(in: (p.plan.baseYear + 1)...p.plan.targetYear)
            return MajorProject(
                name: name, industry: industry, carrier: carrier, source: source, amount: amount,
                probability: probability, expectedYear: year)
        }
    }
}

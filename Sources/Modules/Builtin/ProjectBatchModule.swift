import ScenarioKit

/// `project-batch` (项目批次): adds a batch of named major projects (重大招商项目) to the forecast —
/// one per industry listed, landing in one year with one probability — e.g. "one 100 亿元 project
/// in 新能源 in 2023". Prepare phase only; the projects then show in every table of the forecast.
public struct ProjectBatchModule: ScenarioModule {
    public static let descriptor = ModuleDescriptor(
        id: "project-batch", version: "1.0.0",
        title: LocalizedText(zh: "项目批次", en: "Project batch"),
        summary: LocalizedText(
            zh: "在预测中加入一批重大招商项目：每个产业一个项目，同一落地年份和概率。",
            en: "Adds a batch of major projects to the forecast: one per industry listed, with one landing year and probability."),
        parameters: [
            ParameterSpec(
                name: "year", type: .integer, minimum: 1990, maximum: 2100,
                help: LocalizedText(zh: "落地年份（预测期内）", en: "landing year (within the forecast years)")),
            ParameterSpec(
                name: "amounts", type: .numberMap, unit: "亿元", minimum: 0, maximum: 1e6,
                help: LocalizedText(
                    zh: "产业 id → 项目金额（亿元；外资来源为亿美元）", en: "industry id → project amount (亿元; 亿美元 for a foreign source)")),
            ParameterSpec(
                name: "probability", type: .number, unit: "share", defaultValue: .number(1), minimum: 0, maximum: 1,
                help: LocalizedText(zh: "落地概率", en: "probability that each project lands")),
            ParameterSpec(
                name: "source", type: .text, defaultValue: .text("other_domestic"),
                help: LocalizedText(zh: "资金来源 id", en: "source id")),
            ParameterSpec(
                name: "carrier", type: .text, defaultValue: .text("development_zones"),
                help: LocalizedText(zh: "载体 id", en: "carrier id")),
            ParameterSpec(
                name: "label", type: .text, defaultValue: .text("project-batch"),
                help: LocalizedText(zh: "项目名称前缀", en: "prefix of the project names")),
        ])

    /// The projects this use adds, in industry-id order.
    public let projects: [MajorProjectInput]

    public init(parameters: ModuleParameters, context: ModuleContext) throws {
        let id = Self.descriptor.id
        let year = parameters.integer("year") ?? 0
        guard year > context.baseYear, year <= context.targetYear else {
            throw ModuleError(
                module: id, keyPath: "year",
                message: "expected a forecast year from \(context.baseYear + 1) to \(context.targetYear), got \(year)")
        }
        /// The id `value` names (`CatalogueLookup`'s rules), or an error at `key`.
        func check(_ value: String, _ key: String, _ entries: [CatalogueEntry], _ what: String, isKey: Bool = false) throws -> String {
            let lookup = CatalogueLookup(what: what, entries: entries)
            guard let found = lookup.id(of: value) else {
                throw ModuleError(module: id, keyPath: key, message: lookup.unknownMessage(value), isAboutKey: isKey)
            }
            return found
        }
        let source = try check(parameters.text("source") ?? "other_domestic", "source", context.sources, "source")
        let carrier = try check(parameters.text("carrier") ?? "development_zones", "carrier", context.carriers, "carrier")
        let amounts = parameters.numberMap("amounts") ?? [:]
        if amounts.isEmpty { throw ModuleError(module: id, keyPath: "amounts", message: "list at least one industry") }
        let label = parameters.text("label") ?? id
        projects = try amounts.sorted { $0.key < $1.key }.map { industry, amount in
            let industryID = try check(industry, "amounts.\(industry)", context.industries, "industry", isKey: true)
            return MajorProjectInput(
                name: "\(label): \(industry)", industry: industryID, carrier: carrier, source: source, amount: amount,
                probability: parameters.number("probability") ?? 1, year: year)
        }
    }

    public func prepare(_ inputs: inout EngineInputs) throws {
        inputs.majorProjects += projects
    }
}

import Foundation
import InputOutput
import LinearAlgebra
import ModuleInputs
import ScenarioKit

/// The industry-chain module (产业链招商): the Leontief model of the dataset's IO table applied
/// to investment attraction.
///
/// **analyze** adds, in this order:
/// 1. `industry-chain.impact-by-year` — the forecast investment in place (亿元, per draw and
///    year) turned into final demand for investment goods through the bridge, and its impact
///    on gross output, value added, imported intermediates and employment (where the table
///    has an employment row), mean and P10/P50/P90 over the draws (`InvestmentImpact`);
/// 2. `industry-chain.impact-by-year-type-ii` — the same with households endogenous, when
///    `households` is set;
/// 3. `industry-chain.impact-by-sector` — cumulative output by sector;
/// 4. `industry-chain.chains` — per 1+3+4 chain: multipliers, BL/FL, key-sector class,
///    hypothetical extraction of the whole chain, and the 强链/补链/延链 reading;
/// 5. `industry-chain.chain-links` — the links behind that reading;
/// 6. `industry-chain.targets` — the ranked sectors to target, with every score component;
/// 7. `industry-chain.projects` — single projects side by side (`projects`), when given.
///
/// Everything rests on one LU factorisation of `I − A`, made when the module is built (once per
/// table and technology settings in a host that shares resources, `ModuleContext.shared`).
public struct IndustryChainModule: ScenarioModule {
    public static var descriptor: ModuleDescriptor { IndustryChainSchema.descriptor }

    let settings: IndustryChainSettings
    let technology: IOTechnology
    let bridge: InvestmentBridge
    let catalogue: IndustryCatalogue
    let concordance: IndustryConcordance
    /// The focus grouping used by the target ranking ("4-2-1"), if any.
    let focusGrouping: String?
    let chains: IndustryChainSet
    let chainAnalysis: ChainAnalysis
    let targets: [SectorTarget]
    let projects: [ProjectComparison.Project]
    let strategy: ImpactStrategy
    /// The regional reading (with `regionalize`): the regionalised table's technology and its
    /// quotients; nil for the national table only.
    let regional: (technology: IOTechnology, regionalization: Regionalization)?

    /// Reads the dataset's IO table, concordance and bridge, factors `I − A` once and
    /// analyses the chains.
    /// - Throws: `ModuleError` with the key path of the parameter responsible.
    public init(parameters: ModuleParameters, context: ModuleContext) throws {
        try self.init(parameters: parameters, context: context, strategy: .automatic)
    }

    /// As `init(parameters:context:)`, choosing how impacts are solved (tests force the
    /// general per-industry path to check the linearity shortcut).
    init(parameters: ModuleParameters, context: ModuleContext, strategy: ImpactStrategy) throws(ModuleError) {
        let module = IndustryChainSchema.id
        let settings = try IndustryChainSettings(parameters)
        guard let ioFolder = context.ioTableFolder else {
            throw ModuleError(module: module, message: "the dataset has no input-output table (io_table in dataset.yaml)")
        }
        guard let datasetFolder = context.datasetFolder else {
            throw ModuleError(module: module, message: "the scenario has no dataset folder, so there is no concordance.csv mapping industries onto IO sectors")
        }
        // The table and its factored technology are shared across builds in one host (a sweep
        // over this module's parameters reads and factors the table once): keyed by the folder
        // and by every setting the technology depends on.
        let folderKey = ioFolder.standardizedFileURL.path
        let table: IOTable
        do {
            table = try context.shared.value(for: "io-table|\(folderKey)") { try IOFolderReader.read(ioFolder) }
        } catch {
            throw ModuleError(module: module, message: "\(error)")
        }
        let catalogue = IndustryCatalogue(entries: context.industries)
        let concordance = try IndustryConcordance.read(
            datasetFolder.appendingPathComponent("concordance.csv"), sectors: table.sectors,
            catalogue: Set(context.industries.map(\.id)), module: module)
        let chains = try IndustryChainSet(
            concordance: concordance, selection: settings.chains, catalogue: catalogue,
            grossOutput: table.grossOutput, intermediate: table.intermediate, module: module)
        let bridge: InvestmentBridge
        switch settings.bridge {
        case .capitalFormation:
            bridge = try InvestmentBridge.capitalFormation(finalDemand: table.finalDemand, labels: table.finalDemandLabels, module: module)
        case let .file(name):
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : datasetFolder.appendingPathComponent(name)
            bridge = try InvestmentBridge.read(url, sectors: table.sectors, catalogue: context.industries.map(\.id), module: module)
        }
        var projects: [ProjectComparison.Project] = []
        for p in settings.projects {
            guard let entry = catalogue.entry(named: p.industry) else {
                throw ModuleError(module: module, keyPath: "projects.\(p.industry)", message: catalogue.lookup.unknownMessage(p.industry), isAboutKey: true)
            }
            projects.append(ProjectComparison.Project(industry: entry.id, name: entry.name, amount: p.amount))
        }
        // Side by side in the catalogue's order (智能科技 before 新能源), not the map's.
        let order = Dictionary(context.industries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        projects.sort { (order[$0.industry] ?? .max, $0.amount) < (order[$1.industry] ?? .max, $1.amount) }
        let technologyKey = [
            "industry-chain.technology", folderKey, "households=\(String(describing: settings.households))",
            "employment=\(String(describing: settings.employment))", "units=\(settings.ioUnitsPerYi)",
            "employment-unit=\(String(describing: settings.employmentUnit))",
        ].joined(separator: "|")
        let technology: IOTechnology
        do {
            technology = try context.shared.value(for: technologyKey) {
                try IOTechnology(table: table, settings: settings, module: module)
            }
        } catch let e as ModuleError {
            throw e
        } catch {
            throw ModuleError(module: module, message: "\(error)")
        }
        let chainAnalysis = try ChainAnalysis(chains: chains, technology: technology)
        var regional: (technology: IOTechnology, regionalization: Regionalization)? = nil
        if let method = settings.regionalization {
            do {
                let file = try RegionalWeightsFile.read(datasetFolder)
                let weights = try file.weights(for: table.sectors)
                let r = try Regionalization(method: method, nationalOutput: table.grossOutput, weights: weights)
                var regionalSettings = settings
                regionalSettings.households = nil  // the regional table has one final-demand column
                let key = technologyKey + "|regional=\(method)"
                let t = try context.shared.value(for: key) {
                    try IOTechnology(table: try table.regionalized(r, weights: weights), settings: regionalSettings, module: module)
                }
                regional = (t, r)
            } catch let e as ModuleError {
                throw e
            } catch {
                throw ModuleError(module: module, keyPath: "regionalize", message: "\(error)")
            }
        }
        self.settings = settings
        self.technology = technology
        self.bridge = bridge
        self.catalogue = catalogue
        self.concordance = concordance
        self.chains = chains
        self.chainAnalysis = chainAnalysis
        let focusName = parameters.text(IndustryChainSchema.focus.name) ?? "none"
        var focus: [Double]? = nil
        if focusName != "none" {
            let grouping = try FocusGrouping.read(
                focusName, folder: datasetFolder, industries: context.industryLookup, entries: context.industries, module: module,
                keyPath: IndustryChainSchema.focus.name)
            var weights = [Double](repeating: 0, count: table.sectors.count)
            for id in concordance.industries {
                for m in concordance.members[id] ?? [] { weights[m.sector] += m.share * grouping.weight(of: id) }
            }
            focus = weights
        }
        self.focusGrouping = focus == nil ? nil : focusName
        self.targets = TargetRanking.rank(chains: chains, analysis: chainAnalysis, technology: technology, focus: focus)
        self.projects = projects
        self.strategy = strategy
        self.regional = regional
    }

    public func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws {
        if !outputs.years.isEmpty && outputs.draws > 0 {
            let impact = try InvestmentImpact.compute(outputs, bridge: bridge, technology: technology, strategy: strategy)
            results.add(ImpactTables.byYear(impact, years: outputs.years, technology: technology, bridge: bridge, typeII: false))
            if impact.typeII != nil {
                results.add(ImpactTables.byYear(impact, years: outputs.years, technology: technology, bridge: bridge, typeII: true))
            }
            results.add(ImpactTables.bySector(impact, years: outputs.years, technology: technology, topN: settings.topN))
        }
        results.add(ChainTables.summary(chainAnalysis, technology: technology))
        results.add(ChainTables.links(chainAnalysis, technology: technology, perChain: 3))
        results.add(TargetTable.table(targets, catalogue: catalogue, technology: technology, topN: settings.topN, focus: focusGrouping))
        if !projects.isEmpty {
            let impacts = try ProjectComparison.compute(
                projects, bridge: bridge, concordance: concordance,
                outputPerInvestment: settings.outputPerInvestment, technology: technology)
            results.add(ProjectTable.table(impacts, technology: technology, outputPerInvestment: settings.outputPerInvestment))
        }
        if let regional {
            var regionalImpacts: [ProjectImpact] = []
            var nationalImpacts: [ProjectImpact] = []
            if !projects.isEmpty {
                nationalImpacts = try ProjectComparison.compute(
                    projects, bridge: bridge, concordance: concordance, outputPerInvestment: settings.outputPerInvestment,
                    technology: technology)
                regionalImpacts = try ProjectComparison.compute(
                    projects, bridge: bridge, concordance: concordance, outputPerInvestment: settings.outputPerInvestment,
                    technology: regional.technology)
            }
            results.add(RegionalTable.table(
                chains: chains, national: technology, regional: regional.technology, regionalization: regional.regionalization,
                nationalProjects: nationalImpacts, regionalProjects: regionalImpacts))
        }
    }
}

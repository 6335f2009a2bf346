import ArgumentParser
import Briefings
import BuiltinModules
import Reports
import ScenarioKit

/// `binhai modules list|describe`: the scenario modules a scenario file can `use:`.
struct ModulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules", abstract: "List the scenario modules and describe their parameters.",
        subcommands: [ModulesListCommand.self, ModulesDescribeCommand.self], defaultSubcommand: ModulesListCommand.self)

    /// The catalogue the CLI offers (the built-in modules).
    static var catalog: ModuleCatalog { .builtin }
}

/// Prints a table in the chosen format.
/// Help texts are shown whole (no cell width limit).
private func emit(_ table: Table, format: OutputFormat) {
    switch format {
    case .table, .json: print(TerminalTableRenderer(maxCellWidth: 400).render(table), terminator: "")
    case .markdown: print(MarkdownTableRenderer().render(table), terminator: "")
    case .csv: print(CSVRenderer().render(table), terminator: "")
    }
}

/// `binhai modules list`: id, version and title of every module.
struct ModulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the available scenario modules.")

    @Option(name: .long, help: "Output format: table, markdown, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Language of titles: zh or en.")
    var lang: Language = .zh

    func run() throws {
        let descriptors = ModulesCommand.catalog.descriptors
        if format == .json {
            print(try ModuleCatalogBriefing.json(descriptors), terminator: "")
        } else {
            emit(ModuleCatalogBriefing(descriptors: descriptors, language: lang).listTable(), format: format)
        }
    }
}

/// `binhai modules describe ID`: summary and parameter schema of one module.
struct ModulesDescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: "Show a module's summary and parameters (type, unit, default, bounds, help).")

    @Argument(help: "Module id, e.g. target-tracker (see `binhai modules list`).")
    var id: String

    @Option(name: .long, help: "Output format: table, markdown, csv or json (the descriptor).")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Language of titles and help: zh or en.")
    var lang: Language = .zh

    func run() throws {
        let catalog = ModulesCommand.catalog
        guard let type = catalog.type(for: id) else { throw ValidationError(catalog.unknownModuleMessage(id)) }
        let d = type.descriptor
        if format == .json {
            print(try ModuleCatalogBriefing.json(d), terminator: "")
        } else {
            emit(ModuleCatalogBriefing(descriptors: [d], language: lang).parameterTable(d), format: format)
        }
    }
}

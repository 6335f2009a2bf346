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

    /// The catalogue the CLI offers without plugins (the built-in modules).
    static var catalogue: ModuleCatalogue { .builtin }
}

/// A module of `modules list --format json`: its descriptor, plus `"plugin": PATH` for a module
/// loaded from a plugin library.
private struct ListedModule: Encodable {
    let entry: ModuleCatalogue.Entry

    enum CodingKeys: String, CodingKey { case plugin }

    func encode(to encoder: Encoder) throws {
        try entry.descriptor.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(entry.pluginPath, forKey: .plugin)
    }
}

/// Prints a table in the chosen format.
/// Help texts are shown whole (no cell width limit).
private func emit(_ table: Table, format: OutputFormat) throws {
    switch format {
    case .table, .json: try Console.write(TerminalTableRenderer(maxCellWidth: 400).render(table))
    case .markdown: try Console.write(MarkdownTableRenderer().render(table))
    case .csv: try Console.write(CSVRenderer().render(table))
    }
}

/// `binhai modules list`: id, version and title of every module.
struct ModulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the available scenario modules.")

    @Option(name: .long, help: "Output format: table, markdown, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Language of titles: zh or en.")
    var lang: Language = .zh

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let catalogue = try plugins.catalogue()
        if format == .json {
            try Console.write(try ModuleCatalogueBriefing.json(catalogue.entries.map(ListedModule.init)))
        } else {
            var table = ModuleCatalogueBriefing(descriptors: catalogue.descriptors, language: lang).listTable()
            // Plugin modules: one more column with the library each comes from.
            if catalogue.entries.contains(where: \.isPlugin) {
                table.columns.append(.init(lang.pick("来源", "source")))
                for (k, e) in catalogue.entries.enumerated() where k < table.rows.count {
                    table.rows[k].append(e.pluginPath.map { lang.pick("插件 ", "plugin ") + $0 } ?? lang.pick("内置", "built-in"))
                }
            }
            try emit(table, format: format)
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

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let catalogue = try plugins.catalogue()
        guard let entry = catalogue.entry(for: id) else { throw ValidationError(catalogue.unknownModuleMessage(id)) }
        let d = entry.descriptor
        if format == .json {
            try Console.write(try ModuleCatalogueBriefing.json(d))
        } else {
            try emit(ModuleCatalogueBriefing(descriptors: [d], language: lang).parameterTable(d), format: format)
        }
    }
}

import ArgumentParser

/// `binhai io …`: input-output (Leontief) analysis.
struct IOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "io", abstract: "Input-output (Leontief) analysis of an IO table.",
        subcommands: [IOAnalyzeCommand.self, IOListCommand.self, IOCompareCommand.self], defaultSubcommand: IOAnalyzeCommand.self)
}

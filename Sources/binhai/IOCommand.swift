import ArgumentParser

struct IOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "io", abstract: "Input-output (Leontief) analysis.", subcommands: [])
}

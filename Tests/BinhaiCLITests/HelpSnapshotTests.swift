import Foundation
import ProcessTestSupport
import Testing

/// Every command's `--help` text, compared with the reviewed copy in `HelpSnapshots/` (80
/// columns). A change in wording shows up as a diff to review; `BINHAI_UPDATE_HELP=1 swift test
/// --filter HelpSnapshotTests` writes the new texts.
@Suite struct HelpSnapshotTests {
    static let commands: [[String]] = [
        [], ["forecast"], ["run"], ["validate"], ["modules"], ["modules", "list"], ["modules", "describe"], ["io"],
        ["io", "analyze"], ["io", "list"], ["io", "compare"], ["sensitivity"], ["backtest"], ["merge"], ["cluster"], ["cluster", "slurm"], ["cluster", "kubernetes"], ["cluster", "status"], ["serve"], ["doctor"],
    ]
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HelpSnapshots")

    static func name(_ command: [String]) -> String { (["binhai"] + command).joined(separator: "-") + ".txt" }

    @Test(arguments: commands) func helpTextIsTheReviewedOne(_ command: [String]) throws {
        let r = try ProcessRunner.run(CLI.executable, command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(r.status == 0)
        let file = Self.folder.appendingPathComponent(Self.name(command))
        if ProcessInfo.processInfo.environment["BINHAI_UPDATE_HELP"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try r.stdout.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(r.stdout == expected, "binhai \(command.joined(separator: " ")) --help changed; review and update \(file.path)")
        // Wrapped prose never carries a run of spaces inside a sentence (a missing `\` line
        // continuation in a discussion string shows up as one); only the label column of option
        // and subcommand rows (26 columns wide) is followed by a gap.
        for line in r.stdout.split(separator: "\n") {
            let chars = Array(line)
            var k = chars.prefix { $0 == " " }.count
            while k < chars.count - 1 {
                if chars[k] == " " && chars[k + 1] == " " {
                    #expect(k <= 28, "a run of spaces inside the text: \(line)")
                    while k < chars.count && chars[k] == " " { k += 1 }
                } else {
                    k += 1
                }
            }
        }
    }
}

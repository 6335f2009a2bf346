import ArgumentParser
import Reports

/// `binhai`: the BinhaiSim command-line tool.
@main
struct Binhai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "binhai",
        abstract: "BinhaiSim: investment-attraction planning for Binhai New Area (滨海新区招商引资).",
        discussion: """
            Input-output (Leontief) analysis of industry chains, the total-doubling (总量倍增) \
            investment forecast, and what-if scenarios from YAML files.
            """,
        version: "0.1.0",
        subcommands: Binhai.subcommandList
    )

    /// Entry point: choose fast BLAS kernels first (measured once per machine; may re-execute
    /// once), then parse arguments.
    static func main() {
        BLASKernelSelection.chooseAtStart()
        // Ctrl-C and SIGTERM stop a run at once and remove any temporary output files.
        TemporaryFiles.shared.installHandlers()
        main(nil)
    }

    /// Every subcommand, in the order `binhai --help` lists them. Each lives in its own file.
    static let subcommandList: [ParsableCommand.Type] = [
        ForecastCommand.self,
        RunCommand.self,
        ValidateCommand.self,
        ModulesCommand.self,
        IOCommand.self,
        SensitivityCommand.self,
        BacktestCommand.self,
        MergeCommand.self,
        ClusterCommand.self,
        ServeCommand.self,
        DoctorCommand.self,
        BLASProbeCommand.self,
    ]
}

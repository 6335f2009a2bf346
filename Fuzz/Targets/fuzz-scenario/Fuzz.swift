import BuiltinModules
import FuzzHarness

/// libFuzzer target (FUZZING) or replay tool: scenario files, loaded and run with 50 draws.
@main struct FuzzScenario {
    static func main() { FuzzDriver.main { try FuzzHarness.scenario($0, catalogue: .builtin) } }
}

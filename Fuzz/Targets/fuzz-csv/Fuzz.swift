import FuzzHarness

/// libFuzzer target (FUZZING) or replay tool: the CSV / IO-folder reader and the analysis.
@main struct FuzzCSV {
    static func main() { FuzzDriver.main { try FuzzHarness.ioTable($0) } }
}

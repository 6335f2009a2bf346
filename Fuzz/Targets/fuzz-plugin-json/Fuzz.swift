import FuzzHarness

/// libFuzzer target (FUZZING) or replay tool: the JSON that crosses the plugin boundary.
@main struct FuzzPluginJSON {
    static func main() { FuzzDriver.main { try FuzzHarness.pluginJSON($0) } }
}

import Reports

/// Standard output that reports failure: `print` ignores a full disk or a closed pipe and the
/// command would exit 0; these writes throw (`ReportError`), so the command fails with a message.
enum Console {
    /// Writes `text` as it is.
    static func write(_ text: String) throws {
        let sink = OutputSink.standardOutput()
        try sink.write(text)
        try sink.commit()
    }

    /// Writes `text` and a line feed.
    static func line(_ text: String) throws { try write(text + "\n") }
}

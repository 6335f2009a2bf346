import Foundation

/// Where a renderer's bytes go: standard output, or a file written atomically
/// (a temporary file in the same folder, renamed over the target only when complete, so a
/// failed run never leaves a half-written file).
public final class OutputSink {
    private let handle: FileHandle
    private let temporaryURL: URL?
    private let finalURL: URL?
    private var finished = false

    /// Standard output.
    public static func standardOutput() -> OutputSink { OutputSink() }

    private init() {
        handle = FileHandle.standardOutput
        temporaryURL = nil
        finalURL = nil
    }

    /// A file at `url`, created in its folder as a hidden temporary first.
    /// - Throws: `ReportError.cannotWrite` naming the path when the folder is missing or read-only.
    public init(file url: URL) throws {
        let folder = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw ReportError.cannotWrite(path: url.path, reason: "folder \(folder.path) does not exist")
        }
        let tmp = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: nil),
            let h = try? FileHandle(forWritingTo: tmp)
        else {
            throw ReportError.cannotWrite(path: url.path, reason: "cannot create a file in \(folder.path)")
        }
        handle = h
        temporaryURL = tmp
        finalURL = url
    }

    /// Append bytes.
    public func write(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch {
            throw ReportError.cannotWrite(path: finalURL?.path ?? "standard output", reason: "\(error)")
        }
    }

    /// Append text as UTF-8.
    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Finish: for a file, close and rename the temporary over the target.
    public func commit() throws {
        guard !finished else { return }
        finished = true
        guard let tmp = temporaryURL, let url = finalURL else { return }
        try? handle.close()
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw ReportError.cannotWrite(path: url.path, reason: reason)
        }
    }

    /// Abandon: remove the temporary file (nothing appears at the target).
    public func discard() {
        guard !finished else { return }
        finished = true
        if let tmp = temporaryURL {
            try? handle.close()
            try? FileManager.default.removeItem(at: tmp)
        }
    }

    deinit { discard() }
}

/// Errors from writing reports.
public enum ReportError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        }
    }
}

import Foundation
import LibC

/// Where a renderer's bytes go: standard output, or a file written atomically
/// (a temporary file in the same folder, renamed over the target only when complete, so a
/// failed run never leaves a half-written file).
public final class OutputSink {
    private let handle: FileHandle
    private let temporaryURL: URL?
    private let finalURL: URL?
    private var finished = false
    /// The bytes of an in-memory sink (nil for standard output and files).
    private var memory: [UInt8]?

    /// Standard output.
    public static func standardOutput() -> OutputSink { OutputSink() }

    /// Bytes kept in memory (`bytes`), e.g. one file of an `OutputFolder`.
    public static func inMemory() -> OutputSink {
        let sink = OutputSink()
        sink.memory = []
        return sink
    }

    /// What an in-memory sink holds (empty for other sinks).
    public var bytes: [UInt8] { memory ?? [] }

    private init() {
        handle = FileHandle.standardOutput
        temporaryURL = nil
        finalURL = nil
    }

    /// A file at `url`, created in its folder as a hidden temporary first.
    /// - Throws: `ReportError.cannotWrite` naming the path when the folder is missing or read-only.
    public init(file url: URL) throws {
        try OutputPath.checkReplaceableFile(url.path)
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
        TemporaryFiles.shared.register(tmp.path)
    }

    /// Append bytes (POSIX writes, so a full disk or a closed pipe is reported in plain words).
    public func write(_ bytes: [UInt8]) throws { try write(contiguous: bytes) }

    /// Append `data` without copying it (a workbook of many megabytes).
    public func write(_ data: Data) throws { try write(contiguous: data) }

    private func write<Bytes: ContiguousBytes>(contiguous bytes: Bytes) throws {
        if memory != nil {
            bytes.withUnsafeBytes { memory! += $0 }
            return
        }
        let (written, code) = POSIXWrite.all(handle.fileDescriptor, bytes)
        guard code != 0 else { return }
        let name = finalURL?.path ?? "standard output"
        if POSIXWrite.isDiskFull(code) {
            throw ReportError.diskFull(path: name, bytesNeeded: bytes.withUnsafeBytes { $0.count } - written)
        }
        throw ReportError.cannotWrite(path: name, reason: String(cString: strerror(code)))
    }

    /// For a file sink: let `make` write the whole temporary file by its path (e.g. a zip archive
    /// written in place, never whole in memory); `commit()` then renames it over the target as
    /// usual. Other sinks get the bytes `make` wrote to a temporary file of their own.
    public func writeWholeFile(_ make: (URL) throws -> Void) throws {
        if let tmp = temporaryURL, memory == nil {
            try make(tmp)
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("binhai-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        TemporaryFiles.shared.register(scratch.path)
        defer {
            try? FileManager.default.removeItem(at: scratch)
            TemporaryFiles.shared.unregister(scratch.path)
        }
        try make(scratch)
        try write(try Data(contentsOf: scratch))
    }

    /// Append text as UTF-8.
    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Finish: for a file, close and rename the temporary over the target.
    public func commit() throws {
        guard !finished else { return }
        finished = true
        guard let tmp = temporaryURL, let url = finalURL else { return }
        defer { TemporaryFiles.shared.unregister(tmp.path) }
        if fsync(handle.fileDescriptor) != 0 && (errno == ENOSPC || errno == EDQUOT) {
            try? FileManager.default.removeItem(at: tmp)
            throw ReportError.diskFull(path: url.path, bytesNeeded: 0)
        }
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
            TemporaryFiles.shared.unregister(tmp.path)
        }
    }

    deinit { discard() }
}

/// Errors from writing reports.
public enum ReportError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    /// The disk (or quota) is full; `bytesNeeded` more bytes did not fit (0 = unknown).
    case diskFull(path: String, bytesNeeded: Int)
    /// The path exists and is not something this tool replaces.
    case refused(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        case let .diskFull(path, bytes):
            let need = bytes > 0 ? " (\(bytes) more bytes needed)" : ""
            return "cannot write \(path): the disk is full\(need); free some space and run again (nothing was changed)"
        case let .refused(path, reason): return "not writing \(path): \(reason)"
        }
    }
}

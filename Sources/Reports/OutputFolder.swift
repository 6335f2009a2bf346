import Foundation
import LibC

/// A set of files that appears at once or not at all: written into a hidden temporary sibling
/// folder, then swapped into place with one rename, so the target folder always holds one
/// complete run — this one or the previous one — and never a mixture.
///
/// The target must be a new path, an empty folder, or a folder an earlier run wrote (it holds
/// `OutputFolder.marker`); anything else (a file, a symbolic link, a device, someone's folder)
/// is refused. Temporary files are removed on SIGINT/SIGTERM (`TemporaryFiles`).
public final class OutputFolder {
    /// The file that marks a folder as written by this tool.
    public static let marker = ".binhai-output"

    public let target: URL
    private let temporary: URL
    private var names: [String] = []
    private var finished = false

    /// Prepares writing into `target`.
    /// - Throws: `ReportError.cannotWrite` (or `.refused`) naming the path and why.
    public init(target: URL) throws {
        let path = target.path
        var st = stat()
        if lstat(path, &st) == 0 {
            let kind = st.st_mode & S_IFMT
            guard kind == S_IFDIR else {
                throw ReportError.refused(path: path, reason: "it is \(OutputPath.describe(kind)), not a folder; --out names a folder for this command")
            }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !contents.isEmpty && !contents.contains(Self.marker) {
                throw ReportError.refused(
                    path: path, reason: "the folder holds files binhai did not write (no \(Self.marker)); give a new or empty folder")
            }
        }
        let parent = target.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDir), isDir.boolValue else {
            throw ReportError.cannotWrite(path: path, reason: "folder \(parent.path) does not exist")
        }
        self.target = target
        self.temporary = parent.appendingPathComponent(".\(target.lastPathComponent).binhai-\(getpid()).tmp")
        try? FileManager.default.removeItem(at: temporary)
        guard mkdir(temporary.path, 0o755) == 0 else {
            throw ReportError.cannotWrite(path: path, reason: "cannot create a folder in \(parent.path): \(String(cString: strerror(errno)))")
        }
        TemporaryFiles.shared.register(temporary.path)
    }

    /// Writes one file of the set.
    /// - Throws: `ReportError.diskFull` with the bytes needed, or `.cannotWrite`.
    public func write(_ name: String, _ bytes: [UInt8]) throws {
        try OutputPath.writeFile(temporary.appendingPathComponent(name).path, bytes, shownAs: target.appendingPathComponent(name).path)
        names.append(name)
    }

    /// The paths the set will have, in the order written.
    public var paths: [String] { names.map { target.appendingPathComponent($0).path } }

    /// Puts the whole set in place: the marker, then one rename (an atomic exchange with the
    /// previous run's folder where the system has it).
    public func commit() throws {
        guard !finished else { return }
        try write(Self.marker, Array("written by binhai; the whole folder is replaced by the next run with --out here\n".utf8))
        let exists = FileManager.default.fileExists(atPath: target.path)
        if exists {
            if OutputPath.exchange(temporary.path, target.path) {
                // The previous run is now at the temporary path.
                try? FileManager.default.removeItem(at: temporary)
            } else {
                let old = temporary.path + ".old"
                guard rename(target.path, old) == 0 else { throw failure() }
                guard rename(temporary.path, target.path) == 0 else {
                    _ = rename(old, target.path)
                    throw failure()
                }
                try? FileManager.default.removeItem(atPath: old)
            }
        } else if rename(temporary.path, target.path) != 0 {
            throw failure()
        }
        finished = true
        TemporaryFiles.shared.unregister(temporary.path)
    }

    private func failure() -> ReportError {
        let reason = String(cString: strerror(errno))
        discard()
        return ReportError.cannotWrite(path: target.path, reason: reason)
    }

    /// Removes the temporary folder (the target is untouched).
    public func discard() {
        guard !finished else { return }
        finished = true
        try? FileManager.default.removeItem(at: temporary)
        TemporaryFiles.shared.unregister(temporary.path)
    }

    deinit { discard() }
}

/// Checks and writes for output paths.
public enum OutputPath {
    /// "a symbolic link", "a character device", … for a `st_mode & S_IFMT` value.
    static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFLNK: return "a symbolic link"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a pipe"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a folder"
        case S_IFREG: return "a file"
        default: return "not a regular file"
        }
    }

    /// Refuses to replace what is not a regular file: a symbolic link, a device, a folder.
    /// - Throws: `ReportError.refused`.
    public static func checkReplaceableFile(_ path: String) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        let kind = st.st_mode & S_IFMT
        if kind != S_IFREG {
            throw ReportError.refused(path: path, reason: "it is \(describe(kind)); binhai replaces only regular files it can write atomically")
        }
    }

    /// Writes `bytes` to a new file at `path` with POSIX calls, so that a full disk is reported
    /// as such; `shownAs` names the file in errors.
    static func writeFile(_ path: String, _ bytes: [UInt8], shownAs: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw ReportError.cannotWrite(path: shownAs, reason: String(cString: strerror(errno)))
        }
        TemporaryFiles.shared.register(path)
        let (written, first) = POSIXWrite.all(fd, bytes)
        var code = first
        if code == 0 && fsync(fd) != 0 && errno != EINVAL { code = errno }
        let closed = close(fd) == 0 ? 0 : errno
        let error = code != 0 ? code : closed
        if error != 0 {
            unlink(path)
            TemporaryFiles.shared.unregister(path)
            if POSIXWrite.isDiskFull(error) {
                throw ReportError.diskFull(path: shownAs, bytesNeeded: bytes.count - written)
            }
            throw ReportError.cannotWrite(path: shownAs, reason: String(cString: strerror(error)))
        }
        TemporaryFiles.shared.unregister(path)
    }

    /// Swaps two paths in one step (glibc `renameat2(…, RENAME_EXCHANGE)`, looked up at run time
    /// since Swift's Glibc module does not declare it); false where unsupported.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCWD: Int32 = -100, exchange: UInt32 = 2
        return a.withCString { pa in b.withCString { pb in renameat2(atCWD, pa, atCWD, pb, exchange) == 0 } }
        #else
        return false
        #endif
    }
}

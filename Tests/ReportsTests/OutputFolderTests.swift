import Foundation
import Testing
@testable import Reports

/// A whole output set appears at once or not at all; nothing that is not this tool's is replaced.
@Suite struct OutputFolderTests {
    func temp() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outfolder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func files(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test func aSetReplacesThePreviousOneInOneStep() throws {
        let root = try temp()
        let target = root.appendingPathComponent("briefing")
        let first = try OutputFolder(target: target)
        try first.write("a.txt", Array("one".utf8))
        try first.write("b.txt", Array("one".utf8))
        // Nothing at the target until commit.
        #expect(!FileManager.default.fileExists(atPath: target.path))
        try first.commit()
        #expect(files(target) == [OutputFolder.marker, "a.txt", "b.txt"])
        // A second run that fails half-way leaves the first run whole.
        let second = try OutputFolder(target: target)
        try second.write("a.txt", Array("two".utf8))
        second.discard()
        #expect(try String(contentsOf: target.appendingPathComponent("a.txt"), encoding: .utf8) == "one")
        // A second run that completes replaces the whole set (b.txt is gone: no mixture).
        let third = try OutputFolder(target: target)
        try third.write("a.txt", Array("three".utf8))
        try third.commit()
        #expect(files(target) == [OutputFolder.marker, "a.txt"])
        #expect(try String(contentsOf: target.appendingPathComponent("a.txt"), encoding: .utf8) == "three")
        // No temporary leftovers beside it.
        #expect(files(root) == ["briefing"])
    }

    @Test func refusesWhatItDidNotWrite() throws {
        let root = try temp()
        let theirs = root.appendingPathComponent("theirs")
        try FileManager.default.createDirectory(at: theirs, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: theirs.appendingPathComponent("precious.txt"))
        #expect(throws: ReportError.self) { try OutputFolder(target: theirs) }
        let file = root.appendingPathComponent("file")
        try Data().write(to: file)
        #expect(throws: ReportError.self) { try OutputFolder(target: file) }
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: theirs)
        #expect(throws: ReportError.self) { try OutputFolder(target: link) }
        #expect(throws: ReportError.self) { try OutputSink(file: link) }
        #expect(throws: ReportError.self) { try OutputSink(file: URL(fileURLWithPath: "/dev/full")) }
        // An empty folder is fine.
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let ok = try OutputFolder(target: empty)
        try ok.write("x", [1])
        try ok.commit()
        #expect(files(empty) == [OutputFolder.marker, "x"])
    }

    /// On a full disk (a 64 KiB tmpfs, where the system lets us mount one): a plain message with
    /// the bytes needed, and neither the target nor a temporary folder is left.
    @Test(.enabled(if: geteuid() == 0)) func diskFullIsSaidPlainly() throws {
        let mount = try temp()
        let status = run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.path])
        guard status == 0 else { return }  // not allowed here: nothing to check
        defer { _ = run("/bin/umount", [mount.path]) }
        let target = mount.appendingPathComponent("out")
        let folder = try OutputFolder(target: target)
        do {
            try folder.write("small.txt", Array("ok".utf8))
            try folder.write("big.bin", [UInt8](repeating: 7, count: 200_000))
            Issue.record("200 kB fitted in 64 KiB")
        } catch let e as ReportError {
            #expect("\(e)".contains("the disk is full"), "\(e)")
            #expect("\(e)".contains("more bytes needed"))
            folder.discard()
        }
        #expect(files(mount).isEmpty, "\(files(mount))")
    }

    func run(_ path: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

import Foundation

/// The entry point every fuzz target shares. With `-DFUZZING -sanitize=fuzzer,address` it hands
/// over to libFuzzer's driver (SwiftPM names an executable's entry point itself, so the target's
/// `main` starts libFuzzer's driver instead of libFuzzer's own `main`); in a normal build it
/// replays the files given as arguments, one input each (e.g. a saved crash).
public enum FuzzDriver {
    nonisolated(unsafe) static var target: (([UInt8]) throws -> Void)?

    /// One input: a finding (not a crash) is reported as a crash so libFuzzer keeps the input.
    static func run(_ bytes: [UInt8]) {
        do {
            try target?(bytes)
        } catch {
            FileHandle.standardError.write(Data("finding: \(error)\n".utf8))
            abort()
        }
    }

    /// Runs `target` under libFuzzer (FUZZING) or on the files named on the command line.
    public static func main(_ target: @escaping ([UInt8]) throws -> Void) -> Never {
        Self.target = target
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            run([UInt8](data))
            print("ok \(path)")
        }
        exit(0)
        #endif
    }
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The function libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzDriver.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#endif

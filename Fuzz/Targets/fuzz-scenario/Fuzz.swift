import Foundation
import BuiltinModules
import FuzzHarness

/// One fuzz input: a finding (not a crash) is reported as a crash so libFuzzer keeps the input.
func run(_ bytes: [UInt8]) {
    do {
        try FuzzHarness.scenario(bytes, catalogue: .builtin)
    } catch {
        FileHandle.standardError.write(Data("finding: \(error)\n".utf8))
        abort()
    }
}

#if FUZZING
/// libFuzzer's driver (built with -DFUZZING -sanitize=fuzzer,address). SwiftPM names an
/// executable's entry point itself, so `main` here hands over to libFuzzer's driver instead of
/// libFuzzer's own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The function libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@main struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}
#else
/// Without libFuzzer: replay the files given as arguments (one input each), e.g. a crash.
@main struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            run([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif

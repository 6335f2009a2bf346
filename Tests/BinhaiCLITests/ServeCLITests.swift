import Foundation
import ProcessTestSupport
import Testing

/// `binhai serve` refuses unsafe or impossible settings before it listens (the server itself is
/// tested in WebAppTests and, live in a browser, by scripts/test-web.sh).
@Suite struct ServeCLITests {
    @Test func networkAddressWithoutTokenIsRefused() throws {
        let r = try ProcessRunner.run(CLI.executable, ["serve", "--host", "0.0.0.0", "--port", "0"], environment: ["BINHAI_TOKEN": ""])
        #expect(r.status != 0)
        #expect(r.stderr.contains("warning: serving 0.0.0.0, not loopback"), "\(r.stderr)")
        #expect(r.stderr.contains("give --token TOKEN (or BINHAI_TOKEN), or --insecure-no-token"), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func badOptionsAreNamed() throws {
        let port = try CLI.run(["serve", "--port", "70000"])
        #expect(port.status != 0 && port.stderr.contains("--port 70000: expected 0 to 65535"), "\(port.stderr)")
        let folder = try CLI.run(["serve", "--port", "0", "--datasets", "/nonexistent/folder"])
        #expect(folder.status != 0 && folder.stderr.contains("--datasets /nonexistent/folder: no such folder"), "\(folder.stderr)")
        let seconds = try CLI.run(["serve", "--run-seconds", "0"])
        #expect(seconds.status != 0 && seconds.stderr.contains("--run-seconds"), "\(seconds.stderr)")
    }
}

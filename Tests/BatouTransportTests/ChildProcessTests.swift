import Foundation
import Synchronization
import Testing

@testable import BatouTransport

@Suite struct ChildProcessTests {
    @Test func exchangesLinesAndCollectsErrors() throws {
        let process = try ChildProcess(["sh", "-c", "read line; echo \"got $line\"; echo oops >&2; exit 3"])
        try process.write(Array("hello\n".utf8))
        process.closeInput()
        #expect(process.readLine().map { String(decoding: $0, as: UTF8.self) } == "got hello")
        #expect(process.readLine() == nil)
        #expect(process.waitForExit() == 3)
        #expect(process.errorOutput() == "oops\n")
    }

    @Test func reportsAProgramThatDoesNotExist() {
        #expect(throws: TransportError.self) { try ChildProcess(["no-such-program-here"]) }
    }

    /// `SigBlk` and `SigIgn` of a program started by a thread that blocks SIGTERM, while this
    /// process ignores SIGPIPE: the masks in hexadecimal, as /proc reports them.
    private func signalsOfAChild() throws -> [String: UInt64] {
        let result = Mutex<Result<ChildProcess.Outcome, TransportError>?>(nil)
        let thread = Thread {
            var blocked = sigset_t()
            sigemptyset(&blocked)
            sigaddset(&blocked, SIGTERM)
            pthread_sigmask(SIG_BLOCK, &blocked, nil)
            let outcome = Result { () throws(TransportError) in
                try ChildProcess.run(["grep", "-E", "^Sig(Blk|Ign):", "/proc/self/status"])
            }
            result.withLock { $0 = outcome }
        }
        thread.start()
        while result.withLock({ $0 == nil }) { usleep(10_000) }
        let outcome = try #require(result.withLock { $0 }).get()
        var masks: [String: UInt64] = [:]
        for line in String(decoding: outcome.output, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            masks[fields[0]] = UInt64(fields[1], radix: 16)
        }
        return masks
    }

    @Test func startsProgramsWithNoSignalBlockedAndSIGPIPEAtItsDefault() throws {
        let masks = try signalsOfAChild()
        #expect(masks["SigBlk"] == 0)
        let sigpipe = UInt64(1) << (UInt64(SIGPIPE) - 1)
        #expect(try #require(masks["SigIgn"]) & sigpipe == 0)
    }
}

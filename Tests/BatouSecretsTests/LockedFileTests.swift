import Foundation
import Testing

@testable import BatouSecrets

/// Secrets files are locked as batou locks them, so that Python's batou and ours respect each other.
@Suite struct LockedFileTests {
    /// Holds a lock on `path` as batou does (`fcntl.lockf`) in a Python process until the returned process is ended.
    private func lockWithPython(_ path: String, exclusive: Bool) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c",
            "import fcntl, sys; f = open(sys.argv[1], 'r+'); "
                + "fcntl.lockf(f, fcntl.LOCK_NB | (fcntl.LOCK_EX if sys.argv[2] == 'x' else fcntl.LOCK_SH)); "
                + "print('locked', flush=True); sys.stdin.read()",
            path, exclusive ? "x" : "s",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = Pipe()
        try process.run()
        _ = output.fileHandleForReading.availableData  // "locked"
        return process
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "Needs python3."))
    func refusesAFileThatBatouHasLocked() throws {
        let scratch = try Scratch()
        try scratch.write("secret", to: "secrets.cfg.age")
        let python = try lockWithPython(scratch.path("secrets.cfg.age"), exclusive: true)
        defer { python.terminate() }
        #expect(
            throws: SecretsError(
                "secrets.cfg.age is locked by another batou that is reading or changing the secrets. Try again when it "
                    + "has finished.")
        ) { try LockedFile("secrets.cfg.age", in: scratch.root.path, exclusive: false) }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "Needs python3."))
    func sharesReadingButNotWriting() throws {
        let scratch = try Scratch()
        try scratch.write("secret", to: "secrets.cfg.age")
        let python = try lockWithPython(scratch.path("secrets.cfg.age"), exclusive: false)
        defer { python.terminate() }
        let reading = try LockedFile("secrets.cfg.age", in: scratch.root.path, exclusive: false)
        #expect(reading.contents == Array("secret".utf8))
        #expect(throws: SecretsError.self) { try LockedFile("secrets.cfg.age", in: scratch.root.path, exclusive: true) }
    }

    @Test func removesTheEmptyFileItCreatedWhenNothingWasWritten() throws {
        let scratch = try Scratch()
        let file = try LockedFile("secret-new.age", in: scratch.root.path, exclusive: true)
        #expect(FileManager.default.fileExists(atPath: scratch.path("secret-new.age")))
        #expect(!file.exists)
        file.unlock()
        #expect(!FileManager.default.fileExists(atPath: scratch.path("secret-new.age")))
    }

    @Test func replacesTheFileInOneStepAndLeavesNoTemporaryFile() throws {
        let scratch = try Scratch()
        try scratch.write("old", to: "secrets.cfg.age")
        chmod(scratch.path("secrets.cfg.age"), 0o600)
        let file = try LockedFile("secrets.cfg.age", in: scratch.root.path, exclusive: true)
        try file.replace(with: Array("new".utf8))
        file.unlock()
        #expect(try String(contentsOfFile: scratch.path("secrets.cfg.age"), encoding: .utf8) == "new")
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path("secrets.cfg.age"))
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path) == ["secrets.cfg.age"])
    }
}

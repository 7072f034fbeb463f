import BatouTransport
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// This executable, which is also the agent hosts run: its content hash names it on hosts.
///
/// What travels is the executable without its debug sections (when `strip` is at hand; the
/// symbols stay, for backtraces), gzip-compressed when both ends have `gzip`. Both forms are
/// made once per build and kept next to the executable.
final class AgentBinary: Sendable {
    /// The executable's path.
    let path: String
    /// SHA-256 of the executable, which names it on hosts.
    let hash: String
    /// Hosts connect at the same time; only one of them makes the files to ship.
    private let making = Mutex(())

    /// The running executable; its hash is cached next to it, keyed by size and time.
    init() throws(Problem) {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            throw Problem("Cannot find this program's executable to ship it as the agent.")
        }
        self.path = path
        self.hash = try Self.hash(of: path)
    }

    /// The agent as it travels uncompressed.
    func content() throws(Problem) -> [UInt8] {
        try Array(contents(of: shippedFile()))
    }

    /// The agent's size in bytes as it arrives on a host.
    func size() throws(Problem) -> Int {
        var status = stat()
        guard stat(try shippedFile(), &status) == 0 else { throw Problem("Cannot read the agent to ship.") }
        return Int(status.st_size)
    }

    /// The agent gzip-compressed.
    func compressedContent() throws(Problem) -> [UInt8] {
        try making.withLock { _ throws(Problem) in try makeCompressedContent() }
    }

    private func makeCompressedContent() throws(Problem) -> [UInt8] {
        let shipped = try unlockedShippedFile()
        let compressed = shipped + ".gz"
        if isCurrent(compressed) { return try Array(contents(of: compressed)) }
        let bytes = try run(["gzip", "-6", "-c", shipped], to: "compress the agent")
        try? Data(bytes).write(to: URL(fileURLWithPath: compressed))
        markCurrent(compressed)
        return bytes
    }

    // MARK: - Made once per build

    /// The executable without debug sections, or the executable itself without `strip`.
    private func shippedFile() throws(Problem) -> String {
        try making.withLock { _ throws(Problem) in try unlockedShippedFile() }
    }

    private func unlockedShippedFile() throws(Problem) -> String {
        let stripped = path + ".batou-agent"
        if isCurrent(stripped) { return stripped }
        guard (try? run(["strip", "--strip-debug", "-o", stripped, path], to: "strip the agent")) != nil else {
            return path
        }
        markCurrent(stripped)
        return stripped
    }

    /// Whether `file` was made from this build.
    private func isCurrent(_ file: String) -> Bool {
        (try? String(contentsOfFile: file + ".sha256", encoding: .utf8)) == hash
            && FileManager.default.fileExists(atPath: file)
    }

    private func markCurrent(_ file: String) {
        try? hash.write(toFile: file + ".sha256", atomically: true, encoding: .utf8)
    }

    /// Runs `arguments` to their end; returns what they printed.
    private func run(_ arguments: [String], to purpose: String) throws(Problem) -> [UInt8] {
        let process: ChildProcess
        do {
            process = try ChildProcess(arguments)
        } catch {
            throw Problem("Cannot \(purpose): \(error)")
        }
        process.closeInput()
        let output = process.readToEnd()
        guard process.waitForExit() == 0 else { throw Problem("Cannot \(purpose): \(process.errorOutput())") }
        return output
    }

    private func contents(of file: String) throws(Problem) -> Data {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Problem("Cannot read the agent to ship (\(file)).")
        }
        return data
    }

    private static func hash(of path: String) throws(Problem) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { throw Problem("Cannot read this program's executable \(path).") }
        let key = "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        let cache = path + ".batou-hash"
        if let cached = try? String(contentsOfFile: cache, encoding: .utf8), cached.hasPrefix(key + " ") {
            return String(cached.dropFirst(key.count + 1).prefix(while: { $0 != "\n" }))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem("Cannot read this program's executable \(path).")
        }
        let hash = SHA256.hex(Array(data))
        try? "\(key) \(hash)\n".write(toFile: cache, atomically: true, encoding: .utf8)
        return hash
    }
}

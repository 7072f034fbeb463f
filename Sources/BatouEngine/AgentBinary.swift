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

/// This executable, which is also the agent hosts run: its content hash names it on hosts,
/// and it travels gzip-compressed when both ends have `gzip`.
final class AgentBinary: Sendable {
    /// The executable's path.
    let path: String
    /// SHA-256 of the executable, which names it on hosts.
    let hash: String
    private let compressed = Mutex<[UInt8]?>(nil)

    /// The running executable; its hash is cached next to it, keyed by size and time.
    init() throws(Problem) {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            throw Problem("Cannot find this program's executable to ship it as the agent.")
        }
        self.path = path
        self.hash = try Self.hash(of: path)
    }

    /// The executable as gzip compresses it, made once per build and kept next to it.
    func compressedContent() throws(Problem) -> [UInt8] {
        if let bytes = compressed.withLock({ $0 }) { return bytes }
        let cache = path + ".batou-agent.gz"
        let cachedHash = try? String(contentsOfFile: cache + ".sha256", encoding: .utf8)
        if cachedHash == hash, let data = FileManager.default.contents(atPath: cache) {
            compressed.withLock { $0 = Array(data) }
            return Array(data)
        }
        let gzip: ChildProcess
        do {
            gzip = try ChildProcess(["gzip", "-6", "-c", path])
        } catch {
            throw Problem("Cannot compress the agent: \(error)")
        }
        gzip.closeInput()
        let bytes = gzip.readToEnd()
        guard gzip.waitForExit() == 0 else { throw Problem("Cannot compress the agent: \(gzip.errorOutput())") }
        try? Data(bytes).write(to: URL(fileURLWithPath: cache))
        try? hash.write(toFile: cache + ".sha256", atomically: true, encoding: .utf8)
        compressed.withLock { $0 = bytes }
        return bytes
    }

    /// The executable's size in bytes.
    func size() throws(Problem) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else { throw Problem("Cannot read this program's executable \(path).") }
        return Int(status.st_size)
    }

    /// The uncompressed executable.
    func content() throws(Problem) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem("Cannot read this program's executable \(path).")
        }
        return Array(data)
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces files in one step: the new content is written to a temporary file beside the
/// old one, flushed to disk, and renamed over it. Readers see the old file or the new one,
/// never a half-written one, and an interruption leaves the old file as it was.
enum AtomicFile {
    /// Writes `bytes` to `path` with permissions `mode`.
    ///
    /// - Throws: ``SecretsError`` naming `shownPath` when the directory cannot be written.
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t, shownAs shownPath: String) throws(SecretsError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory).\(name).batou-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw failure(shownPath, errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failed: Int32 = 0
        if !writeAll(bytes, to: descriptor) || fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 {
            failed = errno
        }
        if close(descriptor) != 0 && failed == 0 { failed = errno }
        if failed == 0 && rename(temporary, path) != 0 { failed = errno }
        guard failed == 0 else {
            unlink(temporary)
            throw failure(shownPath, failed)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    private static func failure(_ shownPath: String, _ error: Int32) -> SecretsError {
        SecretsError("Cannot write \(shownPath): \(String(cString: strerror(error))). The file was left as it was.")
    }
}

private let systemWrite = write

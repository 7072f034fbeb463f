#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A secrets file locked the way batou locks it while reading or writing: a POSIX record
/// lock over the whole file (`fcntl`, as Python's `lockf`), shared for reading and exclusive
/// for writing, never waited for. Two batous, Python's or ours, never rewrite the same
/// secrets at once, and nobody reads a file while it is being rewritten.
///
/// ```swift
/// let file = try LockedFile("environments/production/secrets.cfg.age", in: base, exclusive: true)
/// try file.replace(with: encrypted)
/// ```
///
/// The content is read through the locked descriptor: a process's POSIX locks on a file end
/// when *any* of its descriptors of that file closes, so nothing else may open the file while
/// it is locked. Locking a missing file for writing creates it empty, as batou does, and
/// removes it again if nothing was written. The lock ends with ``unlock()`` or when the
/// value goes away.
final class LockedFile {
    /// The path as messages show it (relative to the deployment).
    let path: String
    /// What the file held when it was locked, or what it was last replaced with.
    private(set) var contents: [UInt8]
    /// Whether the file existed before it was locked, or has been written since.
    private(set) var exists: Bool

    private let location: String
    private var descriptor: Int32
    private let isExclusive: Bool

    /// Locks `path` (relative to `baseDirectory`, if given) and reads it.
    ///
    /// - Throws: ``SecretsError`` when another process holds a lock on the file, or the file
    ///   cannot be read (or, for writing, created).
    init(_ path: String, in baseDirectory: String?, exclusive: Bool) throws(SecretsError) {
        self.path = path
        self.location = baseDirectory.map { $0 + "/" + path } ?? path
        self.isExclusive = exclusive
        var created = false
        var descriptor = open(location, (exclusive ? O_RDWR : O_RDONLY) | O_CLOEXEC)
        if descriptor < 0, errno == ENOENT, exclusive {
            descriptor = open(location, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            created = descriptor >= 0
        }
        guard descriptor >= 0 else { throw SecretsError("Cannot read \(path): \(Self.reason(errno)).") }
        self.descriptor = descriptor
        self.exists = !created
        self.contents = []
        try lock(descriptor)
        contents = try readAll()
    }

    deinit {
        unlock()
    }

    /// Replaces the file's content with `bytes` in one step and keeps it locked.
    ///
    /// - Throws: ``SecretsError`` when the file cannot be written; it is then left as it was.
    func replace(with bytes: [UInt8]) throws(SecretsError) {
        var status = stat()
        let mode = exists && fstat(descriptor, &status) == 0 ? status.st_mode & 0o7777 : 0o644
        try AtomicFile.write(bytes, to: location, mode: mode, shownAs: path)
        contents = bytes
        exists = true
        // The lock is on the file that was replaced; take it on the new one before letting go.
        let replacement = open(location, O_RDWR | O_CLOEXEC)
        guard replacement >= 0 else {
            throw SecretsError("Cannot read \(path) after writing it: \(Self.reason(errno)).")
        }
        close(descriptor)
        descriptor = replacement
        try lock(replacement)
    }

    /// Deletes the file, as when the environment changes its secret provider.
    ///
    /// - Throws: ``SecretsError`` when the file cannot be deleted.
    func remove() throws(SecretsError) {
        guard unlink(location) == 0 || errno == ENOENT else {
            throw SecretsError("Cannot delete \(path): \(Self.reason(errno)).")
        }
        exists = false
    }

    /// Ends the lock; an empty file that locking created is removed again.
    func unlock() {
        guard descriptor >= 0 else { return }
        if !exists, isExclusive, isStillOurEmptyFile() { unlink(location) }
        close(descriptor)
        descriptor = -1
    }

    // MARK: - Helpers

    private func lock(_ descriptor: Int32) throws(SecretsError) {
        var lock = flock()
        lock.l_type = Int16(isExclusive ? F_WRLCK : F_RDLCK)
        lock.l_whence = Int16(SEEK_SET)
        guard fcntl(descriptor, F_SETLK, &lock) == 0 else {
            let error = errno
            close(descriptor)
            self.descriptor = -1
            if error == EAGAIN || error == EACCES {
                throw SecretsError(
                    "\(path) is locked by another batou that is reading or changing the secrets. "
                        + "Try again when it has finished.")
            }
            throw SecretsError("Cannot lock \(path): \(Self.reason(error)).")
        }
    }

    private func readAll() throws(SecretsError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(bytes.count)) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw SecretsError("Cannot read \(path): \(Self.reason(errno)).") }
            guard count > 0 else { return bytes }
            bytes += chunk[0..<count]
        }
    }

    /// Whether the path still names the empty file this lock created (nobody replaced it).
    private func isStillOurEmptyFile() -> Bool {
        var ours = stat()
        var current = stat()
        return fstat(descriptor, &ours) == 0 && stat(location, &current) == 0 && ours.st_ino == current.st_ino
            && ours.st_dev == current.st_dev && current.st_size == 0
    }

    private static func reason(_ error: Int32) -> String {
        String(cString: strerror(error))
    }
}

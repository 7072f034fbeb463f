#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BatouModel

/// The file-system calls components use, on `lstat` so that links are never followed by surprise.
///
/// Writes are atomic: new content goes to a temporary file in the same directory, which
/// gets the mode and owner the file should have, and is then renamed over the target.
enum FileSystem {
    /// What is at a path, without following a final symbolic link.
    enum Kind: Equatable {
        case missing, file, directory, symlink, other
    }

    static func kind(of path: String) -> Kind {
        guard let status = try? status(of: path) else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The `lstat` result for `path`.
    static func status(of path: String) throws(FileSystemError) -> stat {
        var result = stat()
        guard lstat(path, &result) == 0 else { throw FileSystemError(errno, "Cannot inspect", path) }
        return result
    }

    /// The permission bits of `path`.
    static func mode(of path: String) throws(FileSystemError) -> mode_t {
        try status(of: path).st_mode & 0o7777
    }

    static func contents(of path: String) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(errno, "Cannot read", path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(errno, "Cannot read", path)
            }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    /// Replaces `path` with `bytes` in one step, keeping the mode and owner of an existing file.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
        let existing = try? status(of: path)
        var template = Array("\(Path.directory(of: path))/.\(Path.basename(path)).batou-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw FileSystemError(errno, "Cannot create a temporary file next to", path) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(FileSystemError) {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: path)
            let mode = existing.map { $0.st_mode & 0o7777 } ?? (0o666 & ~creationMask)
            guard fchmod(descriptor, mode) == 0 else { throw FileSystemError(errno, "Cannot set the mode of", path) }
            if let existing, existing.st_uid != geteuid() || existing.st_gid != getegid() {
                guard fchown(descriptor, existing.st_uid, existing.st_gid) == 0 else {
                    throw FileSystemError(errno, "Cannot keep the owner of", path)
                }
            }
            guard rename(temporary, path) == 0 else { throw FileSystemError(errno, "Cannot replace", path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Creates an empty regular file.
    static func createEmptyFile(_ path: String) throws(FileSystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileSystemError(errno, "Cannot create", path) }
        close(descriptor)
    }

    /// Creates the directory `path`, and with `leading` its missing parents.
    static func createDirectory(_ path: String, leading: Bool) throws(FileSystemError) {
        if leading {
            let parent = Path.directory(of: path)
            if parent != path, kind(of: parent) == .missing { try createDirectory(parent, leading: true) }
        }
        guard mkdir(path, 0o777) == 0 || (errno == EEXIST && kind(of: path) == .directory) else {
            throw FileSystemError(errno, "Cannot create the directory", path)
        }
    }

    static func createSymlink(_ path: String, pointingTo destination: String) throws(FileSystemError) {
        guard symlink(destination, path) == 0 else { throw FileSystemError(errno, "Cannot create the link", path) }
    }

    static func destinationOfSymlink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func setMode(_ mode: mode_t, of path: String) throws(FileSystemError) {
        guard chmod(path, mode) == 0 else { throw FileSystemError(errno, "Cannot set the mode of", path) }
    }

    static func setOwner(_ owner: uid_t?, group: gid_t?, of path: String) throws(FileSystemError) {
        let unchanged = UInt32.max
        guard lchown(path, owner ?? unchanged, group ?? unchanged) == 0 else {
            throw FileSystemError(errno, "Cannot change the owner of", path)
        }
    }

    /// Removes whatever is at `path` (file, link, or directory tree); nothing if it is missing.
    static func remove(_ path: String) throws(FileSystemError) {
        switch kind(of: path) {
        case .missing: return
        case .directory:
            for entry in try entries(of: path) { try remove(path + "/" + entry) }
            guard rmdir(path) == 0 else { throw FileSystemError(errno, "Cannot remove", path) }
        default:
            guard unlink(path) == 0 else { throw FileSystemError(errno, "Cannot remove", path) }
        }
    }

    static func entries(of directory: String) throws(FileSystemError) -> [String] {
        guard let handle = opendir(directory) else { throw FileSystemError(errno, "Cannot list", directory) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The paths matching the shell pattern `pattern`, sorted.
    static func matches(of pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { index in
            result.gl_pathv[index].map { String(cString: $0) }
        }
    }

    /// The user id for a name or a number.
    static func userID(_ name: String) -> uid_t? {
        if let number = uid_t(name) { return number }
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getpwnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.pw_uid
    }

    /// The group id for a name or a number.
    static func groupID(_ name: String) -> gid_t? {
        if let number = gid_t(name) { return number }
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileSystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(errno, "Cannot write", path)
            }
            offset += written
        }
    }

    /// The process's umask, read once: `umask` can only be read by setting it.
    private static let creationMask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}

/// A failed file-system call, as a sentence: "Cannot write /srv/app/config: Permission denied."
public struct FileSystemError: Error, CustomStringConvertible {
    public var path: String
    public var action: String
    public var reason: String

    init(_ code: Int32, _ action: String, _ path: String) {
        self.path = path
        self.action = action
        self.reason = String(cString: strerror(code))
    }

    public var description: String { "\(action) \(path): \(reason)." }
}

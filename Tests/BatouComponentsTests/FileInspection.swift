import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What tests look at on disk.
enum Disk {
    static func status(_ path: String) -> stat? {
        var result = stat()
        return lstat(path, &result) == 0 ? result : nil
    }

    static func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func mode(_ path: String) -> UInt32? {
        status(path).map { $0.st_mode & 0o7777 }
    }

    /// The id of a user, looked up safely while other tests look up others.
    static func userID(_ name: String) -> uid_t? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getpwnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.pw_uid
    }

    static func groupID(_ name: String) -> gid_t? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }

    static func exists(_ path: String) -> Bool {
        status(path) != nil
    }

    /// Inode, modification time and mode: what must stay the same when nothing is written.
    static func fingerprint(_ path: String) -> [Int]? {
        status(path).map { [Int($0.st_ino), $0.st_mtim.tv_sec, $0.st_mtim.tv_nsec, Int($0.st_mode)] }
    }
}

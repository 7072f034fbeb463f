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
        try write(bytes: Array(text.utf8), to: path)
    }

    static func write(bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func mode(_ path: String) -> UInt32? {
        status(path).map { $0.st_mode & 0o7777 }
    }

    static func exists(_ path: String) -> Bool {
        status(path) != nil
    }

    /// Inode, modification time and mode: what must stay the same when nothing is written.
    static func fingerprint(_ path: String) -> [Int]? {
        status(path).map { [Int($0.st_ino), $0.st_mtim.tv_sec, $0.st_mtim.tv_nsec, Int($0.st_mode)] }
    }
}

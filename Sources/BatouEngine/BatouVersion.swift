#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The version of batou for Swift and the platform it runs on, for the first line of a run.
enum BatouVersion {
    static let current = "0.1.0"

    /// `swift, Linux 6.1.0 x86_64`, from `uname`.
    static var platform: String {
        var name = utsname()
        uname(&name)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
        }
        return "swift, \(field(name.sysname)) \(field(name.release)) \(field(name.machine))"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes text to a file descriptor at once, unbuffered, so nothing is lost if the process dies.
package struct OutputChannel: Sendable {
    let descriptor: Int32

    package static let standardOutput = OutputChannel(descriptor: 1)
    package static let standardError = OutputChannel(descriptor: 2)

    package func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Darwin)
                Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// The terminal's width, else `columns` (from `$COLUMNS`), else 80; narrow values become 80, as in batou.
    func width(columns: String?) -> Int {
        var size = winsize()
        if isTerminal, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 {
            return Int(size.ws_col)
        }
        if let columns = columns.flatMap({ Int($0) }), columns >= 40 {
            return columns
        }
        return 80
    }
}

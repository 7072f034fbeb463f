#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor with one buffer, for streams of many short messages.
package struct LineReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 65536)

    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next line without its line break; the rest of the stream if it ends without one;
    /// `nil` at the end.
    package mutating func readLine() -> [UInt8]? {
        var searched = start
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                if start == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    start = 0
                }
                return line
            }
            let searchedCount = buffer.count - start
            guard fill() else {
                guard start < buffer.count else { return nil }
                defer { buffer.removeAll(); start = 0 }
                return Array(buffer[start...])
            }
            // Filling moves the unread bytes to the front; those were searched already.
            searched = start + searchedCount
        }
    }

    /// Everything left in the stream.
    package mutating func readToEnd() -> [UInt8] {
        while fill() {}
        defer { buffer.removeAll(); start = 0 }
        return Array(buffer[start...])
    }

    /// Reads more of the stream into the buffer; `false` at its end.
    private mutating func fill() -> Bool {
        if start > 0 {
            buffer.removeSubrange(..<start)
            start = 0
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer += chunk[0..<count]
            return true
        }
    }
}

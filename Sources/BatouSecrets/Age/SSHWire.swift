/// The SSH wire encoding (RFC 4251, 5) of public keys and OpenSSH private key files:
/// big-endian `uint32`s, and strings and `mpint`s prefixed with their length.
enum SSHWire {
    /// `bytes` as an SSH string: its length, then itself.
    static func string(_ bytes: [UInt8]) -> [UInt8] {
        let count = UInt32(bytes.count)
        return (0..<4).map { UInt8(truncatingIfNeeded: count >> (24 - 8 * $0)) } + bytes
    }

    /// Reads SSH-encoded values one after the other; each read is `nil` when the bytes run out.
    struct Reader {
        private let bytes: [UInt8]
        private var position = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// Whether every byte has been read.
        var isAtEnd: Bool { position == bytes.count }

        /// What has not been read yet.
        var remainder: [UInt8] { Array(bytes[position...]) }

        mutating func uint32() -> UInt32? {
            guard let word = take(4) else { return nil }
            return word.reduce(0) { $0 << 8 | UInt32($1) }
        }

        mutating func string() -> [UInt8]? {
            guard let count = uint32() else { return nil }
            return take(Int(count))
        }

        mutating func text() -> String? {
            string().flatMap { String(validating: $0, as: UTF8.self) }
        }

        /// An unsigned `mpint`: its big-endian bytes without the leading zero that keeps it positive.
        mutating func unsignedInteger() -> [UInt8]? {
            guard let bytes = string(), bytes.first.map({ $0 < 0x80 }) ?? true else { return nil }
            return Array(bytes.drop { $0 == 0 })
        }

        mutating func take(_ count: Int) -> [UInt8]? {
            guard count >= 0, count <= bytes.count - position else { return nil }
            defer { position += count }
            return Array(bytes[position..<position + count])
        }
    }
}

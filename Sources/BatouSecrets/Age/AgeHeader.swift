#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Age {
    /// One recipient stanza of a header: `-> TYPE ARGS…` and its body.
    struct Stanza {
        var type: String
        var arguments: [String]
        var body: [UInt8]

        /// The stanza as a header holds it; the body wrapped at 64 columns, its last line shorter.
        var text: String {
            let encoded = Array(Base64.encode(body))
            var lines = stride(from: 0, to: encoded.count, by: 64).map { String(encoded[$0..<min($0 + 64, encoded.count)]) }
            if lines.last?.count == 64 || lines.isEmpty { lines.append("") }
            return "-> " + ([type] + arguments).joined(separator: " ") + "\n" + lines.joined(separator: "\n") + "\n"
        }
    }

    /// A parsed header: its stanzas, its MAC, and the bytes the MAC covers.
    struct Header {
        var stanzas: [Stanza] = []
        var mac: [UInt8] = []
        /// The header up to and including `---`.
        var authenticatedBytes: [UInt8] = []
        /// The header's length, including the line break after the MAC.
        var length = 0

        init(parsing file: [UInt8]) throws(AgeError) {
            var lines = LineCursor(file)
            guard lines.next() == Age.version else { throw AgeError("This is not an age file (age-encryption.org/v1).") }
            while true {
                guard let line = lines.next() else { throw AgeError("The file is truncated: its header does not end.") }
                if line.hasPrefix("--- ") || line == "---" {
                    authenticatedBytes = Array(file[..<(lines.lineStart + 3)])
                    guard let mac = Base64.decode(String(line.dropFirst(4))), mac.count == 32 else {
                        throw AgeError("The file's header MAC is malformed.")
                    }
                    self.mac = mac
                    length = lines.position
                    return
                }
                guard line.hasPrefix("-> ") else { throw AgeError("The file's header has a malformed line.") }
                let parts = line.dropFirst(3).split(separator: " ").map(String.init)
                guard let type = parts.first else { throw AgeError("The file's header has a stanza without a type.") }
                var body: [UInt8] = []
                while true {
                    guard let bodyLine = lines.next(), bodyLine.count <= 64, let bytes = Base64.decode(bodyLine) else {
                        throw AgeError("The file's header has a malformed stanza body.")
                    }
                    body += bytes
                    if bodyLine.count < 64 { break }
                }
                stanzas.append(Stanza(type: type, arguments: Array(parts.dropFirst()), body: body))
            }
        }
    }

    /// Walks the lines of a header, keeping track of where each starts.
    struct LineCursor {
        let bytes: [UInt8]
        /// Where the next line starts.
        private(set) var position = 0
        /// Where the line last returned starts.
        private(set) var lineStart = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func next() -> String? {
            guard position < bytes.count, let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
            lineStart = position
            position = end + 1
            return String(decoding: bytes[lineStart..<end], as: UTF8.self)
        }
    }
}

/// age's base64: the standard alphabet without padding.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().filter { $0 != "=" }
    }

    static func decode(_ text: String) -> [UInt8]? {
        guard !text.contains("=") else { return nil }
        let padded = text + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded).map(Array.init)
    }
}

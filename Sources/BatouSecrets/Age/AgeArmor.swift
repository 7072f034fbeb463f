import BatouConfig
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// age's ASCII armor: the binary file in strict PEM, as `age -a` writes it and `age -d` reads it.
///
/// ```swift
/// let armored = AgeArmor.encode(try Age.encrypt(plaintext, to: recipients))
/// // "-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+…\n-----END AGE ENCRYPTED FILE-----\n"
/// ```
///
/// Reading is as strict as the spec asks: white space is allowed only around the whole
/// armor, lines may end in CRLF, every line but the last holds exactly 64 characters of
/// canonical, padded base64, and nothing follows the end line.
enum AgeArmor {
    static let beginning = "-----BEGIN AGE ENCRYPTED FILE-----"
    static let end = "-----END AGE ENCRYPTED FILE-----"
    private static let bytesPerLine = 48

    /// Whether `file` is armored rather than binary.
    static func isArmored(_ file: [UInt8]) -> Bool {
        file.drop { UInt8(ascii: " ") == $0 || (9...13).contains($0) }.starts(with: beginning.utf8)
    }

    /// `file` armored, ending in a line break.
    static func encode(_ file: [UInt8]) -> String {
        var text = beginning + "\n"
        for start in stride(from: 0, to: file.count, by: bytesPerLine) {
            text += Data(file[start..<min(start + bytesPerLine, file.count)]).base64EncodedString() + "\n"
        }
        return text + end + "\n"
    }

    /// The binary file inside `armored`.
    /// - Throws: ``AgeError`` saying what breaks the armor's rules.
    static func decode(_ armored: [UInt8]) throws(AgeError) -> [UInt8] {
        guard let text = String(validating: armored, as: UTF8.self) else {
            throw AgeError("The armored file is not text.")
        }
        // In Swift, CR LF is one character.
        let lines = text.trimmingWhitespace().split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard lines.count >= 3, lines.first == Substring(beginning) else {
            throw AgeError("The armored file does not begin with \(beginning).")
        }
        guard lines.last == Substring(end) else {
            throw AgeError("The armored file does not end with \(end), or something follows it.")
        }
        let body = lines.dropFirst().dropLast()
        var file: [UInt8] = []
        for (index, line) in body.enumerated() {
            let isLast = index == body.count - 1
            guard isLast ? (1...64).contains(line.count) : line.count == 64 else {
                throw AgeError("Line \(index + 2) of the armored file has \(line.count) characters; age writes 64 on every line but the last.")
            }
            guard let bytes = Data(base64Encoded: String(line)), bytes.base64EncodedString() == line,
                isLast || bytes.count == bytesPerLine
            else { throw AgeError("Line \(index + 2) of the armored file is not canonical base64.") }
            file += bytes
        }
        return file
    }
}

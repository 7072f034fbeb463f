import BatouModel

/// Permission bits of a file, written as an octal number (`0o644`, or `644` in an
/// environment file) or as batou's nine-letter string (`rw-r--r--`).
///
/// ```swift
/// File("run.sh", content: script, mode: 0o755)
/// ```
public struct FileMode: Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The permission bits, such as `0o644`.
    public var bits: UInt32

    public init(_ bits: UInt32) {
        self.bits = bits
    }

    public init(integerLiteral value: UInt32) {
        self.bits = value
    }

    /// The mode as `ls` shows it after the type letter: `rw-r--r--`.
    public var description: String {
        let letters = Array("rwxrwxrwx")
        return String(
            (0..<9).map { index in bits & (0o400 >> UInt32(index)) == 0 ? "-" : letters[index] })
    }
}

extension FileMode: AttributeValue {
    /// Reads `755` (octal) or `rwxr-xr-x`.
    public init(overrideValue text: String) throws(ConversionFailure) {
        let text = text.trimmingCharacters(in: " \t")
        if let bits = UInt32(text, radix: 8), bits <= 0o7777 {
            self.bits = bits
            return
        }
        let letters = Array("rwxrwxrwx")
        guard text.count == 9 else {
            throw ConversionFailure("a mode is an octal number such as 644 or a string between --------- and rwxrwxrwx")
        }
        var bits: UInt32 = 0
        for (index, character) in text.enumerated() {
            if character == letters[index] {
                bits |= 0o400 >> UInt32(index)
            } else if character != "-" {
                throw ConversionFailure("a mode string must lie between --------- and rwxrwxrwx")
            }
        }
        self.bits = bits
    }
}

extension String {
    func trimmingCharacters(in characters: String) -> String {
        guard let first = firstIndex(where: { !characters.contains($0) }),
            let last = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}

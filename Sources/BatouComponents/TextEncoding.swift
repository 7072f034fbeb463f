/// How text becomes the bytes of a file.
///
/// ```swift
/// File("legacy.ini", content: "Grüße\n", encoding: .latin1)
/// ```
public struct TextEncoding: Hashable, Sendable, CustomStringConvertible {
    enum Storage: Hashable, Sendable {
        case utf8, latin1, ascii
    }

    let storage: Storage

    /// UTF-8, the default.
    public static var utf8: Self { .init(storage: .utf8) }
    /// ISO 8859-1: every character up to U+00FF as one byte.
    public static var latin1: Self { .init(storage: .latin1) }
    /// 7-bit ASCII.
    public static var ascii: Self { .init(storage: .ascii) }

    public var description: String {
        switch storage {
        case .utf8: "UTF-8"
        case .latin1: "ISO 8859-1"
        case .ascii: "ASCII"
        }
    }

    /// The bytes of `text`; throws when a character has no byte in this encoding.
    public func encode(_ text: String) throws(EncodingError) -> [UInt8] {
        switch storage {
        case .utf8:
            return Array(text.utf8)
        case .latin1, .ascii:
            let limit: UInt32 = storage == .ascii ? 0x7F : 0xFF
            return try text.unicodeScalars.map { scalar throws(EncodingError) in
                guard scalar.value <= limit else { throw EncodingError(character: scalar, encoding: self) }
                return UInt8(scalar.value)
            }
        }
    }

    /// The text in `bytes`, or `nil` when they are not valid in this encoding.
    public func decode(_ bytes: [UInt8]) -> String? {
        switch storage {
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        case .latin1:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .ascii:
            guard bytes.allSatisfy({ $0 <= 0x7F }) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// Text has a character that the file's encoding cannot hold.
public struct EncodingError: Error, CustomStringConvertible {
    public var character: Unicode.Scalar
    public var encoding: TextEncoding

    public var description: String {
        "The character '\(character)' (U+\(String(character.value, radix: 16, uppercase: true))) cannot be written in \(encoding)."
    }
}

/// Reads JSON text into template values as Python's `json.loads` does: objects keep their
/// order, and `1` stays a whole number while `1.0` is a float.
///
/// ```swift
/// let value = try JSONReader.value(of: #"{"port": 8080, "ratio": 0.5}"#)
/// ```
public struct JSONReader {
    private let bytes: [UInt8]
    private var position = 0

    /// The value that `text` holds.
    ///
    /// - Throws: ``JSONError`` with the line and column of the first problem.
    public static func value(of text: String) throws(JSONError) -> TemplateValue {
        var reader = JSONReader(bytes: Array(text.utf8))
        let value = try reader.readValue()
        reader.skipWhitespace()
        guard reader.position == reader.bytes.count else { throw reader.error("Extra data after the value") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func readValue() throws(JSONError) -> TemplateValue {
        skipWhitespace()
        guard let byte = peek() else { throw error("Expecting a value") }
        switch byte {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default:
            for (word, value) in [("true", TemplateValue.boolean(true)), ("false", .boolean(false)), ("null", .none)]
            where bytes[position...].starts(with: word.utf8) {
                position += word.utf8.count
                return value
            }
            throw error("Expecting a value")
        }
    }

    private mutating func readObject() throws(JSONError) -> TemplateValue {
        position += 1
        var dictionary = TemplateDictionary()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return .dictionary(dictionary)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("Expecting a property name in double quotes") }
            let key = try readString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("Expecting ':' after a property name") }
            position += 1
            dictionary[.string(key)] = try readValue()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .dictionary(dictionary)
            default: throw error("Expecting ',' or '}' in an object")
            }
        }
    }

    private mutating func readArray() throws(JSONError) -> TemplateValue {
        position += 1
        var items: [TemplateValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return .list(items)
        }
        while true {
            items.append(try readValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .list(items)
            default: throw error("Expecting ',' or ']' in an array")
            }
        }
    }

    private mutating func readString() throws(JSONError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var start = position
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                scalars.append(contentsOf: String(decoding: bytes[start..<position], as: UTF8.self).unicodeScalars)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(contentsOf: String(decoding: bytes[start..<position], as: UTF8.self).unicodeScalars)
                position += 1
                scalars.append(try readEscape())
                start = position
            case 0..<0x20:
                throw error("A control character in a string")
            default:
                position += 1
            }
        }
        throw error("Unterminated string")
    }

    private mutating func readEscape() throws(JSONError) -> Unicode.Scalar {
        guard let byte = peek() else { throw error("Unterminated string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(byte)
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try readHexUnit()
            guard UTF16.isLeadSurrogate(unit) else { return Unicode.Scalar(unit) ?? "\u{FFFD}" }
            guard bytes[position...].starts(with: "\\u".utf8) else { return "\u{FFFD}" }
            position += 2
            let trail = try readHexUnit()
            let value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(trail &- 0xDC00)
            return UTF16.isTrailSurrogate(trail) ? Unicode.Scalar(value) ?? "\u{FFFD}" : "\u{FFFD}"
        default:
            throw error("Invalid \\escape")
        }
    }

    private mutating func readHexUnit() throws(JSONError) -> UInt16 {
        guard position + 4 <= bytes.count,
            let unit = UInt16(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw error("Invalid \\uXXXX escape") }
        position += 4
        return unit
    }

    private mutating func readNumber() throws(JSONError) -> TemplateValue {
        let start = position
        var isFloat = false
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"): break
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): isFloat = true
            default:
                return try number(from: start, isFloat: isFloat)
            }
            position += 1
        }
        return try number(from: start, isFloat: isFloat)
    }

    private func number(from start: Int, isFloat: Bool) throws(JSONError) -> TemplateValue {
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if !isFloat, let integer = Int(text) { return .integer(integer) }
        guard let float = Double(text) else { throw error("'\(text)' is not a number") }
        return .float(float)
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private func error(_ reason: String) -> JSONError {
        let before = bytes[..<min(position, bytes.count)]
        let line = before.count { $0 == 0x0A } + 1
        let column = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        return JSONError(line: line, column: column, reason: reason)
    }
}

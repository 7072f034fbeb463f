/// A value written as a Python literal, as batou's `literal` conversion reads it:
/// `'text'`, `42`, `1.5`, `True`, `None`, `[1, 2]`, `(1, 2)`, `{"a": "b"}`.
///
/// ```swift
/// let notes = try PythonLiteral(parsing: #"{"host1/page-042.conf": "v1"}"#)
/// let typed = try [String: String](literal: notes)   // ["host1/page-042.conf": "v1"]
/// ```
public enum PythonLiteral: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case none
    /// A list or a tuple.
    case list([PythonLiteral])
    /// A dictionary, with its entries in the order written.
    case dictionary([Entry])

    /// One `key: value` of a dictionary literal.
    public struct Entry: Hashable, Sendable {
        public var key: PythonLiteral
        public var value: PythonLiteral
    }

    /// Parses `text`, which must hold exactly one literal.
    public init(parsing text: String) throws(ConversionFailure) {
        var parser = LiteralParser(text)
        self = try parser.parseDocument()
    }
}

/// A type that can be made from a ``PythonLiteral``.
public protocol LiteralConvertible {
    init(literal: PythonLiteral) throws(ConversionFailure)
}

extension String: LiteralConvertible {
    public init(literal: PythonLiteral) throws(ConversionFailure) {
        guard case .string(let value) = literal else { throw ConversionFailure("\(literal) is not a string") }
        self = value
    }
}

extension Int: LiteralConvertible {
    public init(literal: PythonLiteral) throws(ConversionFailure) {
        guard case .integer(let value) = literal else { throw ConversionFailure("\(literal) is not a whole number") }
        self = value
    }
}

extension Double: LiteralConvertible {
    public init(literal: PythonLiteral) throws(ConversionFailure) {
        switch literal {
        case .float(let value): self = value
        case .integer(let value): self = Double(value)
        default: throw ConversionFailure("\(literal) is not a number")
        }
    }
}

extension Bool: LiteralConvertible {
    public init(literal: PythonLiteral) throws(ConversionFailure) {
        guard case .boolean(let value) = literal else { throw ConversionFailure("\(literal) is not True or False") }
        self = value
    }
}

extension PythonLiteral: LiteralConvertible {
    public init(literal: PythonLiteral) throws(ConversionFailure) {
        self = literal
    }
}

extension Optional: LiteralConvertible where Wrapped: LiteralConvertible {
    public init(literal: PythonLiteral) throws(ConversionFailure) {
        self = literal == .none ? nil : try Wrapped(literal: literal)
    }
}

extension Array: LiteralConvertible where Element: LiteralConvertible {
    public init(literal: PythonLiteral) throws(ConversionFailure) {
        guard case .list(let items) = literal else { throw ConversionFailure("\(literal) is not a list") }
        self = try items.map { item throws(ConversionFailure) in try Element(literal: item) }
    }
}

extension Dictionary: LiteralConvertible where Key == String, Value: LiteralConvertible {
    public init(literal: PythonLiteral) throws(ConversionFailure) {
        guard case .dictionary(let entries) = literal else {
            throw ConversionFailure("\(literal) is not a dictionary such as {\"key\": \"value\"}")
        }
        self = [:]
        for entry in entries {
            self[try String(literal: entry.key)] = try Value(literal: entry.value)
        }
    }
}

extension PythonLiteral: CustomStringConvertible {
    /// The literal as Python would print it.
    public var description: String {
        switch self {
        case .string(let value): "'\(value)'"
        case .integer(let value): String(value)
        case .float(let value): String(value)
        case .boolean(let value): value ? "True" : "False"
        case .none: "None"
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .dictionary(let entries):
            "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// A recursive-descent parser for the subset of Python's literal syntax batou users write.
private struct LiteralParser {
    let characters: [Character]
    var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func parseDocument() throws(ConversionFailure) -> PythonLiteral {
        let value = try parseValue()
        skipSpaces()
        guard position == characters.count else {
            throw failure("unexpected '\(characters[position])' after the value")
        }
        return value
    }

    private mutating func parseValue() throws(ConversionFailure) -> PythonLiteral {
        skipSpaces()
        guard let character = peek() else { throw failure("a value is missing") }
        switch character {
        case "'", "\"": return .string(try parseString())
        case "[": return .list(try parseSequence(closing: "]"))
        case "(": return .list(try parseSequence(closing: ")"))
        case "{": return .dictionary(try parseDictionary())
        case "-", "+", "0"..."9", ".": return try parseNumber()
        default: return try parseName()
        }
    }

    private mutating func parseString() throws(ConversionFailure) -> String {
        let quote = characters[position]
        position += 1
        var value = ""
        while let character = peek() {
            position += 1
            if character == quote { return value }
            guard character == "\\" else {
                value.append(character)
                continue
            }
            guard let escaped = peek() else { break }
            position += 1
            switch escaped {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "0": value.append("\0")
            default: value.append(escaped)
            }
        }
        throw failure("a string is missing its closing \(quote)")
    }

    private mutating func parseSequence(closing: Character) throws(ConversionFailure) -> [PythonLiteral] {
        position += 1
        var items: [PythonLiteral] = []
        while true {
            skipSpaces()
            if peek() == closing {
                position += 1
                return items
            }
            items.append(try parseValue())
            skipSpaces()
            if peek() == "," {
                position += 1
            } else if peek() != closing {
                throw failure("expected ',' or '\(closing)'")
            }
        }
    }

    private mutating func parseDictionary() throws(ConversionFailure) -> [PythonLiteral.Entry] {
        position += 1
        var entries: [PythonLiteral.Entry] = []
        while true {
            skipSpaces()
            if peek() == "}" {
                position += 1
                return entries
            }
            let key = try parseValue()
            skipSpaces()
            guard peek() == ":" else { throw failure("expected ':' after the key \(key)") }
            position += 1
            entries.append(PythonLiteral.Entry(key: key, value: try parseValue()))
            skipSpaces()
            if peek() == "," {
                position += 1
            } else if peek() != "}" {
                throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func parseNumber() throws(ConversionFailure) -> PythonLiteral {
        let start = position
        while let character = peek(), character.isNumber || "+-.eE_".contains(character) { position += 1 }
        let text = String(characters[start..<position].filter { $0 != "_" })
        if let integer = Int(text) { return .integer(integer) }
        if let float = Double(text) { return .float(float) }
        throw failure("'\(text)' is not a number")
    }

    private mutating func parseName() throws(ConversionFailure) -> PythonLiteral {
        let start = position
        while let character = peek(), character.isLetter || character.isNumber || character == "_" { position += 1 }
        let name = String(characters[start..<position])
        switch name {
        case "True": return .boolean(true)
        case "False": return .boolean(false)
        case "None": return .none
        case "": throw failure("unexpected '\(characters[position])'")
        default: throw failure("'\(name)' is not a literal (strings need quotes; booleans are True and False)")
        }
    }

    private func peek() -> Character? {
        position < characters.count ? characters[position] : nil
    }

    private mutating func skipSpaces() {
        while let character = peek(), character.isWhitespace { position += 1 }
    }

    private func failure(_ reason: String) -> ConversionFailure {
        ConversionFailure("it is not a Python literal: \(reason)")
    }
}

/// A type whose values can be written as override strings in environment files.
///
/// ```swift
/// struct Port: AttributeValue {
///     var number: Int
///     init(overrideValue text: String) throws(ConversionFailure) {
///         guard let number = Int(text), (1...65535).contains(number) else {
///             throw ConversionFailure("it is not a port number between 1 and 65535")
///         }
///         self.number = number
///     }
/// }
/// ```
public protocol AttributeValue {
    /// Reads `text`, the override as written in the environment file.
    init(overrideValue text: String) throws(ConversionFailure)
}

extension String: AttributeValue {
    public init(overrideValue text: String) throws(ConversionFailure) {
        self = text
    }
}

extension Int: AttributeValue {
    public init(overrideValue text: String) throws(ConversionFailure) {
        guard let value = Int(text.trimmingSpaces()) else { throw ConversionFailure("it is not a whole number") }
        self = value
    }
}

extension Double: AttributeValue {
    public init(overrideValue text: String) throws(ConversionFailure) {
        guard let value = Double(text.trimmingSpaces()) else { throw ConversionFailure("it is not a number") }
        self = value
    }
}

extension Bool: AttributeValue {
    /// Reads Python's `True`/`False` as batou's literals do, and also
    /// `true`/`false`, `yes`/`no`, `on`/`off` and `1`/`0`.
    public init(overrideValue text: String) throws(ConversionFailure) {
        switch text.trimmingSpaces().lowercased() {
        case "true", "yes", "on", "1": self = true
        case "false", "no", "off", "0": self = false
        default: throw ConversionFailure("it is not True or False")
        }
    }
}

extension Optional: AttributeValue where Wrapped: AttributeValue {
    /// Reads `None` (or nothing) as `nil`, anything else as the wrapped type.
    public init(overrideValue text: String) throws(ConversionFailure) {
        let trimmed = text.trimmingSpaces()
        self = trimmed.isEmpty || trimmed == "None" ? nil : try Wrapped(overrideValue: text)
    }
}

extension Array: AttributeValue where Element: AttributeValue {
    /// Reads a Python list literal such as `[1, 2]`, or else items separated by commas
    /// or line breaks (batou's `list` conversion): `a, b` and one item per line.
    public init(overrideValue text: String) throws(ConversionFailure) {
        let trimmed = text.trimmingSpaces()
        if trimmed.hasPrefix("["), let literalType = Element.self as? any LiteralConvertible.Type {
            let literal = try PythonLiteral(parsing: trimmed)
            guard case .list(let items) = literal else { throw ConversionFailure("it is not a list") }
            self = try items.map { item throws(ConversionFailure) in
                guard let element = try literalType.init(literal: item) as? Element else {
                    throw ConversionFailure("its items are not \(Element.self)")
                }
                return element
            }
            return
        }
        self = try trimmed.split(whereSeparator: { $0 == "," || $0 == "\n" })
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
            .map { item throws(ConversionFailure) in try Element(overrideValue: item) }
    }
}

extension Dictionary: AttributeValue where Key == String, Value: LiteralConvertible {
    /// Reads a Python dictionary literal such as `{"a": "b"}`.
    public init(overrideValue text: String) throws(ConversionFailure) {
        try self.init(literal: PythonLiteral(parsing: text))
    }
}

extension PythonLiteral: AttributeValue {
    /// Reads any Python literal, batou's `literal` conversion.
    public init(overrideValue text: String) throws(ConversionFailure) {
        try self.init(parsing: text)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

/// JSON as Python's `json.dumps(value, sort_keys=True, indent=indent)` writes it, which is
/// what Jinja2's `tojson` starts from and how batou writes JSON files.
///
/// ```swift
/// try JSONWriter(indent: nil).write(["b": 1, "a": [true, nil]])   // "{\"a\": [true, null], \"b\": 1}"
/// try JSONWriter(indent: nil, separators: (",", ":")).write(["a": [1, 2]])   // "{\"a\":[1,2]}"
/// ```
///
/// Output is ASCII: other characters are written as `\uXXXX` escapes.
public struct JSONWriter: Sendable {
    /// Spaces per level, each element on a line of its own; `nil` for one line.
    public var indent: Int?
    /// What goes between items and between a key and its value: Python's default is `", "`
    /// (`","` when indented) and `": "`.
    public var separators: (item: String, key: String)?

    public init(indent: Int?, separators: (item: String, key: String)? = nil) {
        self.indent = indent
        self.separators = separators
    }

    /// The JSON text of `value`.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` for values JSON has no form for, undefined
    ///   ones included, or keys that can't be sorted.
    public func write(_ value: TemplateValue) throws(TemplateFailure) -> String {
        var output = ""
        try write(value, to: &output, level: 0)
        return output
    }

    // MARK: - Helpers

    private func write(_ value: TemplateValue, to output: inout String, level: Int) throws(TemplateFailure) {
        switch value {
        case .undefined:
            throw TemplateFailure(.type, "Object of type StrictUndefined is not JSON serializable")
        case .none:
            output += "null"
        case .boolean(let boolean):
            output += boolean ? "true" : "false"
        case .integer(let integer):
            output += String(integer)
        case .float(let float):
            output += Self.number(float)
        case .string(let string), .markup(let string):
            output += Self.quoted(string)
        case .list(let elements), .tuple(let elements):
            try writeContainer(elements, open: "[", close: "]", to: &output, level: level) { element, output throws(TemplateFailure) in
                try write(element, to: &output, level: level + 1)
            }
        case .dictionary(let dictionary):
            let entries = try dictionary.sortedEntries()
            try writeContainer(entries, open: "{", close: "}", to: &output, level: level) { entry, output throws(TemplateFailure) in
                output += Self.quoted(try key(entry.key)) + (separators?.key ?? ": ")
                try write(entry.value, to: &output, level: level + 1)
            }
        case .object, .callable:
            throw TemplateFailure(.type, "Object of type \(value.typeName) is not JSON serializable")
        }
    }

    private func writeContainer<Element>(
        _ elements: [Element],
        open: String,
        close: String,
        to output: inout String,
        level: Int,
        writeElement: (Element, inout String) throws(TemplateFailure) -> Void
    ) throws(TemplateFailure) {
        guard !elements.isEmpty else {
            output += open + close
            return
        }
        let separator: String
        let closing: String
        output += open
        if let indent {
            let inner = "\n" + String(repeating: " ", count: indent * (level + 1))
            output += inner
            separator = (separators?.item ?? ",") + inner
            closing = "\n" + String(repeating: " ", count: indent * level) + close
        } else {
            separator = separators?.item ?? ", "
            closing = close
        }
        for (offset, element) in elements.enumerated() {
            if offset > 0 {
                output += separator
            }
            try writeElement(element, &output)
        }
        output += closing
    }

    /// A dictionary key as JSON's object keys must be: a string.
    private func key(_ key: TemplateValue) throws(TemplateFailure) -> String {
        switch key {
        case .string(let string), .markup(let string): string
        case .integer(let integer): String(integer)
        case .float(let float): Self.number(float)
        case .boolean(let boolean): boolean ? "true" : "false"
        case .none: "null"
        default: throw TemplateFailure(.type, "keys must be str, int, float, bool or None, not \(key.typeName)")
        }
    }

    private static func number(_ float: Double) -> String {
        if float.isNaN { return "NaN" }
        if float.isInfinite { return float < 0 ? "-Infinity" : "Infinity" }
        return TemplateValue.repr(of: float)
    }

    /// A string in double quotes with JSON's escapes and everything beyond ASCII as `\uXXXX`.
    static func quoted(_ string: String) -> String {
        var result = "\""
        for unit in string.utf16 {
            switch unit {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x08: result += "\\b"
            case 0x0C: result += "\\f"
            case 0x20..<0x7F: result.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result + "\""
    }
}

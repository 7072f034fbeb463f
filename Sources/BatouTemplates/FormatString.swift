/// A string formatted with Python's `str.format`: `"{}:{port:05d}".format(host, port=80)`.
///
/// ```swift
/// try FormatString("{0}-{name}").formatting(TemplateArguments(positional: ["a"], keyword: [("name", "b")]))   // "a-b"
/// ```
///
/// Fields name an argument by position (`{0}`, or `{}` counting up) or by keyword, may reach
/// into it (`{0.port}`, `{0[web]}`), convert it (`!r`, `!s`) and carry a ``FormatSpec``,
/// which may itself hold fields (`{:{width}}`).
struct FormatString {
    var format: String

    init(_ format: String) {
        self.format = format
    }

    /// The format with its fields replaced by `arguments`.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.value` for a malformed format, `.undefined` for
    ///   a field naming an argument that wasn't given.
    func formatting(_ arguments: TemplateArguments) throws(TemplateFailure) -> String {
        var numbering = Numbering.unknown
        return try expand(Array(format)[...], arguments, numbering: &numbering, depth: 0)
    }

    // MARK: - Helpers

    /// Whether fields are numbered automatically (`{}`) or manually (`{0}`): Python forbids mixing them.
    private enum Numbering {
        case unknown
        case automatic(next: Int)
        case manual
    }

    private func expand(
        _ characters: ArraySlice<Character>,
        _ arguments: TemplateArguments,
        numbering: inout Numbering,
        depth: Int
    ) throws(TemplateFailure) -> String {
        var characters = characters
        var result = ""
        while let character = characters.popFirst() {
            switch character {
            case "{" where characters.first == "{":
                characters.removeFirst()
                result += "{"
            case "}" where characters.first == "}":
                characters.removeFirst()
                result += "}"
            case "}":
                throw TemplateFailure(.value, "Single '}' encountered in format string")
            case "{" where characters.isEmpty:
                throw TemplateFailure(.value, "Single '{' encountered in format string")
            case "{":
                let field = try Self.field(from: &characters)
                result += try replacement(for: field, arguments, numbering: &numbering, depth: depth)
            default:
                result.append(character)
            }
        }
        return result
    }

    /// The text of a field up to its closing brace, which may enclose nested fields.
    private static func field(from characters: inout ArraySlice<Character>) throws(TemplateFailure) -> ArraySlice<Character> {
        var nesting = 0
        for index in characters.indices {
            switch characters[index] {
            case "{":
                nesting += 1
            case "}" where nesting > 0:
                nesting -= 1
            case "}":
                let field = characters[..<index]
                characters = characters[(index + 1)...]
                return field
            default:
                break
            }
        }
        throw TemplateFailure(.value, "expected '}' before end of string")
    }

    private func replacement(
        for field: ArraySlice<Character>,
        _ arguments: TemplateArguments,
        numbering: inout Numbering,
        depth: Int
    ) throws(TemplateFailure) -> String {
        guard depth < 2 else {
            throw TemplateFailure(.value, "Max string recursion exceeded")
        }
        let specStart = field.firstIndex(of: ":")
        let reference = field[..<(specStart ?? field.endIndex)]
        let conversionStart = reference.firstIndex(of: "!")
        let path = reference[..<(conversionStart ?? reference.endIndex)]
        var value = try self.value(at: path, arguments, numbering: &numbering)
        if let conversionStart {
            switch reference[(conversionStart + 1)...].first {
            case "r", "a": value = .string(value.repr)
            case "s": value = .string(try value.text())
            default: throw TemplateFailure(.value, "Unknown conversion specifier \(String(reference[(conversionStart + 1)...]))")
            }
        }
        let specText = specStart.map { field[($0 + 1)...] } ?? []
        let spec = try expand(specText, arguments, numbering: &numbering, depth: depth + 1)
        return try FormatSpec(parsing: spec).format(value)
    }

    /// The argument a field names, with its attribute and index lookups applied.
    private func value(
        at path: ArraySlice<Character>,
        _ arguments: TemplateArguments,
        numbering: inout Numbering
    ) throws(TemplateFailure) -> TemplateValue {
        let nameEnd = path.firstIndex { $0 == "." || $0 == "[" } ?? path.endIndex
        let name = String(path[..<nameEnd])
        var value: TemplateValue
        if name.isEmpty || Int(name) != nil {
            let index: Int
            switch (numbering, Int(name)) {
            case (.manual, nil):
                throw TemplateFailure(.value, "cannot switch from manual field specification to automatic field numbering")
            case (.automatic, _?):
                throw TemplateFailure(.value, "cannot switch from automatic field numbering to manual field specification")
            case (.unknown, nil):
                index = 0
                numbering = .automatic(next: 1)
            case (.automatic(let next), nil):
                index = next
                numbering = .automatic(next: next + 1)
            case (_, let manual?):
                index = manual
                numbering = .manual
            }
            guard arguments.positional.indices.contains(index) else {
                throw TemplateFailure(.value, "Replacement index \(index) out of range for positional args tuple")
            }
            value = arguments.positional[index]
        } else {
            guard let keyword = arguments.keyword.last(where: { $0.name == name }) else {
                throw TemplateFailure(.undefined, "The format names '\(name)', which is not among its keyword arguments.")
            }
            value = keyword.value
        }
        var rest = path[nameEnd...]
        while let accessor = rest.popFirst() {
            if accessor == "." {
                let attribute = rest.prefix { $0 != "." && $0 != "[" }
                rest = rest.dropFirst(attribute.count)
                value = try value.attribute(String(attribute))
            } else {
                let key = rest.prefix { $0 != "]" }
                rest = rest.dropFirst(key.count + 1)
                value = try value.item(Int(String(key)).map(TemplateValue.integer) ?? .string(String(key)))
            }
            try value.requireDefined()
        }
        return value
    }
}

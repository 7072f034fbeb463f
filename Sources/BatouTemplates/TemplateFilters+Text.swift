extension TemplateFilters {
    static func capitalize(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "capitalize")
        return try transformingText(of: value) { $0.capitalized }
    }

    static func center(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let width = try bind(arguments, ["width"], of: "center").integer("width", default: 80)
        return try transformingText(of: value) { $0.centered(width: width) }
    }

    static func lower(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "lower")
        return try transformingText(of: value) { PythonString($0.string.lowercased()) }
    }

    static func upper(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "upper")
        return try transformingText(of: value) { PythonString($0.string.uppercased()) }
    }

    /// Jinja2's `title`: each word, begun after whitespace, `-` or an opening bracket,
    /// gets an upper-case first letter and lower-case rest.
    static func title(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "title")
        return try transformingText(of: value) { text in
            var result: [Unicode.Scalar] = []
            var atWordStart = true
            for scalar in text.scalars {
                let isSeparator = PythonString.isWhitespace(scalar) || "-({[<".unicodeScalars.contains(scalar)
                if isSeparator {
                    result.append(scalar)
                } else {
                    let mapping = atWordStart ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
                    result += mapping.unicodeScalars
                }
                atWordStart = isSeparator
            }
            return PythonString(scalars: result)
        }
    }

    static func trim(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let characters = try bind(arguments, ["chars"], of: "trim").string("chars").map(PythonString.init)
        return try transformingText(of: value) { $0.stripped(characters) }
    }

    static func replace(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["old", "new", "count"], of: "replace", required: 2)
        let old = PythonString(try (bound["old"] ?? .none).text())
        let new = PythonString(try (bound["new"] ?? .none).text())
        let count = try bound.integer("count") ?? -1
        return .string(PythonString(try value.text()).replacing(old, with: new, maxReplacements: count).string)
    }

    /// Each line after the first indented by `width` spaces (or by `width` itself when it is
    /// a string); the first too with `first`, blank lines too with `blank`.
    static func indent(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["width", "first", "blank"], of: "indent")
        let indentation: String
        if let text = bound["width"]?.stringContent {
            indentation = text
        } else {
            indentation = String(repeating: " ", count: try bound.integer("width", default: 4))
        }
        let lines = PythonString(try value.text() + "\n").splitLines().map(\.string)
        let indentBlank = try bound.boolean("blank", default: false)
        var result = lines.enumerated().map { offset, line in
            offset == 0 || (line.isEmpty && !indentBlank) ? line : indentation + line
        }.joined(separator: "\n")
        if try bound.boolean("first", default: false) {
            result = indentation + result
        }
        if case .markup = value {
            return .markup(result)
        }
        return .string(result)
    }

    /// The text cut to `length` characters, at a word boundary unless `killwords`, with
    /// `end` appended; text up to `leeway` characters too long stays whole.
    static func truncate(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["length", "killwords", "end", "leeway"], of: "truncate")
        let text = PythonString(try value.text())
        let length = try bound.integer("length", default: 255)
        let end = PythonString(try bound.string("end", default: "..."))
        let leeway = try bound.integer("leeway", default: 5)
        guard length >= end.count else {
            throw TemplateFailure(.runtime, "expected length >= \(end.count), got \(length)")
        }
        guard leeway >= 0 else {
            throw TemplateFailure(.runtime, "expected leeway >= 0, got \(leeway)")
        }
        guard text.count > length + leeway else { return .string(text.string) }
        let kept = PythonString(scalars: text.scalars.prefix(length - end.count))
        if try bound.boolean("killwords", default: false) {
            return .string(kept.string + end.string)
        }
        let words = kept.rsplit(separator: PythonString(" "), maxSplits: 1)
        return .string((words.first ?? kept).string + end.string)
    }

    static func wordCount(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "wordcount")
        var count = 0
        var inWord = false
        for scalar in try value.text().unicodeScalars {
            let isWordCharacter = scalar == "_" || PythonString.isAlphabetic(scalar) || scalar.properties.numericType != nil
            if isWordCharacter && !inWord {
                count += 1
            }
            inWord = isWordCharacter
        }
        return .integer(count)
    }

    /// The text wrapped at `width` columns as Python's `textwrap` does, lines joined by
    /// `wrapstring`.
    static func wordWrap(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["width", "break_long_words", "wrapstring", "break_on_hyphens"], of: "wordwrap")
        let wrapper = TextWrapper(
            width: try bound.integer("width", default: 79),
            breaksLongWords: try bound.boolean("break_long_words", default: true),
            breaksOnHyphens: try bound.boolean("break_on_hyphens", default: true)
        )
        let wrapString = try bound.string("wrapstring", default: "\n")
        var lines: [String] = []
        for line in PythonString(try value.text()).splitLines() {
            lines.append(try wrapper.wrap(line).map(\.string).joined(separator: wrapString))
        }
        return .string(lines.joined(separator: wrapString))
    }

    static func string(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "string")
        if case .markup = value { return value }
        return .string(try value.text())
    }

    /// `format`: the value as a `%` format, with the arguments, positional or keyword.
    static func format(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        guard arguments.positional.isEmpty || arguments.keyword.isEmpty else {
            throw argumentError("can't handle positional and keyword arguments at the same time")
        }
        let values: TemplateValue = arguments.keyword.isEmpty
            ? .tuple(arguments.positional)
            : .dictionary(TemplateDictionary(entries: arguments.keyword.map { (.string($0.name), $0.value) }))
        let format: TemplateValue = value.stringContent == nil ? .string(try value.text()) : value
        return try format.applying(.modulo, values)
    }

    // MARK: - Markup

    static func escape(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "escape")
        if case .markup = value { return value }
        return .markup(HTML.escape(try value.text()))
    }

    static func forceEscape(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "forceescape")
        return .markup(HTML.escape(try value.text()))
    }

    static func safe(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "safe")
        return .markup(try value.text())
    }

    /// The text without HTML comments and tags, entities replaced and whitespace collapsed.
    static func stripTags(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "striptags")
        var text = PythonString(try value.text())
        text = removing(from: text, between: PythonString("<!--"), and: PythonString("-->"))
        text = removing(from: text, between: PythonString("<"), and: PythonString(">"))
        let words = text.split().map(\.string).joined(separator: " ")
        return .string(HTML.unescape(words))
    }

    /// Each attribute of a dictionary as ` key="value"`, escaped; `None` and undefined values
    /// left out.
    static func xmlAttributes(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let autospace = try bind(arguments, ["autospace"], of: "xmlattr").boolean("autospace", default: true)
        guard case .dictionary(let dictionary) = value else {
            try value.requireDefined()
            throw TemplateFailure(.type, "'\(value.typeName)' object has no attribute 'items'")
        }
        var attributes: [String] = []
        for (key, attributeValue) in dictionary.entries {
            switch attributeValue {
            case .none, .undefined:
                continue
            default:
                let name = try key.text()
                if name.unicodeScalars.contains(where: " \t\n\r\u{0B}\u{0C}/>=".unicodeScalars.contains) {
                    throw TemplateFailure(.value, "Invalid character in attribute name: \(key.repr)")
                }
                attributes.append("\(HTML.escape(name))=\"\(HTML.escape(try attributeValue.text()))\"")
            }
        }
        let joined = attributes.joined(separator: " ")
        return .string(autospace && !joined.isEmpty ? " " + joined : joined)
    }

    // MARK: - Encodings

    /// A string percent-encoded for a URL path, or a dictionary or list of pairs as a query string.
    static func urlEncode(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "urlencode")
        let pairs: [TemplateValue]
        switch value {
        case .dictionary(let dictionary):
            pairs = dictionary.entries.map { .tuple([$0.key, $0.value]) }
        case .list(let elements), .tuple(let elements):
            pairs = elements
        default:
            return .string(URLQuoting.quote(try value.text(), forQuery: false))
        }
        var parameters: [String] = []
        for pair in pairs {
            let parts = try pair.elements()
            guard parts.count == 2 else {
                throw TemplateFailure(.value, "too many values to unpack (expected 2)")
            }
            parameters.append(
                URLQuoting.quote(try parts[0].text(), forQuery: true) + "=" + URLQuoting.quote(try parts[1].text(), forQuery: true)
            )
        }
        return .string(parameters.joined(separator: "&"))
    }

    /// A number of bytes for people: `13.3 kB`, or with `binary`, `13.0 KiB`.
    static func fileSizeFormat(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let binary = try bind(arguments, ["binary"], of: "filesizeformat").boolean("binary", default: false)
        let bytes = try pythonFloat(value)
        let base = binary ? 1024.0 : 1000.0
        let prefixes = binary
            ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"] : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        if bytes == 1 {
            return "1 Byte"
        }
        if bytes < base {
            return .string("\(Int(exactly: bytes.rounded(.towardZero)) ?? 0) Bytes")
        }
        var unit = base
        for prefix in prefixes {
            unit *= base
            if bytes < unit || prefix == prefixes.last {
                return .string(FormatSpec.printf(base * bytes / unit, type: "f", precision: 1, alternate: false) + " " + prefix)
            }
        }
        return .string("\(bytes)")
    }

    // MARK: - Helpers

    /// The value's text transformed, kept as markup when it was markup.
    private static func transformingText(
        of value: TemplateValue,
        _ transform: (PythonString) throws(TemplateFailure) -> PythonString
    ) throws(TemplateFailure) -> TemplateValue {
        let result = try transform(PythonString(try value.text())).string
        if case .markup = value {
            return .markup(result)
        }
        return .string(result)
    }

    /// `text` without each span from `start` to the next `end`, as MarkupSafe strips tags.
    private static func removing(from text: PythonString, between start: PythonString, and end: PythonString) -> PythonString {
        var text = text
        while let opening = text.firstIndex(of: start), let closing = text.firstIndex(of: end, from: opening) {
            text = PythonString(scalars: text.scalars[..<opening] + text.scalars[(closing + end.count)...])
        }
        return text
    }
}

extension TemplateFilters {
    /// The value as JSON, safe to put in HTML and `<script>`: `<`, `>`, `&` and `'` are escaped.
    static func toJSON(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let indent = try bind(arguments, ["indent"], of: "tojson").integer("indent")
        let json = try JSONWriter(indent: indent).write(value)
        var safe = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": safe += "\\u003c"
            case ">": safe += "\\u003e"
            case "&": safe += "\\u0026"
            case "'": safe += "\\u0027"
            default: safe.unicodeScalars.append(scalar)
            }
        }
        return .markup(safe)
    }

    static func prettyPrint(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "pprint")
        try value.requireDefined()
        return .string(PrettyPrinter().format(value))
    }
}

extension TemplateValue {
    /// The Python method called `name` of a string, dictionary, list or tuple, bound to the
    /// value: `"a,b".split(",")`, `d.items()`, `[1, 2].index(2)`.
    func method(named name: String) -> TemplateCallable? {
        switch self {
        case .string(let string):
            stringMethod(named: name, of: PythonString(string), markup: false)
        case .markup(let string):
            stringMethod(named: name, of: PythonString(string), markup: true)
        case .dictionary(let dictionary):
            dictionaryMethod(named: name, of: dictionary)
        case .list(let elements), .tuple(let elements):
            sequenceMethod(named: name, of: elements)
        default:
            nil
        }
    }

    // MARK: - Helpers

    /// A method taking `parameters`, of which the first `required` must be given.
    private func method(
        _ name: String,
        _ parameters: [String] = [],
        required: Int = 0,
        _ body: @escaping (BoundArguments) throws(TemplateFailure) -> TemplateValue
    ) -> TemplateCallable {
        TemplateCallable(name: name) { arguments in
            try body(BoundArguments(arguments, to: parameters, of: name, required: required))
        }
    }

    private func stringMethod(named name: String, of string: PythonString, markup: Bool) -> TemplateCallable? {
        func text(_ result: PythonString) -> TemplateValue {
            markup ? .markup(result.string) : .string(result.string)
        }
        func strings(_ parts: [PythonString]) -> TemplateValue {
            .list(parts.map(text))
        }
        func argument(_ bound: BoundArguments, _ parameter: String) throws(TemplateFailure) -> PythonString? {
            try bound.string(parameter).map(PythonString.init)
        }
        func fill(_ bound: BoundArguments) throws(TemplateFailure) -> Unicode.Scalar {
            let fill = try bound.string("fillchar", default: " ").unicodeScalars
            guard let scalar = fill.first, fill.count == 1 else {
                throw TemplateFailure(.type, "The fill character must be exactly one character long")
            }
            return scalar
        }
        func all(_ predicate: (Unicode.Scalar) -> Bool) -> TemplateValue {
            .boolean(!string.scalars.isEmpty && string.scalars.allSatisfy(predicate))
        }
        switch name {
        case "upper":
            return method(name) { _ in text(PythonString(string.string.uppercased())) }
        case "lower":
            return method(name) { _ in text(PythonString(string.string.lowercased())) }
        case "title":
            return method(name) { _ in text(string.titled) }
        case "capitalize":
            return method(name) { _ in text(string.capitalized) }
        case "strip", "lstrip", "rstrip":
            return method(name, ["chars"]) { bound throws(TemplateFailure) in
                text(string.stripped(try argument(bound, "chars"), leading: name != "rstrip", trailing: name != "lstrip"))
            }
        case "split", "rsplit":
            return method(name, ["sep", "maxsplit"]) { bound throws(TemplateFailure) in
                let separator = try argument(bound, "sep")
                guard separator?.scalars.isEmpty != true else { throw TemplateFailure(.value, "empty separator") }
                let maxSplits = try bound.integer("maxsplit", default: -1)
                return strings(
                    name == "split"
                        ? string.split(separator: separator, maxSplits: maxSplits)
                        : string.rsplit(separator: separator, maxSplits: maxSplits)
                )
            }
        case "splitlines":
            return method(name, ["keepends"]) { bound throws(TemplateFailure) in
                strings(string.splitLines(keepingEnds: try bound.boolean("keepends", default: false)))
            }
        case "startswith", "endswith":
            return method(name, ["prefix"], required: 1) { bound throws(TemplateFailure) in
                let candidates: [TemplateValue]
                if case .tuple(let elements)? = bound["prefix"] {
                    candidates = elements
                } else {
                    candidates = [bound["prefix"] ?? .none]
                }
                for candidate in candidates {
                    guard let affix = candidate.stringContent.map(PythonString.init) else {
                        throw TemplateFailure(
                            .type,
                            "\(name) first arg must be str or a tuple of str, not \(candidate.typeName)"
                        )
                    }
                    if name == "startswith" ? string.hasPrefix(affix) : string.hasSuffix(affix) {
                        return true
                    }
                }
                return false
            }
        case "replace":
            return method(name, ["old", "new", "count"], required: 2) { bound throws(TemplateFailure) in
                text(
                    string.replacing(
                        try argument(bound, "old") ?? PythonString(""),
                        with: try argument(bound, "new") ?? PythonString(""),
                        maxReplacements: try bound.integer("count", default: -1)
                    )
                )
            }
        case "join":
            return method(name, ["iterable"], required: 1) { bound throws(TemplateFailure) in
                var parts: [String] = []
                for (index, element) in try (bound["iterable"] ?? .none).elements().enumerated() {
                    guard let part = element.stringContent else {
                        throw TemplateFailure(
                            .type,
                            "sequence item \(index): expected str instance, \(element.typeName) found"
                        )
                    }
                    parts.append(part)
                }
                return text(PythonString(parts.joined(separator: string.string)))
            }
        case "format":
            return TemplateCallable(name: name) { arguments in
                text(PythonString(try FormatString(string.string).formatting(arguments)))
            }
        case "find", "rfind", "index", "rindex", "count":
            return method(name, ["sub"], required: 1) { bound throws(TemplateFailure) in
                guard let needle = try argument(bound, "sub") else {
                    throw TemplateFailure(.type, "must be str, not NoneType")
                }
                if name == "count" {
                    return .integer(string.occurrences(of: needle))
                }
                let found = name.hasPrefix("r") ? string.lastIndex(of: needle) : string.firstIndex(of: needle)
                if found == nil && name.hasSuffix("index") {
                    throw TemplateFailure(.value, "substring not found")
                }
                return .integer(found ?? -1)
            }
        case "isdigit", "isdecimal":
            return method(name) { _ in all(PythonString.isDigit) }
        case "isalpha":
            return method(name) { _ in all(PythonString.isAlphabetic) }
        case "isalnum":
            return method(name) { _ in all { PythonString.isAlphabetic($0) || $0.properties.numericType != nil } }
        case "isnumeric":
            return method(name) { _ in all { $0.properties.numericType != nil } }
        case "isspace":
            return method(name) { _ in all(PythonString.isWhitespace) }
        case "isupper", "islower":
            return method(name) { _ in .boolean(string.isCased(upper: name == "isupper")) }
        case "zfill":
            return method(name, ["width"], required: 1) { bound throws(TemplateFailure) in
                text(string.zeroFilled(width: try bound.integer("width", default: 0)))
            }
        case "center", "ljust", "rjust":
            return method(name, ["width", "fillchar"], required: 1) { bound throws(TemplateFailure) in
                let width = try bound.integer("width", default: 0)
                let fill = try fill(bound)
                return text(
                    name == "center"
                        ? string.centered(width: width, fill: fill)
                        : string.justified(width: width, fill: fill, leftAligned: name == "ljust")
                )
            }
        case "partition", "rpartition":
            return method(name, ["sep"], required: 1) { bound throws(TemplateFailure) in
                guard let separator = try argument(bound, "sep"), !separator.scalars.isEmpty else {
                    throw TemplateFailure(.value, "empty separator")
                }
                let (head, found, tail) = string.partition(separator, fromEnd: name == "rpartition")
                return .tuple([text(head), text(found), text(tail)])
            }
        case "removeprefix", "removesuffix":
            return method(name, ["affix"], required: 1) { bound throws(TemplateFailure) in
                let affix = try argument(bound, "affix") ?? PythonString("")
                if name == "removeprefix" {
                    return text(string.hasPrefix(affix) ? PythonString(scalars: string.scalars.dropFirst(affix.count)) : string)
                }
                return text(string.hasSuffix(affix) ? PythonString(scalars: string.scalars.dropLast(affix.count)) : string)
            }
        default:
            return nil
        }
    }

    private func dictionaryMethod(named name: String, of dictionary: TemplateDictionary) -> TemplateCallable? {
        switch name {
        case "items":
            method(name) { _ in .list(dictionary.entries.map { .tuple([$0.key, $0.value]) }) }
        case "keys":
            method(name) { _ in .list(dictionary.keys) }
        case "values":
            method(name) { _ in .list(dictionary.values) }
        case "get":
            method(name, ["key", "default"], required: 1) { bound in
                dictionary[bound["key"] ?? .none] ?? bound["default"] ?? .none
            }
        default:
            nil
        }
    }

    private func sequenceMethod(named name: String, of elements: [TemplateValue]) -> TemplateCallable? {
        switch name {
        case "index":
            method(name, ["value"], required: 1) { bound throws(TemplateFailure) in
                let value = bound["value"] ?? .none
                guard let index = elements.firstIndex(where: { $0.isEqual(to: value) }) else {
                    let message = if case .tuple = self { "tuple.index(x): x not in tuple" } else { "\(value.repr) is not in list" }
                    throw TemplateFailure(.value, message)
                }
                return .integer(index)
            }
        case "count":
            method(name, ["value"], required: 1) { bound in
                let value = bound["value"] ?? .none
                return .integer(elements.count { $0.isEqual(to: value) })
            }
        default:
            nil
        }
    }
}

/// A string formatted with Python's `%` operator: `"%s:%05.1f" % (name, load)`, or with
/// names, `"%(host)s" % {"host": "web1"}`.
///
/// ```swift
/// try PercentFormat("%s-%03d").formatting(.tuple(["web", 7]))   // "web-007"
/// ```
struct PercentFormat {
    var format: String

    init(_ format: String) {
        self.format = format
    }

    /// The format with its conversions replaced by `arguments`: the elements of a tuple, the
    /// entries of a dictionary for `%(name)s`, or the value itself.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` when there are too few or too many
    ///   arguments or one has the wrong type, `.value` for an unknown conversion.
    func formatting(_ arguments: TemplateValue) throws(TemplateFailure) -> String {
        var positional: [TemplateValue]
        if case .tuple(let elements) = arguments {
            positional = elements
        } else {
            positional = [arguments]
        }
        positional.reverse()
        var usedMapping = false
        var result = ""
        var characters = Array(format)[...]
        while let character = characters.popFirst() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            var spec = FormatSpec()
            var value: TemplateValue?
            if characters.first == "(" {
                guard case .dictionary(let dictionary) = arguments else {
                    throw TemplateFailure(.type, "format requires a mapping")
                }
                let name = characters.dropFirst().prefix { $0 != ")" }
                characters = characters.dropFirst(name.count + 2)
                guard let found = dictionary[.string(String(name))] else {
                    throw TemplateFailure(.undefined, "The format's key '\(name)' is not in the dictionary.")
                }
                value = found
                usedMapping = true
            }
            while let flag = characters.first, "-+ #0".contains(flag) {
                switch flag {
                case "-": spec.align = "<"
                case "0" where spec.align == nil: spec.align = "="
                case "#": spec.alternate = true
                case "+", " ": spec.sign = spec.sign == "+" ? "+" : flag
                default: break
                }
                characters.removeFirst()
            }
            spec.width = try number(from: &characters, arguments: &positional) ?? 0
            if characters.first == "." {
                characters.removeFirst()
                spec.precision = try number(from: &characters, arguments: &positional) ?? 0
            }
            while let modifier = characters.first, "hlL".contains(modifier) {
                characters.removeFirst()
            }
            guard let conversion = characters.popFirst() else {
                throw TemplateFailure(.value, "incomplete format")
            }
            if conversion == "%" {
                result += "%"
                continue
            }
            if value == nil {
                guard !usedMapping, let next = positional.popLast() else {
                    throw TemplateFailure(.type, "not enough arguments for format string")
                }
                value = next
            }
            result += try convert(value ?? .none, conversion, spec)
        }
        if !positional.isEmpty && !usedMapping && !isMapping(arguments) {
            throw TemplateFailure(.type, "not all arguments converted during string formatting")
        }
        return result
    }

    // MARK: - Helpers

    private func isMapping(_ value: TemplateValue) -> Bool {
        if case .dictionary = value { return true }
        return false
    }

    /// A width or precision: digits, or `*` to take it from the arguments.
    private func number(
        from characters: inout ArraySlice<Character>,
        arguments: inout [TemplateValue]
    ) throws(TemplateFailure) -> Int? {
        if characters.first == "*" {
            characters.removeFirst()
            guard case .integer(let number)? = arguments.popLast()?.number else {
                throw TemplateFailure(.type, "* wants int")
            }
            return number
        }
        let digits = characters.prefix { $0.isASCII && $0.isNumber }
        characters.removeFirst(digits.count)
        return digits.isEmpty ? nil : Int(String(digits))
    }

    private func convert(_ value: TemplateValue, _ conversion: Character, _ spec: FormatSpec) throws(TemplateFailure) -> String {
        var spec = spec
        if spec.align == "=" && !"diuoxXeEfFgGc".contains(conversion) {
            spec.align = nil
        }
        if spec.align == "=" {
            spec.fill = "0"
        }
        spec.align = spec.align ?? ">"
        switch conversion {
        case "s":
            return try spec.format(.string(value.text()))
        case "r", "a":
            return try spec.format(.string(value.repr))
        case "d", "i", "u":
            spec.type = "d"
            guard let number = value.number else {
                throw TemplateFailure(.type, "%\(conversion) format: a real number is required, not \(value.typeName)")
            }
            return try spec.format(.integer(Self.truncated(number)))
        case "x", "X", "o":
            spec.type = conversion
            guard case .integer(let integer)? = value.number else {
                throw TemplateFailure(.type, "%\(conversion) format: an integer is required, not \(value.typeName)")
            }
            return try spec.format(.integer(integer))
        case "e", "E", "f", "F", "g", "G":
            spec.type = conversion
            guard let number = value.number else {
                throw TemplateFailure(.type, "must be real number, not \(value.typeName)")
            }
            return try spec.format(.float(number.double))
        case "c":
            if case .string(let string) = value, string.unicodeScalars.count == 1 {
                return try spec.format(value)
            }
            spec.type = "c"
            guard case .integer(let integer)? = value.number else {
                throw TemplateFailure(.type, "%c requires int or char")
            }
            return try spec.format(.integer(integer))
        default:
            throw TemplateFailure(.value, "unsupported format character '\(conversion)'")
        }
    }

    private static func truncated(_ number: TemplateValue.Number) -> Int {
        switch number {
        case .integer(let integer): integer
        case .float(let float): Int(exactly: float.rounded(.towardZero)) ?? (float < 0 ? Int.min : Int.max)
        }
    }
}

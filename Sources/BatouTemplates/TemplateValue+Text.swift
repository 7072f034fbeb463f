extension TemplateValue {
    /// The value as Python's `str()` gives it: what `{{ value }}` prints.
    ///
    /// ```swift
    /// try TemplateValue.list(["a", 1]).text()   // "['a', 1]"
    /// try TemplateValue.float(1e20).text()      // "1e+20"
    /// ```
    ///
    /// Strings and markup print as they are; everything else prints as its ``repr``.
    /// - Throws: ``TemplateFailure`` of kind `.undefined` for an undefined value.
    public func text() throws(TemplateFailure) -> String {
        switch self {
        case .undefined(let message):
            throw TemplateFailure(.undefined, message)
        case .string(let string), .markup(let string):
            string
        case .object(let object):
            object.text
        default:
            repr
        }
    }

    /// The value as Python's `repr()` gives it: how it prints inside a list or dictionary.
    ///
    /// ```swift
    /// TemplateValue.string("it's").repr   // "\"it's\""
    /// TemplateValue.tuple(["a"]).repr     // "('a',)"
    /// ```
    public var repr: String {
        switch self {
        case .undefined:
            "Undefined"
        case .none:
            "None"
        case .boolean(let boolean):
            boolean ? "True" : "False"
        case .integer(let integer):
            String(integer)
        case .float(let float):
            Self.repr(of: float)
        case .string(let string):
            Self.repr(of: string)
        case .markup(let string):
            "Markup(\(Self.repr(of: string)))"
        case .list(let elements):
            "[" + elements.map(\.repr).joined(separator: ", ") + "]"
        case .tuple(let elements) where elements.count == 1:
            "(\(elements[0].repr),)"
        case .tuple(let elements):
            "(" + elements.map(\.repr).joined(separator: ", ") + ")"
        case .dictionary(let dictionary):
            "{" + dictionary.entries.map { "\($0.key.repr): \($0.value.repr)" }.joined(separator: ", ") + "}"
        case .object(let object):
            object.text
        case .callable(let callable):
            "<function \(callable.name)>"
        }
    }

    /// The name of the value's Python type, as messages use it: `int`, `str`, `NoneType`.
    public var typeName: String {
        switch self {
        case .undefined: "Undefined"
        case .none: "NoneType"
        case .boolean: "bool"
        case .integer: "int"
        case .float: "float"
        case .string: "str"
        case .markup: "Markup"
        case .list: "list"
        case .tuple: "tuple"
        case .dictionary: "dict"
        case .object(let object): String(describing: type(of: object))
        case .callable: "function"
        }
    }

    // MARK: - Helpers

    /// A float as Python writes it: the shortest digits that read back the same, in fixed
    /// notation from 1e-4 up to 1e16 and in exponent notation outside that.
    static func repr(of float: Double) -> String {
        guard float.isFinite else {
            return float.isNaN ? "nan" : (float < 0 ? "-inf" : "inf")
        }
        let sign = float.sign == .minus ? "-" : ""
        let (digits, point) = shortestDigits(of: float.magnitude)
        guard !digits.isEmpty else { return sign + "0.0" }
        if point > -4 && point <= 16 {
            if point <= 0 {
                return sign + "0." + String(repeating: "0", count: -point) + digits
            }
            if point >= digits.count {
                return sign + digits + String(repeating: "0", count: point - digits.count) + ".0"
            }
            let split = digits.index(digits.startIndex, offsetBy: point)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let exponent = point - 1
        let mantissa = digits.count == 1 ? digits : "\(digits.prefix(1)).\(digits.dropFirst())"
        let exponentDigits = String(abs(exponent))
        return sign + mantissa + (exponent < 0 ? "e-" : "e+")
            + (exponentDigits.count < 2 ? "0" : "") + exponentDigits
    }

    /// The shortest decimal digits of a non-negative finite `float` that read back as it, without
    /// leading or trailing zeros, and where the decimal point goes: the value is `0.digits × 10^point`.
    private static func shortestDigits(of float: Double) -> (digits: String, point: Int) {
        // Swift's description already has the shortest round-trip digits; only their layout differs.
        let description = float.description
        let parts = description.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = mantissa[0]
        let fractionPart = mantissa.count == 2 ? mantissa[1] : ""
        let allDigits = integerPart + fractionPart
        let leadingZeros = allDigits.prefix { $0 == "0" }.count
        var digits = String(allDigits.dropFirst(leadingZeros))
        while digits.last == "0" {
            digits.removeLast()
        }
        return (digits, integerPart.count + exponent - leadingZeros)
    }

    /// A string as Python quotes it: in single quotes, or double quotes when it holds a single
    /// quote and no double quote, with unprintable characters escaped.
    static func repr(of string: String) -> String {
        let quote: Unicode.Scalar = string.contains("'") && !string.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for scalar in string.unicodeScalars {
            switch scalar {
            case quote, "\\":
                result += "\\" + String(scalar)
            case "\n":
                result += "\\n"
            case "\r":
                result += "\\r"
            case "\t":
                result += "\\t"
            case _ where isPrintable(scalar):
                result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x100:
                result += "\\x" + hexadecimal(scalar.value, digits: 2)
            case _ where scalar.value < 0x10000:
                result += "\\u" + hexadecimal(scalar.value, digits: 4)
            default:
                result += "\\U" + hexadecimal(scalar.value, digits: 8)
            }
        }
        result.unicodeScalars.append(quote)
        return result
    }

    /// Whether Python's `str.isprintable()` holds for `scalar`: a space, or not a control,
    /// format, surrogate, private-use, unassigned or separator character.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            false
        case .spaceSeparator:
            scalar == " "
        default:
            true
        }
    }

    private static func hexadecimal(_ value: UInt32, digits: Int) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }
}

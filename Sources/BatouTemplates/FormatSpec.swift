import Foundation

/// How one value is formatted: Python's format specification mini-language, as
/// `"{:>8.3f}".format(x)` writes it and `"%8.3f" % x` means it.
///
/// ```swift
/// try FormatSpec(parsing: "05.2f").format(.float(3.14159))   // "03.14"
/// ```
struct FormatSpec: Equatable {
    var fill: Character = " "
    /// `<`, `>`, `^` or `=`; `nil` for the type's default: strings left, numbers right.
    var align: Character?
    /// `-` (only negative numbers), `+` (always) or ` ` (a space for positive numbers).
    var sign: Character = "-"
    /// `#`: a `0x`, `0o` or `0b` prefix for integers in those bases.
    var alternate = false
    var width = 0
    /// `,` or `_` between thousands.
    var grouping: Character?
    var precision: Int?
    /// The presentation type: `s`, `d`, `x`, `f`, `e`, `g`, `%`…; `nil` for the default.
    var type: Character?

    init() {}

    /// The specification after the colon of a replacement field: `[[fill]align][sign][#][0][width][,][.precision][type]`.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.value` for a specification Python rejects.
    init(parsing text: String) throws(TemplateFailure) {
        var characters = Array(text)[...]
        if characters.count >= 2, "<>^=".contains(characters[characters.startIndex + 1]) {
            fill = characters.removeFirst()
            align = characters.removeFirst()
        } else if let first = characters.first, "<>^=".contains(first) {
            align = characters.removeFirst()
        }
        if let first = characters.first, "+- ".contains(first) {
            sign = characters.removeFirst()
        }
        if characters.first == "#" {
            alternate = true
            characters.removeFirst()
        }
        if characters.first == "0" {
            if align == nil {
                fill = "0"
                align = "="
            }
            characters.removeFirst()
        }
        width = Self.integer(from: &characters) ?? 0
        if let first = characters.first, ",_".contains(first) {
            grouping = characters.removeFirst()
        }
        if characters.first == "." {
            characters.removeFirst()
            guard let digits = Self.integer(from: &characters) else {
                throw TemplateFailure(.value, "Format specifier missing precision")
            }
            precision = digits
        }
        type = characters.popFirst()
        guard characters.isEmpty else {
            throw TemplateFailure(.value, "Invalid format specifier '\(text)'")
        }
    }

    // MARK: - Formatting

    /// `value` formatted by this specification, as Python's `format(value, spec)`.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.value` for a presentation type the value doesn't have.
    func format(_ value: TemplateValue) throws(TemplateFailure) -> String {
        switch value {
        case .integer(let integer):
            return try format(integer: integer, of: value)
        case .boolean(let boolean) where self != FormatSpec():
            // With any specification a boolean formats as the integer it is in Python.
            return try format(integer: boolean ? 1 : 0, of: value)
        case .float(let float):
            return try format(float: float, of: value)
        default:
            break
        }
        guard type == nil || type == "s" else {
            throw unknownType(for: value)
        }
        var text = try value.text()
        if let precision {
            text = String(text.unicodeScalars.prefix(precision).map(Character.init))
        }
        return pad(text, sign: "", defaultAlign: "<")
    }

    private func format(integer: Int, of value: TemplateValue) throws(TemplateFailure) -> String {
        let digits: String
        let prefix: String
        switch type {
        case nil, "d", "n":
            digits = grouped(String(integer.magnitude))
            prefix = ""
        case "x", "X", "o", "b":
            let radix = type == "o" ? 8 : (type == "b" ? 2 : 16)
            let text = String(integer.magnitude, radix: radix)
            digits = type == "X" ? text.uppercased() : text
            prefix = alternate ? "0" + String(type == "X" ? "X" : (type ?? "x")) : ""
        case "c":
            guard let scalar = Unicode.Scalar(UInt32(clamping: integer)) else {
                throw TemplateFailure(.value, "%c arg not in range(0x110000)")
            }
            return pad(String(scalar), sign: "", defaultAlign: "<")
        case "e", "E", "f", "F", "g", "G", "%":
            return try format(float: Double(integer), of: value)
        default:
            throw unknownType(for: value)
        }
        let minimumDigits = precision.map { String(repeating: "0", count: max(0, $0 - digits.count)) } ?? ""
        return pad(prefix + minimumDigits + digits, sign: signText(negative: integer < 0), defaultAlign: ">")
    }

    private func format(float: Double, of value: TemplateValue) throws(TemplateFailure) -> String {
        let negative = float.sign == .minus && !float.isNaN
        let magnitude = float.magnitude
        let body: String
        switch type {
        case nil where precision == nil:
            body = TemplateValue.repr(of: magnitude)
        case nil:
            body = Self.general(magnitude, precision: max(1, precision ?? 12), keepPoint: true)
        case "f", "F", "e", "E":
            body = Self.printf(magnitude, type: type ?? "f", precision: precision ?? 6, alternate: alternate)
        case "g", "G", "n":
            body = Self.general(magnitude, precision: precision ?? 6, keepPoint: false)
        case "%":
            body = Self.printf(magnitude * 100, type: "f", precision: precision ?? 6, alternate: alternate) + "%"
        default:
            throw unknownType(for: value)
        }
        let cased = type == "F" || type == "E" || type == "G" ? body.uppercased() : body
        return pad(groupedNumber(cased), sign: signText(negative: negative), defaultAlign: ">")
    }

    // MARK: - Helpers

    private func unknownType(for value: TemplateValue) -> TemplateFailure {
        TemplateFailure(.value, "Unknown format code '\(type.map(String.init) ?? "")' for object of type '\(value.typeName)'")
    }

    private func signText(negative: Bool) -> String {
        if negative { return "-" }
        return sign == "-" ? "" : String(sign)
    }

    /// `body` with `sign` before it, padded to the width: `=` puts the padding between them.
    private func pad(_ body: String, sign: String, defaultAlign: Character) -> String {
        let length = sign.count + body.count
        guard width > length else { return sign + body }
        let padding = width - length
        switch align ?? defaultAlign {
        case "<":
            return sign + body + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + sign + body + String(repeating: fill, count: padding - left)
        case "=":
            return sign + String(repeating: fill, count: padding) + body
        default:
            return String(repeating: fill, count: padding) + sign + body
        }
    }

    /// Digits with the grouping character between thousands.
    private func grouped(_ digits: String) -> String {
        guard let grouping else { return digits }
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 {
                result.append(grouping)
            }
            result.append(digit)
        }
        return result
    }

    /// A formatted number with its integer part grouped.
    private func groupedNumber(_ number: String) -> String {
        guard grouping != nil else { return number }
        let integerPart = number.prefix { $0.isNumber }
        return grouped(String(integerPart)) + number.dropFirst(integerPart.count)
    }

    private static func integer(from characters: inout ArraySlice<Character>) -> Int? {
        let digits = characters.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        characters.removeFirst(digits.count)
        return Int(String(digits))
    }

    /// A non-negative number as C's `printf` writes it with `%f` or `%e`, and the `inf`
    /// and `nan` Python writes for those.
    static func printf(_ number: Double, type: Character, precision: Int, alternate: Bool) -> String {
        guard number.isFinite else { return number.isNaN ? "nan" : "inf" }
        let conversion = type == "e" || type == "E" ? "e" : "f"
        return String(format: "%\(alternate ? "#" : "").\(precision)\(conversion)", number)
    }

    /// A non-negative number in Python's general format: fixed or exponent notation by its
    /// size, with `precision` significant digits and trailing zeros removed. With `keepPoint`
    /// (no presentation type), a whole number in fixed notation keeps `.0`.
    static func general(_ number: Double, precision: Int, keepPoint: Bool) -> String {
        guard number.isFinite else { return number.isNaN ? "nan" : "inf" }
        let significant = max(precision, 1)
        let scientific = String(format: "%.\(significant - 1)e", number)
        let exponent = scientific.split(separator: "e").last.flatMap { Int($0) } ?? 0
        if exponent < -4 || exponent >= significant {
            let parts = scientific.split(separator: "e")
            let exponentDigits = String(abs(exponent))
            return trimmed(String(parts[0]), keepPoint: false) + (exponent < 0 ? "e-" : "e+")
                + (exponentDigits.count < 2 ? "0" : "") + exponentDigits
        }
        let fixed = String(format: "%.\(max(0, significant - 1 - exponent))f", number)
        return trimmed(fixed, keepPoint: keepPoint)
    }

    private static func trimmed(_ number: String, keepPoint: Bool) -> String {
        guard number.contains(".") else { return keepPoint ? number + ".0" : number }
        var result = number
        while result.last == "0" {
            result.removeLast()
        }
        if result.last == "." {
            if keepPoint {
                result += "0"
            } else {
                result.removeLast()
            }
        }
        return result
    }
}

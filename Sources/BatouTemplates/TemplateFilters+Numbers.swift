import Foundation

extension TemplateFilters {
    static func absolute(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "abs")
        try value.requireDefined()
        switch value.number {
        case .integer(let integer)?:
            guard integer != .min else { throw TemplateFailure(.value, "The result is too large: integers in templates have 64 bits.") }
            return .integer(Swift.abs(integer))
        case .float(let float)?:
            return .float(Swift.abs(float))
        case nil:
            throw TemplateFailure(.type, "bad operand type for abs(): '\(value.typeName)'")
        }
    }

    /// The value as a float, or `default` (0.0) when Python's `float()` can't convert it.
    static func float(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["default"], of: "float")
        try value.requireDefined()
        guard let float = try? pythonFloat(value) else {
            return bound["default"] ?? .float(0)
        }
        return .float(float)
    }

    /// The value as an integer, strings read in `base`, or `default` (0) when Python's
    /// `int()` can't convert it.
    static func integer(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["default", "base"], of: "int")
        try value.requireDefined()
        let base = try bound.integer("base", default: 10)
        if let string = value.stringContent, let integer = Self.pythonInteger(string, base: base) {
            return .integer(integer)
        }
        if case .integer(let integer)? = value.number {
            return .integer(integer)
        }
        if let float = try? pythonFloat(value), let integer = Int(exactly: float.rounded(.towardZero)) {
            return .integer(integer)
        }
        return bound["default"] ?? .integer(0)
    }

    /// The number rounded to `precision` digits: `common` to the nearest (halves to even, as
    /// Python's `round`), or always `ceil` or `floor`.
    static func round(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["precision", "method"], of: "round")
        let precision = try bound.integer("precision", default: 0)
        let method = try bound.string("method", default: "common")
        guard ["common", "ceil", "floor"].contains(method) else {
            throw argumentError("method must be common, ceil or floor")
        }
        try value.requireDefined()
        guard let number = value.number else {
            throw TemplateFailure(.type, "type \(value.typeName) doesn't define __round__ method")
        }
        let scale = Foundation.pow(10, Double(precision))
        switch (method, number) {
        case ("common", .integer(let integer)):
            guard precision < 0 else { return .integer(integer) }
            return .integer(Int(exactly: (Double(integer) * scale).rounded(.toNearestOrEven) / scale) ?? integer)
        case ("common", .float(let float)):
            guard precision >= 0, float.isFinite else {
                return .float(float.isFinite ? (float * scale).rounded(.toNearestOrEven) / scale : float)
            }
            // printf rounds the exact binary value correctly, halves to even, as Python's round does.
            return .float(Double(String(format: "%.\(precision)f", float)) ?? float)
        case ("ceil", _):
            return .float((number.double * scale).rounded(.up) / scale)
        default:
            return .float((number.double * scale).rounded(.down) / scale)
        }
    }

    // MARK: - Helpers

    /// The value as Python's `float()` converts it: numbers, and strings of a decimal number,
    /// `inf` or `nan`, with surrounding whitespace and `_` between digits.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.value` or `.type` when Python couldn't convert it.
    static func pythonFloat(_ value: TemplateValue) throws(TemplateFailure) -> Double {
        if let number = value.number {
            return number.double
        }
        guard let string = value.stringContent else {
            try value.requireDefined()
            throw TemplateFailure(.type, "float() argument must be a string or a real number, not '\(value.typeName)'")
        }
        let text = PythonString(string).stripped().string
        let isNumeral = !text.isEmpty && text.unicodeScalars.allSatisfy { "0123456789+-.eE_".unicodeScalars.contains($0) }
        let special = ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "+nan", "-nan"]
        guard isNumeral || special.contains(text.lowercased()), !text.hasPrefix("_"), !text.contains("__"),
            let float = Double(text.replacingOccurrences(of: "_", with: "").lowercased())
        else {
            throw TemplateFailure(.value, "could not convert string to float: \(TemplateValue.repr(of: string))")
        }
        return float
    }

    /// A string as Python's `int(string, base)` reads it, or `nil` when it can't.
    private static func pythonInteger(_ string: String, base: Int) -> Int? {
        var text = PythonString(string).stripped().string.lowercased()
        var negative = false
        if let sign = text.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            text.removeFirst()
        }
        var radix = base
        let prefixes: [(String, Int)] = [("0x", 16), ("0o", 8), ("0b", 2)]
        if let (prefix, prefixRadix) = prefixes.first(where: { text.hasPrefix($0.0) }), base == prefixRadix || base == 0 {
            text.removeFirst(prefix.count)
            text = text.hasPrefix("_") ? String(text.dropFirst()) : text
            radix = prefixRadix
        } else if base == 0 {
            guard text.allSatisfy({ $0 == "0" || $0 == "_" }) || text.first != "0" else { return nil }
            radix = 10
        }
        guard (2...36).contains(radix), !text.isEmpty, !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__")
        else { return nil }
        guard let magnitude = Int(text.replacingOccurrences(of: "_", with: ""), radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }
}

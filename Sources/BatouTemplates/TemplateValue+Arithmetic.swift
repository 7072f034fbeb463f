import Foundation

extension TemplateValue {
    /// The result of `self <operation> other` under Python's rules.
    ///
    /// ```swift
    /// try TemplateValue.integer(7).applying(.floorDivide, -2)   // -4
    /// try TemplateValue.string("%s:%d").applying(.modulo, .tuple(["web", 80]))   // "web:80"
    /// ```
    ///
    /// Integers, floats and booleans mix as numbers; `+` joins strings, lists and tuples, `*`
    /// repeats them; `%` with a string on the left formats it; `~` joins both sides as text.
    /// - Throws: ``TemplateFailure``: `.undefined` when either side is undefined, `.type` for
    ///   types the operator doesn't take, `.zeroDivision` for division or modulo by zero.
    public func applying(_ operation: BinaryOperator, _ other: TemplateValue) throws(TemplateFailure) -> TemplateValue {
        try requireDefined()
        try other.requireDefined()
        switch operation {
        case .add: return try adding(other)
        case .subtract, .divide, .floorDivide, .power: return try calculating(operation, other)
        case .multiply: return try multiplying(by: other)
        case .modulo: return try remainder(other)
        case .concatenate: return .string(try text() + other.text())
        case .equal: return .boolean(isEqual(to: other))
        case .notEqual: return .boolean(!isEqual(to: other))
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return .boolean(try compare(operation, other))
        case .isIn: return .boolean(try other.contains(self))
        case .isNotIn: return .boolean(!(try other.contains(self)))
        }
    }

    /// `-value`.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.undefined` or, for a value that isn't a number, `.type`.
    public func negated() throws(TemplateFailure) -> TemplateValue {
        switch try unaryOperand("-") {
        case .integer(let integer):
            let (negated, overflow) = Int(0).subtractingReportingOverflow(integer)
            guard !overflow else { throw Self.overflow }
            return .integer(negated)
        case .float(let float):
            return .float(-float)
        }
    }

    /// `+value`: the number itself, with booleans as integers.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.undefined` or, for a value that isn't a number, `.type`.
    public func unaryPlus() throws(TemplateFailure) -> TemplateValue {
        try unaryOperand("+").value
    }

    /// Whether `element` is in the value, as Python's `in` decides: a substring of a string,
    /// an element of a list or tuple, a key of a dictionary.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.undefined`, or `.type` when the value can't contain.
    func contains(_ element: TemplateValue) throws(TemplateFailure) -> Bool {
        switch self {
        case .string(let string), .markup(let string):
            guard let needle = element.stringContent else {
                throw TemplateFailure(.type, "'in <string>' requires string as left operand, not \(element.typeName)")
            }
            return needle.isEmpty || string.unicodeScalars.firstRange(of: needle.unicodeScalars) != nil
        case .list(let elements), .tuple(let elements):
            return elements.contains { $0.isEqual(to: element) }
        case .dictionary(let dictionary):
            return dictionary[element] != nil
        case .undefined(let message):
            throw TemplateFailure(.undefined, message)
        default:
            throw TemplateFailure(.type, "argument of type '\(typeName)' is not iterable")
        }
    }

    // MARK: - Helpers

    private func unaryOperand(_ symbol: String) throws(TemplateFailure) -> Number {
        try requireDefined()
        guard let number else {
            throw TemplateFailure(.type, "bad operand type for unary \(symbol): '\(typeName)'")
        }
        return number
    }

    private func adding(_ other: TemplateValue) throws(TemplateFailure) -> TemplateValue {
        switch (self, other) {
        case let (.string(left), .string(right)):
            return .string(left + right)
        case let (.markup(left), .markup(right)):
            return .markup(left + right)
        case let (.markup(left), .string(right)):
            return .markup(left + HTML.escape(right))
        case let (.string(left), .markup(right)):
            return .markup(HTML.escape(left) + right)
        case let (.list(left), .list(right)):
            return .list(left + right)
        case let (.tuple(left), .tuple(right)):
            return .tuple(left + right)
        case (.string, _), (.markup, _), (.list, _), (.tuple, _):
            throw TemplateFailure(.type, "can only concatenate \(typeName) (not \"\(other.typeName)\") to \(typeName)")
        default:
            return try calculating(.add, other)
        }
    }

    private func multiplying(by other: TemplateValue) throws(TemplateFailure) -> TemplateValue {
        switch (self, other) {
        case (.string, _), (.markup, _), (.list, _), (.tuple, _):
            guard case .integer(let count)? = other.number else {
                throw TemplateFailure(.type, "can't multiply sequence by non-int of type '\(other.typeName)'")
            }
            return repeated(max(0, count))
        case (_, .string), (_, .markup), (_, .list), (_, .tuple):
            guard number != nil else { throw unsupported(.multiply, other) }
            return try other.multiplying(by: self)
        default:
            return try calculating(.multiply, other)
        }
    }

    private func repeated(_ count: Int) -> TemplateValue {
        switch self {
        case .string(let string): .string(String(repeating: string, count: count))
        case .markup(let string): .markup(String(repeating: string, count: count))
        case .list(let elements): .list(Array(repeating: elements, count: count).flatMap { $0 })
        case .tuple(let elements): .tuple(Array(repeating: elements, count: count).flatMap { $0 })
        default: self
        }
    }

    private func remainder(_ other: TemplateValue) throws(TemplateFailure) -> TemplateValue {
        switch self {
        case .string(let format):
            return .string(try PercentFormat(format).formatting(other))
        case .markup(let format):
            return .markup(try PercentFormat(format).formatting(other.escapingStrings()))
        default:
            return try calculating(.modulo, other)
        }
    }

    /// The arithmetic of two numbers.
    private func calculating(_ operation: BinaryOperator, _ other: TemplateValue) throws(TemplateFailure) -> TemplateValue {
        guard let left = number, let right = other.number else {
            throw unsupported(operation, other)
        }
        if case .integer(let a) = left, case .integer(let b) = right {
            return try Self.integerArithmetic(operation, a, b)
        }
        return try Self.floatArithmetic(operation, left.double, right.double)
    }

    private static func integerArithmetic(_ operation: BinaryOperator, _ a: Int, _ b: Int) throws(TemplateFailure) -> TemplateValue {
        let (result, overflow): (Int, Bool)
        switch operation {
        case .add:
            (result, overflow) = a.addingReportingOverflow(b)
        case .subtract:
            (result, overflow) = a.subtractingReportingOverflow(b)
        case .multiply:
            (result, overflow) = a.multipliedReportingOverflow(by: b)
        case .divide:
            guard b != 0 else { throw TemplateFailure(.zeroDivision, "division by zero") }
            return .float(Double(a) / Double(b))
        case .floorDivide:
            guard b != 0 else { throw TemplateFailure(.zeroDivision, "integer division or modulo by zero") }
            let (quotient, quotientOverflow) = a.dividedReportingOverflow(by: b)
            let adjust = a % b != 0 && (a < 0) != (b < 0)
            (result, overflow) = (adjust ? quotient - 1 : quotient, quotientOverflow)
        case .modulo:
            guard b != 0 else { throw TemplateFailure(.zeroDivision, "integer modulo by zero") }
            let remainder = a.remainderReportingOverflow(dividingBy: b).partialValue
            result = remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder
            overflow = false
        default:
            guard b >= 0 else { return try floatArithmetic(.power, Double(a), Double(b)) }
            (result, overflow) = power(a, b)
        }
        guard !overflow else { throw Self.overflow }
        return .integer(result)
    }

    private static func power(_ base: Int, _ exponent: Int) -> (Int, Bool) {
        var result = 1
        var factor = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 {
                let (product, overflow) = result.multipliedReportingOverflow(by: factor)
                guard !overflow else { return (0, true) }
                result = product
            }
            remaining >>= 1
            if remaining > 0 {
                let (square, overflow) = factor.multipliedReportingOverflow(by: factor)
                guard !overflow else { return (0, true) }
                factor = square
            }
        }
        return (result, false)
    }

    private static func floatArithmetic(_ operation: BinaryOperator, _ a: Double, _ b: Double) throws(TemplateFailure) -> TemplateValue {
        switch operation {
        case .add:
            return .float(a + b)
        case .subtract:
            return .float(a - b)
        case .multiply:
            return .float(a * b)
        case .divide:
            guard b != 0 else { throw TemplateFailure(.zeroDivision, "float division by zero") }
            return .float(a / b)
        case .floorDivide:
            guard b != 0 else { throw TemplateFailure(.zeroDivision, "float floor division by zero") }
            return .float(floorDivision(a, b).quotient)
        case .modulo:
            guard b != 0 else { throw TemplateFailure(.zeroDivision, "float modulo") }
            return .float(floorDivision(a, b).remainder)
        default:
            if a == 0 && b < 0 {
                throw TemplateFailure(.zeroDivision, "0.0 cannot be raised to a negative power")
            }
            if a < 0 && b != b.rounded() {
                throw TemplateFailure(.value, "A negative number raised to a fractional power has no real result.")
            }
            return .float(Foundation.pow(a, b))
        }
    }

    /// Python's `divmod` of floats: the remainder takes the divisor's sign.
    private static func floorDivision(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
        var remainder = fmod(a, b)
        var division = (a - remainder) / b
        if remainder != 0 {
            if (b < 0) != (remainder < 0) {
                remainder += b
                division -= 1
            }
        } else {
            remainder = Double(signOf: b, magnitudeOf: 0)
        }
        guard division != 0 else {
            return (Double(signOf: a / b, magnitudeOf: 0), remainder)
        }
        var quotient = division.rounded(.down)
        if division - quotient > 0.5 {
            quotient += 1
        }
        return (quotient, remainder)
    }

    private func unsupported(_ operation: BinaryOperator, _ other: TemplateValue) -> TemplateFailure {
        TemplateFailure(
            .type,
            "unsupported operand type(s) for \(operation.rawValue): '\(typeName)' and '\(other.typeName)'"
        )
    }

    private static var overflow: TemplateFailure {
        TemplateFailure(.value, "The result is too large: integers in templates have 64 bits.")
    }

    /// The value with its strings escaped for HTML, as markup's `%` escapes its arguments.
    private func escapingStrings() -> TemplateValue {
        switch self {
        case .string(let string): .markup(HTML.escape(string))
        case .tuple(let elements): .tuple(elements.map { $0.escapingStrings() })
        case .dictionary(let dictionary):
            .dictionary(TemplateDictionary(entries: dictionary.entries.map { ($0.key, $0.value.escapingStrings()) }))
        default: self
        }
    }
}

/// A test, `{% if value is name(arguments) %}`: whether the value passes.
///
/// ```swift
/// let divisible = TemplateTests.test(named: "divisibleby")
/// try divisible?(9, TemplateArguments(positional: [3]))   // true
/// ```
public typealias TemplateTest = (TemplateValue, TemplateArguments) throws(TemplateFailure) -> Bool

/// Jinja2's builtin tests, behaving as in Jinja2 3.1.
///
/// ```swift
/// try TemplateTests.test(named: "defined")?(.undefined("'port' is undefined"), TemplateArguments())   // false
/// ```
///
/// Only `defined` and `undefined` accept an undefined value; the others fail on it as under
/// Jinja2's `StrictUndefined`, where they have to look at it.
public enum TemplateTests {
    /// The builtin test called `name`, or `nil` when there is none.
    public static func test(named name: String) -> TemplateTest? {
        switch name {
        case "boolean": isBoolean
        case "callable": isCallable
        case "defined": isDefined
        case "divisibleby": isDivisible
        case "eq", "==", "equalto": comparing(.equal)
        case "escaped": isEscaped
        case "even": isEven
        case "false": isFalse
        case "filter": isFilter
        case "float": isFloat
        case "ge", ">=": comparing(.greaterOrEqual)
        case "gt", ">", "greaterthan": comparing(.greater)
        case "in": isIn
        case "integer": isInteger
        case "iterable": isIterable
        case "le", "<=": comparing(.lessOrEqual)
        case "lower": isLower
        case "lt", "<", "lessthan": comparing(.less)
        case "mapping": isMapping
        case "ne", "!=": comparing(.notEqual)
        case "none": isNone
        case "number": isNumber
        case "odd": isOdd
        case "sameas": isSameObject
        case "sequence": isSequence
        case "string": isString
        case "test": isTest
        case "true": isTrue
        case "undefined": isUndefined
        case "upper": isUpper
        default: nil
        }
    }

    // MARK: - Definedness and types

    static func isDefined(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        _ = try BoundArguments(arguments, to: [], of: "defined")
        if case .undefined = value { return false }
        return true
    }

    static func isUndefined(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try !isDefined(value, arguments)
    }

    static func isNone(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "none") { $0.isNone }
    }

    static func isBoolean(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "boolean") { if case .boolean = $0 { true } else { false } }
    }

    static func isTrue(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "true") { if case .boolean(true) = $0 { true } else { false } }
    }

    static func isFalse(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "false") { if case .boolean(false) = $0 { true } else { false } }
    }

    /// Whether the value is an integer; booleans, though Python's `int`s, are not.
    static func isInteger(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "integer") { if case .integer = $0 { true } else { false } }
    }

    static func isFloat(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "float") { if case .float = $0 { true } else { false } }
    }

    /// Whether the value is a number: an integer, a float or a boolean.
    static func isNumber(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "number") { $0.number != nil }
    }

    /// Whether the value is a string, markup included.
    static func isString(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "string") { $0.stringContent != nil }
    }

    static func isMapping(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "mapping") { if case .dictionary = $0 { true } else { false } }
    }

    /// Whether the value has a length and items: a string, list, tuple or dictionary.
    static func isSequence(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "sequence") { value in
            switch value {
            case .string, .markup, .list, .tuple, .dictionary: true
            case .object(let object): object.elements != nil
            default: false
            }
        }
    }

    static func isIterable(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "iterable") { value throws(TemplateFailure) in
            try value.requireDefined()
            return (try? value.elements()) != nil
        }
    }

    /// Whether the value can be called. An undefined value can, as in Jinja2, where calling it
    /// is what fails.
    static func isCallable(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "callable") { value in
            switch value {
            case .callable, .undefined: true
            default: false
            }
        }
    }

    /// Whether the value is markup: marked safe, or escaped.
    static func isEscaped(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "escaped") { if case .markup = $0 { true } else { false } }
    }

    static func isFilter(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "filter") { value throws(TemplateFailure) in
            try value.requireDefined()
            return value.stringContent.flatMap(TemplateFilters.filter(named:)) != nil
        }
    }

    static func isTest(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        try kind(value, arguments, "test") { value throws(TemplateFailure) in
            try value.requireDefined()
            return value.stringContent.flatMap(test(named:)) != nil
        }
    }

    // MARK: - Values

    static func isOdd(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        _ = try BoundArguments(arguments, to: [], of: "odd")
        return try value.applying(.modulo, 2).isEqual(to: 1)
    }

    static func isEven(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        _ = try BoundArguments(arguments, to: [], of: "even")
        return try value.applying(.modulo, 2).isEqual(to: 0)
    }

    static func isDivisible(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        let bound = try BoundArguments(arguments, to: ["num"], of: "divisibleby", required: 1)
        return try value.applying(.modulo, bound["num"] ?? .none).isEqual(to: 0)
    }

    static func isLower(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        _ = try BoundArguments(arguments, to: [], of: "lower")
        return PythonString(try value.text()).isCased(upper: false)
    }

    static func isUpper(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        _ = try BoundArguments(arguments, to: [], of: "upper")
        return PythonString(try value.text()).isCased(upper: true)
    }

    static func isIn(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        let bound = try BoundArguments(arguments, to: ["seq"], of: "in", required: 1)
        return try value.applying(.isIn, bound["seq"] ?? .none).isTruthy()
    }

    /// Whether the values are the same object, as Python's `is`: `None`, the booleans, small
    /// integers, or the same object of the deployment.
    static func isSameObject(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> Bool {
        let bound = try BoundArguments(arguments, to: ["other"], of: "sameas", required: 1)
        switch (value, bound["other"] ?? .none) {
        case (.none, .none):
            return true
        case let (.boolean(left), .boolean(right)):
            return left == right
        case let (.integer(left), .integer(right)):
            // CPython keeps one object for each integer from -5 to 256.
            return left == right && (-5...256).contains(left)
        case let (.object(left), .object(right)):
            return left === right
        default:
            return false
        }
    }

    // MARK: - Helpers

    /// A comparison test: `value is gt(1)` is `value > 1`.
    private static func comparing(_ operation: BinaryOperator) -> TemplateTest {
        { value, arguments throws(TemplateFailure) in
            let bound = try BoundArguments(arguments, to: ["b"], of: operation.rawValue, required: 1)
            return try value.applying(operation, bound["b"] ?? .none).isTruthy()
        }
    }

    /// A test of what kind of value the value is, taking no arguments. Like Python's
    /// `isinstance`, it doesn't fail on an undefined value: that is of no kind.
    private static func kind(
        _ value: TemplateValue,
        _ arguments: TemplateArguments,
        _ name: String,
        _ isKind: (TemplateValue) throws(TemplateFailure) -> Bool
    ) throws(TemplateFailure) -> Bool {
        _ = try BoundArguments(arguments, to: [], of: name)
        return try isKind(value)
    }
}

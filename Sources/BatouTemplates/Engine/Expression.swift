/// An expression of a compiled template, with its filters and tests already looked up.
indirect enum Expression: Sendable {
    case literal(Literal)
    case name(String)
    case list([Expression])
    case tuple([Expression])
    case dictionary([(key: Expression, value: Expression)])
    case binary(BinaryOperator, Expression, Expression)
    /// `a < b <= c`: each comparison with the operand before it, true when all are.
    case comparison(Expression, [(BinaryOperator, Expression)])
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression)
    case negative(Expression)
    case positive(Expression)
    /// `a ~ b ~ c`.
    case concatenation([Expression])
    /// `value if test else otherwise`; without `else` it is undefined when the test is false.
    case conditional(test: Expression, value: Expression, otherwise: Expression?, line: Int)
    case attribute(Expression, String)
    case item(Expression, Expression)
    /// `start:stop:step` inside brackets.
    case slice(start: Expression?, stop: Expression?, step: Expression?)
    case call(Expression, CallArguments)
    case filter(Expression, FilterCall)
    /// `value is name arguments`, or with `is not`.
    case test(Expression, TestCall, isNegated: Bool)

    /// The constants of templates, as their literals write them.
    enum Literal: Sendable {
        case none
        case boolean(Bool)
        case integer(Int)
        case float(Double)
        case string(String)

        var value: TemplateValue {
            switch self {
            case .none: .none
            case .boolean(let value): .boolean(value)
            case .integer(let value): .integer(value)
            case .float(let value): .float(value)
            case .string(let value): .string(value)
            }
        }
    }
}

/// The arguments written in a call: `(1, x, *rest, key=2, **options)`.
struct CallArguments: Sendable {
    var positional: [Expression] = []
    var keyword: [(name: String, value: Expression)] = []
    /// `*expression`: a sequence of more positional arguments.
    var positionalSequence: Expression?
    /// `**expression`: a dictionary of more keyword arguments.
    var keywordDictionary: Expression?
}

/// A filter applied to a value: `| name(arguments)`.
struct FilterCall: Sendable {
    var name: String
    var arguments: CallArguments
    /// The filter's function, looked up when the template was compiled.
    var apply: SendableFunction<TemplateFilter>
}

/// A test applied to a value: `is name(arguments)`.
struct TestCall: Sendable {
    var name: String
    var arguments: CallArguments
    /// The test's function, looked up when the template was compiled.
    var apply: SendableFunction<TemplateTest>
}

/// A filter's or test's function, which compiled templates share between threads.
///
/// The functions come from ``TemplateFilters`` and ``TemplateTests``: they keep no state, so calling them
/// from any thread is safe even though their type doesn't say so.
struct SendableFunction<Function>: @unchecked Sendable {
    let function: Function
}

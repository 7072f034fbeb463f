/// A value as a template sees it: one of Python's types, as Jinja2 works with them.
///
/// ```swift
/// let variables: [String: TemplateValue] = [
///     "name": "web1",
///     "ports": [8080, 8081],
///     "tls": true,
/// ]
/// ```
///
/// Values print, compare and combine as they would in Python, so a template renders the
/// same text here as under Jinja2: `True`, `None`, `['a', 'b']`, `1.0`, `{'k': 1}`.
public enum TemplateValue {
    /// A name or attribute that does not exist. Templates render strictly, as batou's do:
    /// printing, iterating or computing with it is an error, only `is defined` and the
    /// `default` filter accept it. The text says what is missing: `'port' is undefined`.
    case undefined(String)
    /// Python's `None`.
    case none
    case boolean(Bool)
    case integer(Int)
    case float(Double)
    case string(String)
    /// A string marked safe (`|safe`, `|escape`): escaping leaves it as it is.
    case markup(String)
    case list([TemplateValue])
    /// A tuple, as `items()` and `dictsort` give them; it prints as `('a', 1)`.
    case tuple([TemplateValue])
    case dictionary(TemplateDictionary)
    /// A value of the deployment, such as a component or a host, with attributes of its own.
    case object(any TemplateObject)
    /// Something a template can call: a macro, `range`, a method such as `items`.
    case callable(TemplateCallable)
}

/// A value of the deployment that templates can read attributes of.
///
/// ```swift
/// final class Server: TemplateObject {
///     func attribute(_ name: String) -> TemplateValue? { name == "port" ? 8080 : nil }
///     var text: String { "Server" }
/// }
/// ```
public protocol TemplateObject: AnyObject {
    /// The attribute called `name`, or `nil` when there is none.
    func attribute(_ name: String) -> TemplateValue?
    /// What `{{ value }}` prints.
    var text: String { get }
    /// What `{% for %}` goes through, or `nil` when the object is not iterable (the default).
    var elements: [TemplateValue]? { get }
}

extension TemplateObject {
    public var elements: [TemplateValue]? { nil }
}

/// A function that templates can call, with positional and keyword arguments.
///
/// ```swift
/// let greet = TemplateCallable(name: "greet") { arguments in
///     .string("Hello " + (try arguments.positional.first?.text() ?? "world"))
/// }
/// ```
public struct TemplateCallable {
    /// The name messages use: `range`, a macro's name.
    public var name: String
    /// Runs the function. A ``TemplateFailure`` is reported at the line of the call.
    public var call: (TemplateArguments) throws -> TemplateValue

    public init(name: String, call: @escaping (TemplateArguments) throws -> TemplateValue) {
        self.name = name
        self.call = call
    }
}

/// The arguments of a call, a filter or a test: `f(1, 2, sep=", ")`.
public struct TemplateArguments {
    public var positional: [TemplateValue]
    /// Keyword arguments in the order written.
    public var keyword: [(name: String, value: TemplateValue)]

    public init(positional: [TemplateValue] = [], keyword: [(name: String, value: TemplateValue)] = []) {
        self.positional = positional
        self.keyword = keyword
    }
}

/// The operators of template expressions that take two values.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
    /// `~`: both sides as text, joined.
    case concatenate = "~"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    /// `a in b`: whether `b` contains `a`.
    case isIn = "in"
    case isNotIn = "not in"
}

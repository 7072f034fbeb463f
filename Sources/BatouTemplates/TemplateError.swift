/// A template that could not be compiled or rendered, with where and why.
///
/// ```
/// components/web/nginx.conf:12: 'port' is undefined.
/// ```
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure, named after the exceptions Jinja2 raises for them.
    public enum Kind: String, Sendable, Hashable {
        /// The template is not valid syntax: `TemplateSyntaxError`, also `TemplateAssertionError`
        /// (an unknown filter or test).
        case syntax
        /// A name or attribute that does not exist was used: `UndefinedError`.
        case undefined
        /// An operation on values of the wrong types: `TypeError`.
        case type
        /// A value that an operation cannot take: `ValueError`.
        case value
        /// Division or modulo by zero: `ZeroDivisionError`.
        case zeroDivision
        /// An included or imported template does not exist: `TemplateNotFound`.
        case notFound
        /// Anything else that stopped rendering: `TemplateRuntimeError`.
        case runtime
    }

    public var kind: Kind
    /// The template's name: its file, relative to where templates are looked up.
    public var template: String
    /// The line, starting at 1, where the failure happened.
    public var line: Int
    /// What went wrong, as a finished sentence.
    public var message: String

    public init(kind: Kind, template: String, line: Int, message: String) {
        self.kind = kind
        self.template = template
        self.line = line
        self.message = message
    }

    public var description: String { "\(template):\(line): \(message)" }
}

/// A failure of an operation on values, before it is known where in a template it happened.
///
/// ```swift
/// throw TemplateFailure(.type, "unsupported operand type(s) for +: 'int' and 'str'")
/// ```
public struct TemplateFailure: Error, Hashable {
    public var kind: TemplateError.Kind
    public var message: String

    public init(_ kind: TemplateError.Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// A statement of a compiled template, or text to copy. Each statement keeps the line that failures in it
/// are reported at.
indirect enum Node: Sendable {
    case text(String)
    /// `{{ expression }}`.
    case print(Expression, line: Int)
    /// `{% if %}`: the first branch whose test is true runs, else `otherwise`.
    case conditional(branches: [Branch], otherwise: [Node])
    case loop(Loop)
    /// `{% set target = value %}`.
    case assign(Target, Expression, line: Int)
    /// `{% set target | filter %}…{% endset %}`.
    case assignBlock(Target, filters: [FilterCall], body: [Node], line: Int)
    case macro(MacroDefinition)
    /// `{% call(parameters) macro(arguments) %}body{% endcall %}`: the body is the macro's `caller`.
    case callBlock(caller: MacroDefinition, call: Expression, line: Int)
    /// `{% filter name %}…{% endfilter %}`.
    case filterBlock(filters: [FilterCall], body: [Node], line: Int)
    /// `{% with a = 1 %}…{% endwith %}`.
    case with(targets: [Target], values: [Expression], body: [Node], line: Int)
    case include(Include)
    /// `{% import "t" as name %}`.
    case importModule(TemplateReference, as: String, line: Int)
    /// `{% from "t" import a, b as c %}`.
    case importNames(TemplateReference, names: [(name: String, alias: String)], line: Int)

    /// One `if` or `elif` with its body.
    struct Branch: Sendable {
        var test: Expression
        var body: [Node]
        var line: Int
    }

    /// `{% for target in iterable if condition recursive %}body{% else %}otherwise{% endfor %}`.
    struct Loop: Sendable {
        var target: Target
        var iterable: Expression
        var condition: Expression?
        var isRecursive: Bool
        var body: [Node]
        var otherwise: [Node]
        var line: Int
    }

    /// `{% include names ignore missing with context %}`.
    struct Include: Sendable {
        var names: Expression
        var ignoresMissing: Bool
        var withContext: Bool
        var line: Int
    }

    /// The template an import reads, and whether it sees the importing template's variables.
    struct TemplateReference: Sendable {
        var name: Expression
        var withContext: Bool
    }
}

/// What `set`, `for` and `with` assign to.
indirect enum Target: Sendable {
    case name(String)
    /// `a, b`: unpacks a sequence.
    case tuple([Target])
    /// `namespace.attribute`.
    case namespaceAttribute(String, String)
}

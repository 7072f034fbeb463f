/// A macro as written: `{% macro name(a, b=1) %}body{% endmacro %}`, or the body of a call block.
struct MacroDefinition: Sendable {
    var name: String
    var parameters: [String]
    /// The defaults of the last parameters, in order.
    var defaults: [Expression]
    var body: [Node]
    /// Whether the body uses `varargs`, `kwargs` or `caller`, which makes the macro accept them.
    var takesVarargs: Bool
    var takesKwargs: Bool
    var takesCaller: Bool
    var line: Int

    init(name: String, parameters: [String], defaults: [Expression], body: [Node], line: Int) {
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.body = body
        self.line = line
        let used = Set(body.flatMap(\.usedNames))
        takesVarargs = used.contains("varargs") && !parameters.contains("varargs")
        takesKwargs = used.contains("kwargs") && !parameters.contains("kwargs")
        takesCaller = used.contains("caller") && !parameters.contains("caller")
    }
}

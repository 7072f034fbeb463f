/// The variables a part of a template sees: its own, then those of the scopes around it.
///
/// A loop's body, a macro's body and a `with` block get scopes of their own, so what they `set` stays
/// inside; `if` blocks don't, as in Jinja2. Scopes are shared by reference, so a macro sees the latest
/// values of the template that defined it.
final class Scope {
    private(set) var variables: [String: TemplateValue]
    private let parent: Scope?

    init(_ variables: [String: TemplateValue] = [:], parent: Scope?) {
        self.variables = variables
        self.parent = parent
    }

    /// The value of `name` here or in the nearest scope around that has it.
    func value(of name: String) -> TemplateValue? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.variables[name] { return value }
            scope = current.parent
        }
        return nil
    }

    /// Sets `name` in this scope, hiding any variable of that name around it.
    func set(_ name: String, to value: TemplateValue) {
        variables[name] = value
    }

    /// A scope inside this one.
    func child(_ variables: [String: TemplateValue] = [:]) -> Scope {
        Scope(variables, parent: self)
    }
}

extension Scope {
    /// A scope with only the globals, such as `range` and `namespace`: where every render starts.
    static func globals() -> Scope {
        Scope(TemplateGlobals.all, parent: nil)
    }
}

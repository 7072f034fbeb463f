/// A macro while a template renders: its definition, with the scope and template it was defined in.
///
/// Calling it binds the arguments as Jinja2's `Macro` does (positional, then by keyword, then defaults;
/// `varargs`, `kwargs` and `caller` when the body uses them) and renders the body to a string.
struct Macro {
    let definition: MacroDefinition
    /// The scope the macro was defined in, which its body sees.
    let scope: Scope
    /// The template the macro was defined in, which failures in its body name.
    let template: String
    let environment: TemplateEnvironment

    /// The macro as a value templates can call and pass around.
    var value: TemplateValue {
        .callable(TemplateCallable(name: definition.name) { arguments in try call(arguments) })
    }

    /// Renders the body with `arguments`.
    ///
    /// - Throws: A ``TemplateFailure`` when the arguments don't fit the parameters, a ``TemplateError`` from
    ///   the body.
    func call(_ arguments: TemplateArguments) throws -> TemplateValue {
        let parameters = definition.parameters
        let positional = arguments.positional
        var keyword = arguments.keyword
        let bodyScope = scope.child()
        var missing: [Int] = []
        for (index, name) in parameters.enumerated() {
            if index < positional.count {
                bodyScope.set(name, to: positional[index])
            } else if let value = Macro.remove(name, from: &keyword) {
                bodyScope.set(name, to: value)
            } else {
                missing.append(index)
            }
        }
        if definition.takesCaller {
            bodyScope.set("caller", to: Macro.remove("caller", from: &keyword) ?? .undefined("No caller defined"))
        }
        try bindRest(positional: positional, keyword: keyword, in: bodyScope)
        let renderer = Renderer(template: template, environment: environment)
        let firstDefault = parameters.count - definition.defaults.count
        for index in missing {
            let value =
                index >= firstDefault
                ? try renderer.evaluate(definition.defaults[index - firstDefault], in: bodyScope, at: definition.line)
                : .undefined("parameter '\(parameters[index])' was not provided")
            bodyScope.set(parameters[index], to: value)
        }
        try renderer.render(definition.body, in: bodyScope)
        return .string(renderer.output)
    }

    /// Binds the arguments left over after the parameters to `kwargs` and `varargs`, or fails when the
    /// macro doesn't take them.
    private func bindRest(
        positional: [TemplateValue], keyword: [(name: String, value: TemplateValue)], in bodyScope: Scope
    ) throws(TemplateFailure) {
        let name = definition.name
        if definition.takesKwargs {
            var kwargs = TemplateDictionary()
            for (key, value) in keyword { kwargs[.string(key)] = value }
            bodyScope.set("kwargs", to: .dictionary(kwargs))
        } else if let unexpected = keyword.first {
            if keyword.contains(where: { $0.name == "caller" }) {
                throw TemplateFailure(
                    .type,
                    "macro '\(name)' was invoked with two values for the special caller argument. This is most likely a bug."
                )
            }
            throw TemplateFailure(.type, "macro '\(name)' takes no keyword argument '\(unexpected.name)'")
        }
        let count = definition.parameters.count
        if definition.takesVarargs {
            bodyScope.set("varargs", to: .tuple(Array(positional.dropFirst(count))))
        } else if positional.count > count {
            throw TemplateFailure(.type, "macro '\(name)' takes not more than \(count) argument(s)")
        }
    }

    private static func remove(_ name: String, from keyword: inout [(name: String, value: TemplateValue)]) -> TemplateValue? {
        guard let index = keyword.firstIndex(where: { $0.name == name }) else { return nil }
        return keyword.remove(at: index).value
    }
}

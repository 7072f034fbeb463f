/// The statements that render or import other templates, which the environment's loader finds.
extension Renderer {
    /// Renders the first of the included templates that exists, with the variables in `scope` unless
    /// it is `without context`.
    func renderInclude(_ include: Node.Include, in scope: Scope) throws(TemplateError) {
        let value = try evaluate(include.names, in: scope, at: include.line)
        let names: [String]
        switch value {
        case .string(let name), .markup(let name):
            names = [name]
        default:
            names = try attempt { () throws(TemplateFailure) in try value.elements().map { (name) throws(TemplateFailure) in try name.text() } }
        }
        var included: CompiledTemplate?
        for name in names where included == nil {
            included = try environment.compiled(named: name)
        }
        guard let included else {
            if include.ignoresMissing { return }
            switch names.count {
            case 0: throw error(.notFound, "Tried to select from an empty list of templates.")
            case 1: throw error(.notFound, "Template '\(names[0])' not found.")
            default: throw error(.notFound, "none of the templates given were found: \(names.joined(separator: ", "))")
            }
        }
        let renderer = Renderer(template: included.name, environment: environment)
        try renderer.render(included.body, in: (include.withContext ? scope : Scope.globals()).child())
        output += renderer.output
    }

    /// Renders the referenced template for what it defines.
    func module(_ reference: Node.TemplateReference, in scope: Scope, at line: Int) throws(TemplateError) -> TemplateModule {
        let nameValue = try evaluate(reference.name, in: scope, at: line)
        let name = try attempt { () throws(TemplateFailure) in try nameValue.text() }
        guard let imported = try environment.compiled(named: name) else {
            throw error(.notFound, "Template '\(name)' not found.")
        }
        let moduleScope = (reference.withContext ? scope : Scope.globals()).child()
        let renderer = Renderer(template: imported.name, environment: environment)
        try renderer.render(imported.body, in: moduleScope)
        return TemplateModule(
            name: name, exports: moduleScope.variables.filter { !$0.key.hasPrefix("_") }, text: renderer.output)
    }

    /// `{% from "t" import a, b as c %}`: each name that the template doesn't define is undefined.
    func importNames(
        _ names: [(name: String, alias: String)], from reference: Node.TemplateReference, in scope: Scope, at line: Int
    ) throws(TemplateError) {
        let module = try module(reference, in: scope, at: line)
        for (name, alias) in names {
            let missing = TemplateValue.undefined(
                "the template '\(module.name)' (imported on line \(line)) does not export the requested name '\(name)'")
            scope.set(alias, to: module.exports[name] ?? missing)
        }
    }
}

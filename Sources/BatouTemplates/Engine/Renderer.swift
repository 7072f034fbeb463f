/// Renders compiled statements into text, walking them with an output buffer.
///
/// One renderer renders one template, or one call of a macro; failures name its template and the line
/// of the statement that was running.
final class Renderer {
    let template: String
    let environment: TemplateEnvironment
    var output = ""
    /// The line of the statement running, where failures are reported.
    var line = 1

    init(template: String, environment: TemplateEnvironment) {
        self.template = template
        self.environment = environment
    }

    /// Renders `nodes`, appending to ``output``.
    func render(_ nodes: [Node], in scope: Scope) throws(TemplateError) {
        for node in nodes { try render(node, in: scope) }
    }

    private func render(_ node: Node, in scope: Scope) throws(TemplateError) {
        switch node {
        case .text(let text):
            output += text
        case .print(let expression, let line):
            try print(expression, in: scope, at: line)
        case .conditional(let branches, let otherwise):
            for branch in branches {
                if try isTruthy(evaluate(branch.test, in: scope, at: branch.line)) {
                    return try render(branch.body, in: scope)
                }
            }
            try render(otherwise, in: scope)
        case .loop(let loop):
            try renderLoop(loop, over: evaluate(loop.iterable, in: scope, at: loop.line), depth: 1, in: scope)
        case .assign(let target, let expression, let line):
            try assign(evaluate(expression, in: scope, at: line), to: target, in: scope)
        case .assignBlock(let target, let filters, let body, let line):
            let text = try capturing { () throws(TemplateError) in try render(body, in: scope.child()) }
            self.line = line
            try assign(apply(filters, to: .string(text), in: scope), to: target, in: scope)
        case .macro(let definition):
            scope.set(definition.name, to: macro(definition, in: scope).value)
        case .callBlock(let caller, let call, let line):
            let callerValue = macro(caller, in: scope.child()).value
            self.line = line
            try write(evaluate(call, in: scope, extraKeyword: ("caller", callerValue)))
        case .filterBlock(let filters, let body, let line):
            let text = try capturing { () throws(TemplateError) in try render(body, in: scope.child()) }
            self.line = line
            try write(apply(filters, to: .string(text), in: scope))
        case .with(let targets, let values, let body, let line):
            let inner = scope.child()
            for (target, expression) in zip(targets, values) {
                try assign(evaluate(expression, in: scope, at: line), to: target, in: inner)
            }
            try render(body, in: inner)
        case .include(let include):
            try renderInclude(include, in: scope)
        case .importModule(let reference, let alias, let line):
            scope.set(alias, to: .object(try module(reference, in: scope, at: line)))
        case .importNames(let reference, let names, let line):
            try importNames(names, from: reference, in: scope, at: line)
        }
    }

    // MARK: - Statements

    private func print(_ expression: Expression, in scope: Scope, at line: Int) throws(TemplateError) {
        self.line = line
        output += try text(of: expression, in: scope)
    }

    private func write(_ value: TemplateValue) throws(TemplateError) {
        output += try attempt { () throws(TemplateFailure) in try value.text() }
    }

    private func renderLoop(
        _ loop: Node.Loop, over iterable: TemplateValue, depth: Int, in scope: Scope
    ) throws(TemplateError) {
        line = loop.line
        var items = try attempt { () throws(TemplateFailure) in try iterable.elements() }
        if let condition = loop.condition {
            var kept: [TemplateValue] = []
            for item in items {
                let itemScope = scope.child()
                try assign(item, to: loop.target, in: itemScope)
                if try isTruthy(evaluate(condition, in: itemScope, at: loop.line)) { kept.append(item) }
            }
            items = kept
        }
        guard !items.isEmpty else { return try render(loop.otherwise, in: scope.child()) }
        let recurse =
            loop.isRecursive
            ? TemplateCallable(name: "loop") { arguments in
                let children = arguments.positional.first ?? .undefined("loop() takes exactly one argument")
                let renderer = Renderer(template: self.template, environment: self.environment)
                try renderer.renderLoop(loop, over: children, depth: depth + 1, in: scope)
                return .string(renderer.output)
            } : nil
        let context = LoopContext(items: items, depth: depth, recurse: recurse)
        for (index, item) in items.enumerated() {
            context.index = index
            let iterationScope = scope.child(["loop": .object(context)])
            line = loop.line
            try assign(item, to: loop.target, in: iterationScope)
            try render(loop.body, in: iterationScope)
        }
    }

    /// Assigns `value` to `target` in `scope`, unpacking it for several names.
    func assign(_ value: TemplateValue, to target: Target, in scope: Scope) throws(TemplateError) {
        switch target {
        case .name(let name):
            scope.set(name, to: value)
        case .tuple(let targets):
            let values = try attempt { () throws(TemplateFailure) in try Renderer.unpack(value, into: targets.count) }
            for (target, value) in zip(targets, values) { try assign(value, to: target, in: scope) }
        case .namespaceAttribute(let name, let attribute):
            guard case .object(let object) = scope.value(of: name), let namespace = object as? TemplateNamespace else {
                throw error(.runtime, "cannot assign attribute on non-namespace object")
            }
            namespace.values[.string(attribute)] = value
        }
    }

    /// The items of `value` for `count` names, failing as Python does when the numbers differ.
    private static func unpack(_ value: TemplateValue, into count: Int) throws(TemplateFailure) -> [TemplateValue] {
        let values: [TemplateValue]
        do {
            values = try value.elements()
        } catch {
            guard error.kind == .type else { throw error }
            throw TemplateFailure(.type, "cannot unpack non-iterable \(value.typeName) object")
        }
        if values.count < count {
            throw TemplateFailure(.value, "not enough values to unpack (expected \(count), got \(values.count))")
        }
        if values.count > count { throw TemplateFailure(.value, "too many values to unpack (expected \(count))") }
        return values
    }

    private func macro(_ definition: MacroDefinition, in scope: Scope) -> Macro {
        Macro(definition: definition, scope: scope, template: template, environment: environment)
    }

    /// What `body` writes, instead of writing it to the output.
    private func capturing(_ body: () throws(TemplateError) -> Void) throws(TemplateError) -> String {
        let outer = output
        output = ""
        defer { output = outer }
        try body()
        return output
    }

    // MARK: - Failures

    /// The result of `body`, with a failure reported at the current line.
    func attempt<Result>(_ body: () throws(TemplateFailure) -> Result) throws(TemplateError) -> Result {
        do {
            return try body()
        } catch {
            throw self.error(error.kind, error.message)
        }
    }

    func isTruthy(_ value: TemplateValue) throws(TemplateError) -> Bool {
        try attempt { () throws(TemplateFailure) in try value.isTruthy() }
    }

    /// A failure at the current line, its message a finished sentence.
    func error(_ kind: TemplateError.Kind, _ message: String) -> TemplateError {
        let sentence = message.hasSuffix(".") || message.hasSuffix("?") || message.hasSuffix("!") ? message : message + "."
        return TemplateError(kind: kind, template: template, line: line, message: sentence)
    }
}

/// Evaluating expressions with Python's semantics, which the values implement.
extension Renderer {
    /// The value of `expression` in `scope`, failures reported at `line`.
    func evaluate(_ expression: Expression, in scope: Scope, at line: Int) throws(TemplateError) -> TemplateValue {
        self.line = line
        return try evaluate(expression, in: scope)
    }

    /// The value of `expression` in `scope`; a call gets `extraKeyword` as one more keyword argument, as
    /// a call block passes `caller`.
    func evaluate(
        _ expression: Expression, in scope: Scope, extraKeyword: (String, TemplateValue)? = nil
    ) throws(TemplateError) -> TemplateValue {
        switch expression {
        case .literal(let literal):
            return literal.value
        case .name(let name):
            return scope.value(of: name) ?? .undefined("'\(name)' is undefined")
        case .list(let items):
            return .list(try evaluate(items, in: scope))
        case .tuple(let items):
            return .tuple(try evaluate(items, in: scope))
        case .dictionary(let pairs):
            var dictionary = TemplateDictionary()
            for pair in pairs {
                let key = try evaluate(pair.key, in: scope)
                dictionary[key] = try evaluate(pair.value, in: scope)
            }
            return .dictionary(dictionary)
        case .binary(let operation, let left, let right):
            let left = try evaluate(left, in: scope)
            let right = try evaluate(right, in: scope)
            return try attempt { () throws(TemplateFailure) in try left.applying(operation, right) }
        case .comparison(let first, let comparisons):
            return try compare(first, comparisons, in: scope)
        case .and(let left, let right):
            let left = try evaluate(left, in: scope)
            return try isTruthy(left) ? try evaluate(right, in: scope) : left
        case .or(let left, let right):
            let left = try evaluate(left, in: scope)
            return try isTruthy(left) ? left : try evaluate(right, in: scope)
        case .not(let operand):
            return .boolean(try !isTruthy(evaluate(operand, in: scope)))
        case .negative(let operand):
            let value = try evaluate(operand, in: scope)
            return try attempt { () throws(TemplateFailure) in try value.negated() }
        case .positive(let operand):
            let value = try evaluate(operand, in: scope)
            return try attempt { () throws(TemplateFailure) in try value.unaryPlus() }
        case .concatenation(let parts):
            var text = ""
            for part in parts { text += try self.text(of: part, in: scope) }
            return .string(text)
        case .conditional(let test, let value, let otherwise, let line):
            if try isTruthy(evaluate(test, in: scope)) { return try evaluate(value, in: scope) }
            guard let otherwise else {
                return .undefined(
                    "the inline if-expression on line \(line) evaluated to false and no else section was defined.")
            }
            return try evaluate(otherwise, in: scope)
        case .attribute(let base, let name):
            let value = try evaluate(base, in: scope)
            return try attempt { () throws(TemplateFailure) in try value.attribute(name) }
        case .item(let base, .slice(let start, let stop, let step)):
            let value = try evaluate(base, in: scope)
            let start = try evaluate(start, in: scope)
            let stop = try evaluate(stop, in: scope)
            let step = try evaluate(step, in: scope)
            return try attempt { () throws(TemplateFailure) in try value.slice(start: start, stop: stop, step: step) }
        case .item(let base, let key):
            let value = try evaluate(base, in: scope)
            let key = try evaluate(key, in: scope)
            return try attempt { () throws(TemplateFailure) in try value.item(key) }
        case .slice:
            throw error(.type, "unhashable type: 'slice'")
        case .call(let callee, let arguments):
            let callee = try evaluate(callee, in: scope)
            var arguments = try evaluate(arguments, in: scope)
            if let extraKeyword { arguments.keyword.append((extraKeyword.0, extraKeyword.1)) }
            return try call(callee, with: arguments)
        case .filter(let value, let filter):
            return try apply([filter], to: evaluate(value, in: scope), in: scope)
        case .test(let value, let test, let isNegated):
            let value = try evaluate(value, in: scope)
            let arguments = try evaluate(test.arguments, in: scope)
            let result = try attempt { () throws(TemplateFailure) in try test.apply.function(value, arguments) }
            return .boolean(result != isNegated)
        }
    }

    /// `value` through `filters`, in order.
    func apply(_ filters: [FilterCall], to value: TemplateValue, in scope: Scope) throws(TemplateError) -> TemplateValue {
        var value = value
        for filter in filters {
            let arguments = try evaluate(filter.arguments, in: scope)
            let input = value
            value = try attempt { () throws(TemplateFailure) in try filter.apply.function(input, arguments) }
        }
        return value
    }

    /// What `expression` prints as. An `if` expression without `else` whose test is false prints nothing:
    /// Jinja2 gives it a lenient undefined value, even when undefined values are strict.
    func text(of expression: Expression, in scope: Scope) throws(TemplateError) -> String {
        var expression = expression
        if case .conditional(let test, let value, nil, _) = expression {
            guard try isTruthy(evaluate(test, in: scope)) else { return "" }
            expression = value
        }
        let value = try evaluate(expression, in: scope)
        return try attempt { () throws(TemplateFailure) in try value.text() }
    }

    // MARK: - Helpers

    private func evaluate(_ expressions: [Expression], in scope: Scope) throws(TemplateError) -> [TemplateValue] {
        var values: [TemplateValue] = []
        values.reserveCapacity(expressions.count)
        for expression in expressions { values.append(try evaluate(expression, in: scope)) }
        return values
    }

    private func evaluate(_ expression: Expression?, in scope: Scope) throws(TemplateError) -> TemplateValue {
        guard let expression else { return .none }
        return try evaluate(expression, in: scope)
    }

    /// The arguments of a call, with `*sequence` and `**dictionary` spread out.
    private func evaluate(_ arguments: CallArguments, in scope: Scope) throws(TemplateError) -> TemplateArguments {
        var result = TemplateArguments(positional: try evaluate(arguments.positional, in: scope))
        for (name, expression) in arguments.keyword {
            result.keyword.append((name, try evaluate(expression, in: scope)))
        }
        if let sequence = arguments.positionalSequence {
            let value = try evaluate(sequence, in: scope)
            result.positional += try attempt { () throws(TemplateFailure) in try value.elements() }
        }
        if let dictionary = arguments.keywordDictionary {
            guard case .dictionary(let entries) = try evaluate(dictionary, in: scope) else {
                throw error(.type, "argument after ** must be a mapping")
            }
            for (key, value) in entries.entries {
                guard case .string(let name) = key else { throw error(.type, "keywords must be strings") }
                result.keyword.append((name, value))
            }
        }
        return result
    }

    /// `first op1 second op2 third…`: false at the first comparison that is, else the last one's result.
    private func compare(
        _ first: Expression, _ comparisons: [(BinaryOperator, Expression)], in scope: Scope
    ) throws(TemplateError) -> TemplateValue {
        var left = try evaluate(first, in: scope)
        var result = TemplateValue.boolean(true)
        for (operation, operand) in comparisons {
            let right = try evaluate(operand, in: scope)
            let value = left
            result = try attempt { () throws(TemplateFailure) in try value.applying(operation, right) }
            guard try isTruthy(result) else { return result }
            left = right
        }
        return result
    }

    /// Calls `callee`: a macro, a function such as `range`, a method, or a recursive loop.
    func call(_ callee: TemplateValue, with arguments: TemplateArguments) throws(TemplateError) -> TemplateValue {
        let function: TemplateCallable
        switch callee {
        case .callable(let callable):
            function = callable
        case .object(let object as LoopContext):
            guard let recurse = object.recurse else { throw error(.type, "'LoopContext' object is not callable") }
            function = recurse
        case .undefined(let message):
            throw error(.undefined, message)
        default:
            throw error(.type, "'\(callee.typeName)' object is not callable")
        }
        do {
            return try function.call(arguments)
        } catch let error as TemplateError {
            throw error
        } catch let failure as TemplateFailure {
            throw error(failure.kind, failure.message)
        } catch {
            throw self.error(.runtime, "\(error)")
        }
    }
}

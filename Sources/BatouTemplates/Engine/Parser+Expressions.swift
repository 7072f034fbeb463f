/// Expressions, from the loosest binding to the tightest, as Jinja2's parser reads them.
extension Parser {
    /// Expressions separated by commas as a tuple, or the one expression without a comma.
    mutating func parseTuple(
        withConditional: Bool = true, endingAt endNames: [String] = [], inParentheses: Bool = false
    ) throws(TemplateError) -> Expression {
        var items: [Expression] = []
        var isTuple = false
        while true {
            if !items.isEmpty { try tokens.expect(.symbol(.comma), ",") }
            if isTupleEnd(endNames) { break }
            items.append(withConditional ? try parseExpression() : try parseOr())
            guard tokens.current.kind == .symbol(.comma) else { break }
            isTuple = true
        }
        if !isTuple {
            if let item = items.first { return item }
            if !inParentheses { throw tokens.error("Expected an expression, got '\(tokens.current.description)'") }
        }
        return .tuple(items)
    }

    /// An expression, including `a if b else c`.
    mutating func parseExpression() throws(TemplateError) -> Expression {
        var line = tokens.current.line
        var expression = try parseOr()
        while try tokens.skip(name: "if") {
            let test = try parseOr()
            let otherwise = try tokens.skip(name: "else") ? try parseExpression() : nil
            expression = .conditional(test: test, value: expression, otherwise: otherwise, line: line)
            line = tokens.current.line
        }
        return expression
    }

    private mutating func parseOr() throws(TemplateError) -> Expression {
        var expression = try parseAnd()
        while try tokens.skip(name: "or") { expression = .or(expression, try parseAnd()) }
        return expression
    }

    private mutating func parseAnd() throws(TemplateError) -> Expression {
        var expression = try parseNot()
        while try tokens.skip(name: "and") { expression = .and(expression, try parseNot()) }
        return expression
    }

    private mutating func parseNot() throws(TemplateError) -> Expression {
        try tokens.skip(name: "not") ? .not(try parseNot()) : try parseComparison()
    }

    private mutating func parseComparison() throws(TemplateError) -> Expression {
        let first = try parseSum()
        var comparisons: [(BinaryOperator, Expression)] = []
        while true {
            let comparison: BinaryOperator
            if case .symbol(let symbol) = tokens.current.kind, let operation = symbol.binaryOperator,
                Parser.comparisonOperators.contains(operation)
            {
                comparison = operation
                try tokens.advance()
            } else if try tokens.skip(name: "in") {
                comparison = .isIn
            } else if tokens.current.isName("not"), try tokens.look().isName("in") {
                try tokens.advance()
                try tokens.advance()
                comparison = .isNotIn
            } else {
                break
            }
            comparisons.append((comparison, try parseSum()))
        }
        return comparisons.isEmpty ? first : .comparison(first, comparisons)
    }

    private static let comparisonOperators: Set<BinaryOperator> = [
        .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual,
    ]

    private mutating func parseSum() throws(TemplateError) -> Expression {
        var expression = try parseConcatenation()
        while let operation = try skipOperator([.add, .subtract]) {
            expression = .binary(operation, expression, try parseConcatenation())
        }
        return expression
    }

    private mutating func parseConcatenation() throws(TemplateError) -> Expression {
        var parts = [try parseProduct()]
        while try tokens.skip(.symbol(.tilde)) { parts.append(try parseProduct()) }
        return parts.count == 1 ? parts[0] : .concatenation(parts)
    }

    private mutating func parseProduct() throws(TemplateError) -> Expression {
        var expression = try parsePower()
        while let operation = try skipOperator([.multiply, .divide, .floorDivide, .modulo]) {
            expression = .binary(operation, expression, try parsePower())
        }
        return expression
    }

    private mutating func parsePower() throws(TemplateError) -> Expression {
        var expression = try parseUnary()
        while try tokens.skip(.symbol(.power)) { expression = .binary(.power, expression, try parseUnary()) }
        return expression
    }

    /// Moves past the current token when it is one of `symbols`, returning its operator.
    private mutating func skipOperator(_ symbols: [Symbol]) throws(TemplateError) -> BinaryOperator? {
        guard case .symbol(let symbol) = tokens.current.kind, symbols.contains(symbol) else { return nil }
        try tokens.advance()
        return symbol.binaryOperator
    }

    private mutating func parseUnary(withFilters: Bool = true) throws(TemplateError) -> Expression {
        var expression: Expression
        if try tokens.skip(.symbol(.subtract)) {
            expression = .negative(try parseUnary(withFilters: false))
        } else if try tokens.skip(.symbol(.add)) {
            expression = .positive(try parseUnary(withFilters: false))
        } else {
            expression = try parsePrimary()
        }
        expression = try parsePostfix(expression)
        return withFilters ? try parseFiltersAndTests(expression) : expression
    }

    /// A name, a literal, or an expression in parentheses.
    mutating func parsePrimary() throws(TemplateError) -> Expression {
        let token = tokens.current
        switch token.kind {
        case .name(let name):
            try tokens.advance()
            switch name {
            case "true", "True": return .literal(.boolean(true))
            case "false", "False": return .literal(.boolean(false))
            case "none", "None": return .literal(.none)
            default: return .name(name)
            }
        case .string(var text):
            try tokens.advance()
            while case .string(let more) = tokens.current.kind {
                text += more
                try tokens.advance()
            }
            return .literal(.string(text))
        case .integer(let value):
            try tokens.advance()
            return .literal(.integer(value))
        case .float(let value):
            try tokens.advance()
            return .literal(.float(value))
        case .symbol(.leftParenthesis):
            try tokens.advance()
            let expression = try parseTuple(inParentheses: true)
            try tokens.expect(.symbol(.rightParenthesis), ")")
            return expression
        case .symbol(.leftBracket):
            return .list(try parseItems(closedBy: .rightBracket) { (parser) throws(TemplateError) in
                try parser.parseExpression()
            })
        case .symbol(.leftBrace):
            return .dictionary(try parseItems(closedBy: .rightBrace) { (parser) throws(TemplateError) in
                let key = try parser.parseExpression()
                try parser.tokens.expect(.symbol(.colon), ":")
                return (key, try parser.parseExpression())
            })
        default:
            throw tokens.error("unexpected '\(token.description)'", line: token.line)
        }
    }

    /// The items of a list or dictionary literal, which may end with a comma.
    private mutating func parseItems<Item>(
        closedBy closing: Symbol, _ parseItem: (inout Parser) throws(TemplateError) -> Item
    ) throws(TemplateError) -> [Item] {
        try tokens.advance()
        var items: [Item] = []
        while tokens.current.kind != .symbol(closing) {
            if !items.isEmpty { try tokens.expect(.symbol(.comma), ",") }
            if tokens.current.kind == .symbol(closing) { break }
            items.append(try parseItem(&self))
        }
        try tokens.expect(.symbol(closing), closing.rawValue)
        return items
    }

    // MARK: - Postfix

    /// Attributes, items and calls after `expression`.
    private mutating func parsePostfix(_ expression: Expression) throws(TemplateError) -> Expression {
        var expression = expression
        while true {
            switch tokens.current.kind {
            case .symbol(.dot), .symbol(.leftBracket): expression = try parseSubscript(expression)
            case .symbol(.leftParenthesis): expression = .call(expression, try parseCallArguments())
            default: return expression
            }
        }
    }

    /// Filters, tests and calls after `expression`.
    private mutating func parseFiltersAndTests(_ expression: Expression) throws(TemplateError) -> Expression {
        var expression = expression
        while true {
            switch tokens.current.kind {
            case .symbol(.pipe):
                try tokens.advance()
                expression = .filter(expression, try parseFilter())
            case .name("is"): expression = try parseTest(expression)
            case .symbol(.leftParenthesis): expression = .call(expression, try parseCallArguments())
            default: return expression
            }
        }
    }

    private mutating func parseSubscript(_ expression: Expression) throws(TemplateError) -> Expression {
        let token = try tokens.advance()
        if token.kind == .symbol(.dot) {
            let attribute = try tokens.advance()
            switch attribute.kind {
            case .name(let name): return .attribute(expression, name)
            case .integer(let index): return .item(expression, .literal(.integer(index)))
            default: throw tokens.error("expected name or number", line: attribute.line)
            }
        }
        var subscripts: [Expression] = []
        while tokens.current.kind != .symbol(.rightBracket) {
            if !subscripts.isEmpty { try tokens.expect(.symbol(.comma), ",") }
            subscripts.append(try parseSubscribed())
        }
        try tokens.expect(.symbol(.rightBracket), "]")
        return .item(expression, subscripts.count == 1 ? subscripts[0] : .tuple(subscripts))
    }

    /// An index, or a slice `start:stop:step` with any part left out.
    private mutating func parseSubscribed() throws(TemplateError) -> Expression {
        var start: Expression?
        if tokens.current.kind != .symbol(.colon) {
            let expression = try parseExpression()
            guard tokens.current.kind == .symbol(.colon) else { return expression }
            start = expression
        }
        try tokens.advance()
        let stop = isSliceEnd(orColon: true) ? nil : try parseExpression()
        var step: Expression?
        if try tokens.skip(.symbol(.colon)), !isSliceEnd(orColon: false) {
            step = try parseExpression()
        }
        return .slice(start: start, stop: stop, step: step)
    }

    private func isSliceEnd(orColon: Bool) -> Bool {
        switch tokens.current.kind {
        case .symbol(.rightBracket), .symbol(.comma): true
        case .symbol(.colon): orColon
        default: false
        }
    }

    /// `(1, x, *rest, key=2, **options)`.
    mutating func parseCallArguments() throws(TemplateError) -> CallArguments {
        let line = try tokens.expect(.symbol(.leftParenthesis), "(").line
        var arguments = CallArguments()
        func ensure(_ condition: Bool) throws(TemplateError) {
            guard condition else { throw tokens.error("invalid syntax for function call expression", line: line) }
        }
        var needsComma = false
        while tokens.current.kind != .symbol(.rightParenthesis) {
            if needsComma {
                try tokens.expect(.symbol(.comma), ",")
                if tokens.current.kind == .symbol(.rightParenthesis) { break }
            }
            if try tokens.skip(.symbol(.multiply)) {
                try ensure(arguments.positionalSequence == nil && arguments.keywordDictionary == nil)
                arguments.positionalSequence = try parseExpression()
            } else if try tokens.skip(.symbol(.power)) {
                try ensure(arguments.keywordDictionary == nil)
                arguments.keywordDictionary = try parseExpression()
            } else if let name = tokens.current.name, try tokens.look().kind == .symbol(.assign) {
                try ensure(arguments.keywordDictionary == nil)
                try tokens.advance()
                try tokens.advance()
                arguments.keyword.append((name, try parseExpression()))
            } else {
                try ensure(
                    arguments.positionalSequence == nil && arguments.keywordDictionary == nil
                        && arguments.keyword.isEmpty)
                arguments.positional.append(try parseExpression())
            }
            needsComma = true
        }
        try tokens.expect(.symbol(.rightParenthesis), ")")
        return arguments
    }

    // MARK: - Filters and tests

    /// Filters separated by `|`; the first one without `|` before it when `startingInline` is set.
    mutating func parseFilters(startingInline: Bool) throws(TemplateError) -> [FilterCall] {
        var filters: [FilterCall] = []
        if startingInline { filters.append(try parseFilter()) }
        while try tokens.skip(.symbol(.pipe)) { filters.append(try parseFilter()) }
        return filters
    }

    /// A filter's name and arguments, after its `|`.
    private mutating func parseFilter() throws(TemplateError) -> FilterCall {
        let line = tokens.current.line
        let name = try parseDottedName()
        let arguments = tokens.current.kind == .symbol(.leftParenthesis) ? try parseCallArguments() : CallArguments()
        guard let filter = TemplateFilters.filter(named: name) else {
            throw tokens.error("No filter named '\(name)'.", line: line)
        }
        return FilterCall(name: name, arguments: arguments, apply: SendableFunction(function: filter))
    }

    private mutating func parseTest(_ expression: Expression) throws(TemplateError) -> Expression {
        let line = try tokens.advance().line
        let isNegated = try tokens.skip(name: "not")
        let name = try parseDottedName()
        var arguments = CallArguments()
        if tokens.current.kind == .symbol(.leftParenthesis) {
            arguments = try parseCallArguments()
        } else if startsTestArgument {
            if tokens.current.isName("is") { throw tokens.error("You cannot chain multiple tests with is") }
            arguments.positional = [try parsePostfix(try parsePrimary())]
        }
        guard let test = TemplateTests.test(named: name) else {
            throw tokens.error("No test named '\(name)'.", line: line)
        }
        return .test(expression, TestCall(name: name, arguments: arguments, apply: SendableFunction(function: test)), isNegated: isNegated)
    }

    /// Whether the current token starts the one argument a test may take without parentheses: `is divisibleby 3`.
    private var startsTestArgument: Bool {
        switch tokens.current.kind {
        case .name(let name): !["else", "or", "and"].contains(name)
        case .string, .integer, .float, .symbol(.leftParenthesis), .symbol(.leftBracket), .symbol(.leftBrace): true
        default: false
        }
    }

    /// A filter's or test's name, which may have dots.
    private mutating func parseDottedName() throws(TemplateError) -> String {
        var name = try tokens.expectName()
        while try tokens.skip(.symbol(.dot)) { name += "." + (try tokens.expectName()) }
        return name
    }
}

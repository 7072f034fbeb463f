/// Reads a template's tokens into its statements, reporting syntax errors where and as Jinja2 does.
///
/// ```swift
/// let body = try Parser(source: "{% if x %}yes{% endif %}", template: "t").parse()
/// ```
///
/// Filters and tests are looked up as they are read: an unknown one is a syntax error, as
/// Jinja's `TemplateAssertionError` is.
struct Parser {
    var tokens: TokenStream
    /// The statements being read, innermost last, for messages about missing end tags.
    private var tags: [String] = []
    /// The end tags each statement being read waits for, innermost last.
    private var awaitedEndTags: [[String]] = []

    init(source: String, template: String) throws(TemplateError) {
        tokens = try TokenStream(source: source, template: template)
    }

    /// The template's statements.
    mutating func parse() throws(TemplateError) -> [Node] {
        try parseBody(until: nil)
    }

    // MARK: - Bodies

    /// Statements and text up to one of `endTags`, which is left as the current token; all of them without.
    private mutating func parseBody(until endTags: [String]?) throws(TemplateError) -> [Node] {
        if let endTags { awaitedEndTags.append(endTags) }
        defer { if endTags != nil { awaitedEndTags.removeLast() } }
        var body: [Node] = []
        while true {
            let token = tokens.current
            switch token.kind {
            case .text(let text):
                body.append(.text(text))
                try tokens.advance()
            case .variableBegin:
                try tokens.advance()
                let line = tokens.current.line
                body.append(.print(try parseTuple(), line: line))
                try tokens.expect(.variableEnd, "end of print statement")
            case .blockBegin:
                try tokens.advance()
                if let endTags, let name = tokens.current.name, endTags.contains(name) { return body }
                body += try parseStatement()
                try tokens.expect(.blockEnd, "end of statement block")
            case .end:
                return body
            default:
                throw tokens.error("unexpected '\(token.description)'")
            }
        }
    }

    /// The body of a statement whose tag has been read: up to one of `endTags`, which is left current
    /// unless `dropsEndTag` is set.
    mutating func parseStatements(until endTags: [String], dropsEndTag: Bool = true) throws(TemplateError) -> [Node] {
        _ = try tokens.skip(.symbol(.colon))
        try tokens.expect(.blockEnd, "end of statement block")
        let body = try parseBody(until: endTags)
        guard tokens.current.kind != .end else { throw endOfTemplate(awaiting: endTags) }
        if dropsEndTag { try tokens.advance() }
        return body
    }

    private mutating func parseStatement() throws(TemplateError) -> [Node] {
        let token = tokens.current
        guard let name = token.name else { throw tokens.error("tag name expected", line: token.line) }
        tags.append(name)
        defer { tags.removeLast() }
        switch name {
        case "if": return [try parseIf()]
        case "for": return [try parseFor()]
        case "set": return [try parseSet()]
        case "macro": return [try parseMacro()]
        case "call": return [try parseCallBlock()]
        case "filter": return [try parseFilterBlock()]
        case "with": return [try parseWith()]
        case "include": return [try parseInclude()]
        case "import": return [try parseImport()]
        case "from": return [try parseFromImport()]
        case "print": return try parsePrint()
        default: throw unknownTag(name, line: token.line)
        }
    }

    // MARK: - Statements

    private mutating func parseIf() throws(TemplateError) -> Node {
        var line = try tokens.advance().line
        var branches: [Node.Branch] = []
        while true {
            let test = try parseTuple(withConditional: false)
            let body = try parseStatements(until: ["elif", "else", "endif"], dropsEndTag: false)
            branches.append(Node.Branch(test: test, body: body, line: line))
            let endTag = try tokens.advance()
            if endTag.isName("elif") {
                line = tokens.current.line
                continue
            }
            let otherwise = endTag.isName("else") ? try parseStatements(until: ["endif"]) : []
            return .conditional(branches: branches, otherwise: otherwise)
        }
    }

    private mutating func parseFor() throws(TemplateError) -> Node {
        let line = try tokens.advance().line
        let target = try parseAssignTarget(endingAt: ["in"])
        try tokens.expect(name: "in")
        let iterable = try parseTuple(withConditional: false, endingAt: ["recursive"])
        let condition = try tokens.skip(name: "if") ? try parseExpression() : nil
        let isRecursive = try tokens.skip(name: "recursive")
        let body = try parseStatements(until: ["endfor", "else"], dropsEndTag: false)
        let otherwise = try tokens.advance().isName("endfor") ? [] : try parseStatements(until: ["endfor"])
        return .loop(
            Node.Loop(
                target: target, iterable: iterable, condition: condition, isRecursive: isRecursive,
                body: body, otherwise: otherwise, line: line))
    }

    private mutating func parseSet() throws(TemplateError) -> Node {
        let line = try tokens.advance().line
        let target = try parseAssignTarget(allowsNamespace: true)
        if try tokens.skip(.symbol(.assign)) {
            return .assign(target, try parseTuple(), line: line)
        }
        let filters = try parseFilters(startingInline: false)
        let body = try parseStatements(until: ["endset"])
        return .assignBlock(target, filters: filters, body: body, line: line)
    }

    private mutating func parseMacro() throws(TemplateError) -> Node {
        let line = try tokens.advance().line
        let name = try parseName()
        let (parameters, defaults) = try parseSignature()
        let body = try parseStatements(until: ["endmacro"])
        let definition = MacroDefinition(name: name, parameters: parameters, defaults: defaults, body: body, line: line)
        return .macro(try checkingCaller(of: definition))
    }

    private mutating func parseCallBlock() throws(TemplateError) -> Node {
        let line = try tokens.advance().line
        let (parameters, defaults) =
            tokens.current.kind == .symbol(.leftParenthesis) ? try parseSignature() : ([], [])
        let call = try parseExpression()
        guard case .call = call else { throw tokens.error("expected call", line: line) }
        let body = try parseStatements(until: ["endcall"])
        let caller = MacroDefinition(name: "caller", parameters: parameters, defaults: defaults, body: body, line: line)
        return .callBlock(caller: try checkingCaller(of: caller), call: call, line: line)
    }

    private mutating func parseFilterBlock() throws(TemplateError) -> Node {
        let line = try tokens.advance().line
        let filters = try parseFilters(startingInline: true)
        return .filterBlock(filters: filters, body: try parseStatements(until: ["endfilter"]), line: line)
    }

    private mutating func parseWith() throws(TemplateError) -> Node {
        let line = try tokens.advance().line
        var targets: [Target] = []
        var values: [Expression] = []
        while tokens.current.kind != .blockEnd {
            if !targets.isEmpty { try tokens.expect(.symbol(.comma), ",") }
            targets.append(try parseAssignTarget())
            try tokens.expect(.symbol(.assign), "=")
            values.append(try parseExpression())
        }
        return .with(targets: targets, values: values, body: try parseStatements(until: ["endwith"]), line: line)
    }

    private mutating func parseInclude() throws(TemplateError) -> Node {
        let line = try tokens.advance().line
        let names = try parseExpression()
        var ignoresMissing = false
        if tokens.current.isName("ignore"), try tokens.look().isName("missing") {
            try tokens.advance()
            try tokens.advance()
            ignoresMissing = true
        }
        let withContext = try parseContext() ?? true
        return .include(Node.Include(names: names, ignoresMissing: ignoresMissing, withContext: withContext, line: line))
    }

    private mutating func parseImport() throws(TemplateError) -> Node {
        let line = try tokens.advance().line
        let name = try parseExpression()
        try tokens.expect(name: "as")
        let alias = try parseName()
        let reference = Node.TemplateReference(name: name, withContext: try parseContext() ?? false)
        return .importModule(reference, as: alias, line: line)
    }

    private mutating func parseFromImport() throws(TemplateError) -> Node {
        let line = try tokens.advance().line
        let template = try parseExpression()
        try tokens.expect(name: "import")
        var names: [(name: String, alias: String)] = []
        var withContext: Bool?
        while true {
            if !names.isEmpty { try tokens.expect(.symbol(.comma), ",") }
            guard tokens.current.name != nil else {
                _ = try tokens.expectName()
                continue
            }
            withContext = try parseContext()
            if withContext != nil { break }
            let nameLine = tokens.current.line
            let name = try parseName()
            if name.hasPrefix("_") {
                throw tokens.error("names starting with an underline can not be imported", line: nameLine)
            }
            let alias = try tokens.skip(name: "as") ? try parseName() : name
            names.append((name, alias))
            withContext = try parseContext()
            if withContext != nil || tokens.current.kind != .symbol(.comma) { break }
        }
        let reference = Node.TemplateReference(name: template, withContext: withContext ?? false)
        return .importNames(reference, names: names, line: line)
    }

    private mutating func parsePrint() throws(TemplateError) -> [Node] {
        try tokens.advance()
        var nodes: [Node] = []
        while tokens.current.kind != .blockEnd {
            if !nodes.isEmpty { try tokens.expect(.symbol(.comma), ",") }
            let line = tokens.current.line
            nodes.append(.print(try parseExpression(), line: line))
        }
        return nodes
    }

    // MARK: - Parts of statements

    /// `definition`, unless its body calls a `caller` parameter without a default, which Jinja refuses.
    private func checkingCaller(of definition: MacroDefinition) throws(TemplateError) -> MacroDefinition {
        guard let index = definition.parameters.firstIndex(of: "caller"),
            index < definition.parameters.count - definition.defaults.count,
            definition.body.contains(where: { $0.usedNames.contains("caller") })
        else { return definition }
        throw tokens.error(
            #"When defining macros or call blocks the special "caller" argument must be omitted or be given a default."#,
            line: definition.line)
    }

    /// `with context` or `without context`, when that follows.
    private mutating func parseContext() throws(TemplateError) -> Bool? {
        guard let word = tokens.current.name, word == "with" || word == "without",
            try tokens.look().isName("context")
        else { return nil }
        try tokens.advance()
        try tokens.advance()
        return word == "with"
    }

    /// A macro's or call block's parameters: `(a, b=1)`.
    private mutating func parseSignature() throws(TemplateError) -> ([String], [Expression]) {
        var parameters: [String] = []
        var defaults: [Expression] = []
        try tokens.expect(.symbol(.leftParenthesis), "(")
        while tokens.current.kind != .symbol(.rightParenthesis) {
            if !parameters.isEmpty { try tokens.expect(.symbol(.comma), ",") }
            parameters.append(try parseName())
            if try tokens.skip(.symbol(.assign)) {
                defaults.append(try parseExpression())
            } else if !defaults.isEmpty {
                throw tokens.error("non-default argument follows default argument")
            }
        }
        try tokens.expect(.symbol(.rightParenthesis), ")")
        return (parameters, defaults)
    }

    /// A name to assign to; `true` and other constants can't be.
    private mutating func parseName() throws(TemplateError) -> String {
        let line = tokens.current.line
        let name = try tokens.expectName()
        if Parser.constantNames.contains(name) { throw tokens.error("can't assign to 'const'", line: line) }
        return name
    }

    /// What `set`, `for` and `with` assign to: a name, names separated by commas, or `namespace.attribute`.
    private mutating func parseAssignTarget(
        endingAt endNames: [String] = [], allowsNamespace: Bool = false
    ) throws(TemplateError) -> Target {
        var targets: [Target] = []
        var isTuple = false
        while true {
            if !targets.isEmpty { try tokens.expect(.symbol(.comma), ",") }
            if isTupleEnd(endNames) { break }
            targets.append(try parseSingleTarget(allowsNamespace: allowsNamespace))
            guard tokens.current.kind == .symbol(.comma) else { break }
            isTuple = true
        }
        if !isTuple, let target = targets.first { return target }
        guard isTuple || !targets.isEmpty else {
            throw tokens.error("Expected an expression, got '\(tokens.current.description)'")
        }
        return .tuple(targets)
    }

    private mutating func parseSingleTarget(allowsNamespace: Bool) throws(TemplateError) -> Target {
        let token = tokens.current
        if try tokens.skip(.symbol(.leftParenthesis)) {
            let target = try parseAssignTarget()
            try tokens.expect(.symbol(.rightParenthesis), ")")
            return target
        }
        guard let name = token.name, !Parser.constantNames.contains(name) else {
            _ = try parsePrimary()
            let kind = token.name != nil || Parser.isLiteral(token) ? "const" : "expression"
            throw tokens.error("can't assign to '\(kind)'", line: token.line)
        }
        try tokens.advance()
        guard allowsNamespace, try tokens.skip(.symbol(.dot)) else { return .name(name) }
        return .namespaceAttribute(name, try tokens.expectName())
    }

    /// Whether the current token ends a tuple: the end of the tag, a `)`, or one of `endNames`.
    func isTupleEnd(_ endNames: [String]) -> Bool {
        switch tokens.current.kind {
        case .variableEnd, .blockEnd, .symbol(.rightParenthesis): true
        case .name(let name): endNames.contains(name)
        default: false
        }
    }

    static let constantNames: Set<String> = ["true", "false", "True", "False", "none", "None"]

    private static func isLiteral(_ token: Token) -> Bool {
        switch token.kind {
        case .string, .integer, .float: true
        default: false
        }
    }

    // MARK: - Errors

    /// The error for the unknown tag `name`, which is the innermost of ``tags``.
    private func unknownTag(_ name: String, line: Int) -> TemplateError {
        missingEndMessage(
            opening: "Encountered unknown tag '\(name)'.", name: name, awaited: awaitedEndTags,
            openTags: tags.dropLast(), line: line)
    }

    private func endOfTemplate(awaiting endTags: [String]) -> TemplateError {
        missingEndMessage(
            opening: "Unexpected end of template.", name: nil, awaited: awaitedEndTags + [endTags],
            openTags: tags[...], line: nil)
    }

    /// Jinja's message for a tag it did not expect, or for the end of the template before an end tag.
    private func missingEndMessage(
        opening: String, name: String?, awaited: [[String]], openTags: ArraySlice<String>, line: Int?
    ) -> TemplateError {
        var message = [opening]
        if let innermost = awaited.last {
            let lookingFor = innermost.map { "'\($0)'" }.joined(separator: " or ")
            if let name, awaited.joined().contains(name) {
                message.append(
                    "You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for \(lookingFor)."
                )
            } else {
                message.append("Jinja was looking for the following tags: \(lookingFor).")
            }
        }
        if let tag = openTags.last {
            message.append("The innermost block that needs to be closed is '\(tag)'.")
        }
        return tokens.error(message.joined(separator: " "), line: line)
    }
}

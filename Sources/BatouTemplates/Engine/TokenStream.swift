/// The lexer's tokens as the parser reads them: the current one, and a look at the one after it.
struct TokenStream {
    private var lexer: Lexer
    private var lookahead: Token?
    private(set) var current: Token
    let template: String

    init(source: String, template: String) throws(TemplateError) {
        lexer = Lexer(source: source, template: template)
        current = try lexer.next()
        self.template = template
    }

    /// Moves to the next token and returns the one that was current.
    @discardableResult
    mutating func advance() throws(TemplateError) -> Token {
        let token = current
        if let lookahead {
            current = lookahead
            self.lookahead = nil
        } else if current.kind != .end {
            current = try lexer.next()
        }
        return token
    }

    /// The token after the current one.
    mutating func look() throws(TemplateError) -> Token {
        if let lookahead { return lookahead }
        let token = current.kind == .end ? current : try lexer.next()
        lookahead = token
        return token
    }

    /// Moves past the current token when it is `kind`.
    mutating func skip(_ kind: Token.Kind) throws(TemplateError) -> Bool {
        guard current.kind == kind else { return false }
        try advance()
        return true
    }

    /// Moves past the current token when it is the name `name`.
    mutating func skip(name: String) throws(TemplateError) -> Bool {
        guard current.isName(name) else { return false }
        try advance()
        return true
    }

    /// Moves past the current token, which must be `kind`.
    @discardableResult
    mutating func expect(_ kind: Token.Kind, _ description: String) throws(TemplateError) -> Token {
        guard current.kind == kind else { throw unexpected(expecting: description) }
        return try advance()
    }

    /// Moves past the current token, which must be the name `name`.
    mutating func expect(name: String) throws(TemplateError) {
        guard current.isName(name) else { throw unexpected(expecting: name) }
        try advance()
    }

    /// Moves past the current token, which must be a name, and returns the name.
    mutating func expectName() throws(TemplateError) -> String {
        guard let name = current.name else { throw unexpected(expecting: "name") }
        try advance()
        return name
    }

    /// Jinja's error for a token other than the one expected.
    func unexpected(expecting description: String) -> TemplateError {
        if current.kind == .end {
            return error("unexpected end of template, expected '\(description)'.")
        }
        return error("expected token '\(description)', got '\(current.description)'")
    }

    /// A syntax error at `line`, or at the current token.
    func error(_ message: String, line: Int? = nil) -> TemplateError {
        TemplateError(
            kind: .syntax, template: template, line: line ?? current.line,
            message: message.hasSuffix(".") ? message : message + ".")
    }
}

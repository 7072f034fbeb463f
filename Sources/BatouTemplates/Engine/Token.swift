/// One piece of a template's source, as the lexer hands it to the parser.
struct Token: Sendable {
    /// What a token is: template text, a tag's start or end, or a part of an expression.
    enum Kind: Sendable, Equatable {
        case text(String)
        case variableBegin, variableEnd
        case blockBegin, blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        case symbol(Symbol)
        case end
    }

    var kind: Kind
    /// The line, starting at 1, the token starts on.
    var line: Int

    /// The token's name, when it is one: `for`, `endif`, `x`.
    var name: String? {
        guard case .name(let name) = kind else { return nil }
        return name
    }

    /// Whether the token is the name `name`, as keywords are.
    func isName(_ name: String) -> Bool { self.name == name }

    /// How Jinja names the token in messages: `'end of print statement'`, `'x'`.
    var description: String {
        switch kind {
        case .text: "template data / text"
        case .variableBegin: "begin of print statement"
        case .variableEnd: "end of print statement"
        case .blockBegin: "begin of statement block"
        case .blockEnd: "end of statement block"
        case .name(let name): name
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .symbol(let symbol): symbol.rawValue
        case .end: "end of template"
        }
    }
}

/// The operators and punctuation of template expressions.
enum Symbol: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", divide = "/", floorDivide = "//", multiply = "*", modulo = "%", power = "**"
    case tilde = "~"
    case leftBracket = "[", rightBracket = "]", leftParenthesis = "(", rightParenthesis = ")"
    case leftBrace = "{", rightBrace = "}"
    case equal = "==", notEqual = "!=", greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
    case assign = "=", dot = ".", colon = ":", pipe = "|", comma = ",", semicolon = ";"

    /// The symbol's binary operator, for those that are one.
    var binaryOperator: BinaryOperator? { BinaryOperator(rawValue: rawValue) }
}

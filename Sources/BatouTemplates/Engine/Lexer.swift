/// Splits a template's source into tokens, one at a time, with Jinja2's rules as batou sets them up:
/// `{{ }}`, `{% %}`, `{# #}`, `{% raw %}`, line statements starting with `@@`, `-` to strip whitespace,
/// the trailing newline kept.
///
/// ```swift
/// var lexer = Lexer(source: "Hello {{ name }}!", template: "hello")
/// while case let token = try lexer.next(), token.kind != .end { … }
/// ```
struct Lexer {
    private enum State {
        case text
        case tag(end: Tag)
    }

    /// What ends the tag the lexer is in.
    private enum Tag {
        case variable, block, lineStatement
    }

    private static let lineStatementPrefix = Array("@@".utf8)

    private let bytes: [UInt8]
    private let template: String
    private var position = 0
    private var line = 1
    /// The line where the token handed out last began.
    private var lastTokenLine = 1
    private var state = State.text
    /// Brackets opened inside the current tag and not yet closed: the closing bracket each expects.
    private var brackets: [UInt8] = []
    /// Tokens found together with the one handed out last, such as the tag after some text.
    private var pending: [Token] = []

    init(source: String, template: String) {
        self.bytes = Array(Lexer.normalizingNewlines(source).utf8)
        self.template = template
    }

    /// The next token; `.end` at the end of the source, and from then on. As in Jinja2, the
    /// end is on the line where the last token began, which is where errors about it point.
    mutating func next() throws(TemplateError) -> Token {
        let token = try scan()
        lastTokenLine = token.line
        return token
    }

    private mutating func scan() throws(TemplateError) -> Token {
        while pending.isEmpty {
            switch state {
            case .text:
                guard position < bytes.count else { return Token(kind: .end, line: lastTokenLine) }
                try scanText()
            case .tag(let tag):
                guard let token = try scanTag(tag) else { return Token(kind: .end, line: lastTokenLine) }
                return token
            }
        }
        return pending.removeFirst()
    }

    // MARK: - Text

    /// Finds the next tag, queuing the text before it and the tag's beginning.
    private mutating func scanText() throws(TemplateError) {
        var index = position
        while index < bytes.count {
            if let opener = tagOpener(at: index) {
                try open(opener, at: index)
                return
            }
            index += 1
        }
        emitText(upTo: bytes.count, strip: false)
    }

    private enum Opener {
        case variable, block, comment, lineStatement(indentation: Int)
    }

    private func tagOpener(at index: Int) -> Opener? {
        if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count {
            switch bytes[index + 1] {
            case UInt8(ascii: "{"): return .variable
            case UInt8(ascii: "%"): return .block
            case UInt8(ascii: "#"): return .comment
            default: break
            }
        }
        guard index == 0 || bytes[index - 1] == UInt8(ascii: "\n") else { return nil }
        var start = index
        while start < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B].contains(bytes[start]) {
            start += 1
        }
        guard bytes[start...].starts(with: Lexer.lineStatementPrefix) else { return nil }
        return .lineStatement(indentation: start - index)
    }

    private mutating func open(_ opener: Opener, at index: Int) throws(TemplateError) {
        var afterOpener = index + 2
        if case .lineStatement(let indentation) = opener { afterOpener += indentation }
        let sign = afterOpener < bytes.count ? bytes[afterOpener] : 0
        let hasSign = sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+")
        if case .block = opener, let rawEnd = rawBlockEnd(after: afterOpener + (hasSign ? 1 : 0)) {
            emitText(upTo: index, strip: sign == UInt8(ascii: "-"))
            try scanRaw(from: rawEnd)
            return
        }
        emitText(upTo: index, strip: sign == UInt8(ascii: "-"))
        let tagLine = line
        line += newlines(in: index..<afterOpener)
        position = afterOpener + (hasSign ? 1 : 0)
        switch opener {
        case .variable:
            pending.append(Token(kind: .variableBegin, line: tagLine))
            state = .tag(end: .variable)
        case .block:
            pending.append(Token(kind: .blockBegin, line: tagLine))
            state = .tag(end: .block)
        case .lineStatement:
            pending.append(Token(kind: .blockBegin, line: tagLine))
            state = .tag(end: .lineStatement)
        case .comment:
            try skipComment()
        }
    }

    /// Queues the text from the current position to `end`, without its trailing whitespace when `strip` is set.
    private mutating func emitText(upTo end: Int, strip: Bool) {
        var last = end
        if strip {
            while last > position, Lexer.isWhitespace(bytes[last - 1]) { last -= 1 }
        }
        if last > position {
            pending.append(Token(kind: .text(String(decoding: bytes[position..<last], as: UTF8.self)), line: line))
        }
        line += newlines(in: position..<end)
        position = end
    }

    private mutating func skipComment() throws(TemplateError) {
        var index = position
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "#"),
                index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "}")
            {
                advance(to: skippingWhitespace(from: index + 3))
                return
            }
            if bytes[index] == UInt8(ascii: "#"), bytes[index + 1] == UInt8(ascii: "}") {
                advance(to: index + 2)
                return
            }
            index += 1
        }
        throw error("Missing end of comment tag")
    }

    /// Where `raw %}` ends when the block starting before `index` is `{% raw %}`.
    private func rawBlockEnd(after index: Int) -> Int? {
        let start = skippingWhitespace(from: index)
        guard bytes[start...].starts(with: Array("raw".utf8)) else { return nil }
        return blockEnd(at: skippingWhitespace(from: start + 3))
    }

    /// Where a block's `%}`, `-%}` (with the whitespace after it) or `+%}` at `index` ends.
    private func blockEnd(at index: Int) -> Int? {
        let rest = bytes[index...]
        if rest.starts(with: Array("-%}".utf8)) { return skippingWhitespace(from: index + 3) }
        if rest.starts(with: Array("+%}".utf8)) { return index + 3 }
        if rest.starts(with: Array("%}".utf8)) { return index + 2 }
        return nil
    }

    private mutating func scanRaw(from start: Int) throws(TemplateError) {
        advance(to: start)
        var index = position
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "%") {
                var afterOpener = index + 2
                let sign = afterOpener < bytes.count ? bytes[afterOpener] : 0
                if sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { afterOpener += 1 }
                let name = skippingWhitespace(from: afterOpener)
                if bytes[name...].starts(with: Array("endraw".utf8)),
                    let end = blockEnd(at: skippingWhitespace(from: name + 6))
                {
                    emitText(upTo: index, strip: sign == UInt8(ascii: "-"))
                    advance(to: end)
                    return
                }
            }
            index += 1
        }
        throw error("Missing end of raw directive")
    }

    // MARK: - Tags

    /// The next token inside a tag, or `nil` at the end of the source.
    private mutating func scanTag(_ tag: Tag) throws(TemplateError) -> Token? {
        while true {
            if brackets.isEmpty, let token = tagEnd(tag) { return token }
            guard position < bytes.count else { return nil }
            guard Lexer.isWhitespace(bytes[position]) else { break }
            advance(to: position + 1)
        }
        let start = position
        let byte = bytes[start]
        let tokenLine = line
        if let (value, end) = Lexer.float(in: bytes, at: start) {
            position = end
            return Token(kind: .float(value), line: tokenLine)
        }
        if let (value, end) = Lexer.integer(in: bytes, at: start) {
            position = end
            return Token(kind: .integer(value), line: tokenLine)
        }
        if Lexer.startsName(byte) {
            var end = start + 1
            while end < bytes.count, Lexer.continuesName(bytes[end]) { end += 1 }
            position = end
            return Token(kind: .name(String(decoding: bytes[start..<end], as: UTF8.self)), line: tokenLine)
        }
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\""), let end = stringEnd(from: start) {
            let value = try StringLiteral.unescape(bytes[(start + 1)..<(end - 1)], line: tokenLine, template: template)
            advance(to: end)
            return Token(kind: .string(value), line: tokenLine)
        }
        if let symbol = symbol(at: start) {
            try balance(symbol)
            position = start + symbol.rawValue.utf8.count
            return Token(kind: .symbol(symbol), line: tokenLine)
        }
        let character = String(decoding: bytes[start...].prefix(Lexer.utf8Length(byte)), as: UTF8.self)
        throw error("unexpected char \(Lexer.pythonRepr(character)) at \(start)")
    }

    /// The token that ends `tag` at the current position, when there is one.
    private mutating func tagEnd(_ tag: Tag) -> Token? {
        let tokenLine = line
        let end: Int?
        switch tag {
        case .variable:
            let rest = bytes[position...]
            if rest.starts(with: Array("-}}".utf8)) {
                end = skippingWhitespace(from: position + 3)
            } else {
                end = rest.starts(with: Array("}}".utf8)) ? position + 2 : nil
            }
        case .block:
            end = blockEnd(at: position)
        case .lineStatement:
            end = lineStatementEnd()
        }
        guard let end else { return nil }
        advance(to: end)
        state = .text
        return Token(kind: tag == .variable ? .variableEnd : .blockEnd, line: tokenLine)
    }

    /// Where a line statement ends: the whitespace up to the end of the source, or through the last
    /// newline in the whitespace that follows, as Jinja's `\s*(\n|$)` matches.
    private func lineStatementEnd() -> Int? {
        let whitespaceEnd = skippingWhitespace(from: position)
        if whitespaceEnd == bytes.count { return whitespaceEnd }
        guard let newline = bytes[position..<whitespaceEnd].lastIndex(of: UInt8(ascii: "\n")) else { return nil }
        return newline + 1
    }

    private func symbol(at index: Int) -> Symbol? {
        let rest = bytes[index...]
        for length in [2, 1] where rest.count >= length {
            if let symbol = Symbol(rawValue: String(decoding: rest.prefix(length), as: UTF8.self)) { return symbol }
        }
        return nil
    }

    private mutating func balance(_ symbol: Symbol) throws(TemplateError) {
        switch symbol {
        case .leftParenthesis: brackets.append(UInt8(ascii: ")"))
        case .leftBracket: brackets.append(UInt8(ascii: "]"))
        case .leftBrace: brackets.append(UInt8(ascii: "}"))
        case .rightParenthesis, .rightBracket, .rightBrace:
            guard let expected = brackets.popLast() else { throw error("unexpected '\(symbol.rawValue)'") }
            guard expected == symbol.rawValue.utf8.first else {
                throw error("unexpected '\(symbol.rawValue)', expected '\(Character(UnicodeScalar(expected)))'")
            }
        default: break
        }
    }

    /// The index after the closing quote of the string literal starting at `start`.
    private func stringEnd(from start: Int) -> Int? {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case quote: return index + 1
            default: index += 1
            }
        }
        return nil
    }

    // MARK: - Numbers

    /// A float literal such as `1.5`, `1e3` or `1_000.5` at `start`, and where it ends.
    private static func float(in bytes: [UInt8], at start: Int) -> (Double, Int)? {
        guard start == 0 || bytes[start - 1] != UInt8(ascii: ".") else { return nil }
        guard var index = digits(in: bytes, from: start) else { return nil }
        var hasFraction = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "."), let end = digits(in: bytes, from: index + 1) {
            index = end
            hasFraction = true
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            var exponent = index + 1
            if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-") {
                exponent += 1
            }
            if let end = digits(in: bytes, from: exponent) {
                index = end
                hasFraction = true
            }
        }
        guard hasFraction else { return nil }
        let text = String(decoding: bytes[start..<index].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        return Double(text).map { ($0, index) }
    }

    /// The end of a run of digits that may be separated by single underscores, as in `1_000`.
    private static func digits(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count, isDigit(bytes[index]) {
            index += 1
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "_"), isDigit(bytes[index + 1]) { index += 1 }
        }
        return index > start ? index : nil
    }

    /// An integer literal such as `42`, `0x1F`, `0o17`, `0b101` or `1_000` at `start`, and where it ends.
    private static func integer(in bytes: [UInt8], at start: Int) -> (Int, Int)? {
        guard isDigit(bytes[start]) else { return nil }
        if bytes[start] == UInt8(ascii: "0"), start + 1 < bytes.count {
            let radixes: [UInt8: Int] = [UInt8(ascii: "x"): 16, UInt8(ascii: "o"): 8, UInt8(ascii: "b"): 2]
            if let radix = radixes[bytes[start + 1] | 0x20] {
                var index = start + 2
                var text = ""
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "_"), index + 1 < bytes.count, isDigit(bytes[index + 1], radix: radix) {
                        index += 1
                        continue
                    }
                    guard isDigit(byte, radix: radix) else { break }
                    text.append(Character(UnicodeScalar(byte)))
                    index += 1
                }
                if let value = Int(text, radix: radix) { return (value, index) }
            }
        }
        if bytes[start] == UInt8(ascii: "0") {
            var index = start + 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "0") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "_"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "0") {
                    index += 2
                } else {
                    break
                }
            }
            return (0, index)
        }
        guard let end = digits(in: bytes, from: start) else { return nil }
        let text = String(decoding: bytes[start..<end].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        return Int(text).map { ($0, end) }
    }

    // MARK: - Helpers

    private mutating func advance(to end: Int) {
        line += newlines(in: position..<end)
        position = end
    }

    private func newlines(in range: Range<Int>) -> Int {
        bytes[range].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    private func skippingWhitespace(from start: Int) -> Int {
        var index = start
        while index < bytes.count, Lexer.isWhitespace(bytes[index]) { index += 1 }
        return index
    }

    private func error(_ message: String) -> TemplateError {
        TemplateError(kind: .syntax, template: template, line: line, message: message + ".")
    }

    /// The source with `\r\n` and `\r` as `\n`, as Jinja reads it.
    private static func normalizingNewlines(_ source: String) -> String {
        guard source.utf8.contains(UInt8(ascii: "\r")) else { return source }
        return source.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isDigit(_ byte: UInt8, radix: Int = 10) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0")) < radix
        case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): radix == 16
        default: false
        }
    }

    /// Whether `byte` may start a name; bytes of non-ASCII characters count as letters.
    private static func startsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte >= 0x80
    }

    private static func continuesName(_ byte: UInt8) -> Bool { startsName(byte) || isDigit(byte) }

    private static func utf8Length(_ leadingByte: UInt8) -> Int {
        switch leadingByte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// A one-character string as Python's `repr` writes it in Jinja's message: `'$'`, `"'"`.
    private static func pythonRepr(_ character: String) -> String {
        character == "'" ? "\"'\"" : "'\(character)'"
    }
}

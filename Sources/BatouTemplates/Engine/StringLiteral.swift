/// The escape sequences of template string literals, which are Python's: `'a\tb'`, `"\u00e9"`, `'\x41'`.
enum StringLiteral {
    private static let simpleEscapes: [UInt8: String] = [
        UInt8(ascii: "\\"): "\\", UInt8(ascii: "'"): "'", UInt8(ascii: "\""): "\"",
        UInt8(ascii: "a"): "\u{07}", UInt8(ascii: "b"): "\u{08}", UInt8(ascii: "f"): "\u{0C}",
        UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t", UInt8(ascii: "v"): "\u{0B}",
        UInt8(ascii: "\n"): "",
    ]
    private static let hexadecimalEscapes: [UInt8: Int] = [
        UInt8(ascii: "x"): 2, UInt8(ascii: "u"): 4, UInt8(ascii: "U"): 8,
    ]

    /// The text a literal's body between its quotes stands for. An escape Python doesn't know stays as written.
    ///
    /// - Throws: A syntax error when a `\x`, `\u` or `\U` escape is cut short.
    static func unescape(_ body: ArraySlice<UInt8>, line: Int, template: String) throws(TemplateError) -> String {
        guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
        var result = ""
        var index = body.startIndex
        var textStart = index
        while index < body.endIndex {
            guard body[index] == UInt8(ascii: "\\"), index + 1 < body.endIndex else {
                index += 1
                continue
            }
            result += String(decoding: body[textStart..<index], as: UTF8.self)
            let escape = body[index + 1]
            index += 2
            if let replacement = simpleEscapes[escape] {
                result += replacement
            } else if let length = hexadecimalEscapes[escape] {
                let digits = body[index...].prefix(length)
                guard digits.count == length, let code = UInt32(String(decoding: digits, as: UTF8.self), radix: 16),
                    let scalar = Unicode.Scalar(code)
                else {
                    let name = Character(Unicode.Scalar(escape))
                    throw TemplateError(
                        kind: .syntax, template: template, line: line,
                        message: "truncated \\\(name)\(String(repeating: "X", count: length)) escape.")
                }
                result.unicodeScalars.append(scalar)
                index += length
            } else if (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(escape) {
                var code = UInt32(escape - UInt8(ascii: "0"))
                var count = 1
                while count < 3, index < body.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(body[index]) {
                    code = code * 8 + UInt32(body[index] - UInt8(ascii: "0"))
                    index += 1
                    count += 1
                }
                result.unicodeScalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            } else {
                result += "\\"
                index -= 1
            }
            textStart = index
        }
        return result + String(decoding: body[textStart..<body.endIndex], as: UTF8.self)
    }
}

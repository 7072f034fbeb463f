/// HTML escaping as MarkupSafe does it, for `escape`, `tojson`, `xmlattr` and markup's operators.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities.
    ///
    /// ```swift
    /// HTML.escape("<a href='x'>")   // "&lt;a href=&#39;x&#39;&gt;"
    /// ```
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&#34;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` with HTML character references replaced by the characters they stand for:
    /// numeric ones (`&#39;`, `&#x27;`) and the named ones templates meet.
    ///
    /// ```swift
    /// HTML.unescape("Main &raquo; &lt;About&gt;")   // "Main » <About>"
    /// ```
    static func unescape(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";"),
                let character = character(named: rest[rest.index(after: ampersand)..<semicolon])
            else {
                result.append("&")
                rest = rest.dropFirst()
                continue
            }
            result.append(character)
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static let namedCharacters: [Substring: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "raquo": "»", "laquo": "«",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "euro": "€",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "middot": "·",
        "deg": "°", "times": "×", "bull": "•",
    ]

    /// The character an entity's name (between `&` and `;`) stands for.
    private static func character(named name: Substring) -> Character? {
        guard name.first == "#" else { return namedCharacters[name] }
        let number = name.dropFirst()
        let code = number.first == "x" || number.first == "X" ? UInt32(number.dropFirst(), radix: 16) : UInt32(number)
        return code.flatMap(Unicode.Scalar.init).map(Character.init)
    }
}

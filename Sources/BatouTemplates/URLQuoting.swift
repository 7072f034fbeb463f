/// Percent-encoding as Jinja2's `urlencode` does it, with Python's `urllib.parse.quote`.
enum URLQuoting {
    /// `text` as UTF-8 with every byte but letters, digits and `_.-~` percent-encoded; `/` is
    /// kept in a path, and in a query a space becomes `+`.
    ///
    /// ```swift
    /// URLQuoting.quote("a b/c", forQuery: false)   // "a%20b/c"
    /// URLQuoting.quote("a b/c", forQuery: true)    // "a+b%2Fc"
    /// ```
    static func quote(_ text: String, forQuery: Bool) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where !forQuery:
                result += "/"
            case UInt8(ascii: " ") where forQuery:
                result += "+"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }
}

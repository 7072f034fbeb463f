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
}

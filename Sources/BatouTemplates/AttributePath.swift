/// The path of a filter's `attribute` argument, as Jinja2's `make_attrgetter` follows it:
/// `"address.city"` looks up `address`, then `city`; `"0"` is the index 0.
///
/// ```swift
/// let city = try AttributePath("address.city").value(in: user)
/// ```
struct AttributePath {
    private var keys: [TemplateValue]

    /// The path an `attribute` argument names: a string of dotted parts, an integer index, or
    /// for `None`, the value itself.
    init(_ attribute: TemplateValue) {
        guard let path = attribute.stringContent else {
            keys = attribute.isNone ? [] : [attribute]
            return
        }
        keys = path.split(separator: ".", omittingEmptySubsequences: false).map { part in
            if !part.isEmpty, part.unicodeScalars.allSatisfy(PythonString.isDigit), let index = Int(part) {
                return .integer(index)
            }
            return .string(String(part))
        }
    }

    /// Paths for each comma-separated part of `attribute`, as `sort` takes them: `"last,first"`.
    static func paths(_ attribute: TemplateValue) -> [AttributePath] {
        guard let list = attribute.stringContent else { return [AttributePath(attribute)] }
        return list.split(separator: ",", omittingEmptySubsequences: false).map { AttributePath(.string(String($0))) }
    }

    /// The value at the end of the path, starting from `value`; `fallback` replaces any
    /// undefined step when given.
    func value(in value: TemplateValue, fallback: TemplateValue? = nil) throws(TemplateFailure) -> TemplateValue {
        var current = value
        for key in keys {
            current = try current.item(key)
            if let fallback, case .undefined = current {
                current = fallback
            }
        }
        return current
    }
}

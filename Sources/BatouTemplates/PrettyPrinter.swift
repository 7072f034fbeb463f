/// Values laid out as Python's `pprint.pformat` does it for Jinja2's `pprint`: the repr with
/// dictionaries sorted by key, broken over lines where it is wider than 80 columns.
///
/// ```swift
/// PrettyPrinter().format(["b": 1, "a": 2])   // "{'a': 2, 'b': 1}"
/// ```
struct PrettyPrinter {
    var width = 80

    func format(_ value: TemplateValue) -> String {
        var output = ""
        format(value, to: &output, indent: 0, allowance: 0)
        return output
    }

    // MARK: - Helpers

    private func format(_ value: TemplateValue, to output: inout String, indent: Int, allowance: Int) {
        let repr = Self.repr(value)
        guard repr.unicodeScalars.count > width - indent - allowance else {
            output += repr
            return
        }
        switch value {
        case .list(let elements):
            output += "["
            formatItems(elements, to: &output, indent: indent, allowance: allowance + 1)
            output += "]"
        case .tuple(let elements):
            let end = elements.count == 1 ? ",)" : ")"
            output += "("
            formatItems(elements, to: &output, indent: indent, allowance: allowance + end.count)
            output += end
        case .dictionary(let dictionary) where !dictionary.isEmpty:
            output += "{"
            let entries = Self.sorted(dictionary)
            let inner = indent + 1
            for (offset, entry) in entries.enumerated() {
                let isLast = offset == entries.count - 1
                let key = Self.repr(entry.key)
                output += key + ": "
                format(entry.value, to: &output, indent: inner + key.unicodeScalars.count + 2, allowance: isLast ? allowance + 1 : 1)
                if !isLast {
                    output += ",\n" + String(repeating: " ", count: inner)
                }
            }
            output += "}"
        default:
            output += repr
        }
    }

    private func formatItems(_ elements: [TemplateValue], to output: inout String, indent: Int, allowance: Int) {
        let inner = indent + 1
        for (offset, element) in elements.enumerated() {
            if offset > 0 {
                output += ",\n" + String(repeating: " ", count: inner)
            }
            format(element, to: &output, indent: inner, allowance: offset == elements.count - 1 ? allowance : 1)
        }
    }

    /// The repr with dictionaries, nested too, sorted by key.
    private static func repr(_ value: TemplateValue) -> String {
        switch value {
        case .list(let elements):
            "[" + elements.map(repr).joined(separator: ", ") + "]"
        case .tuple(let elements) where elements.count == 1:
            "(\(repr(elements[0])),)"
        case .tuple(let elements):
            "(" + elements.map(repr).joined(separator: ", ") + ")"
        case .dictionary(let dictionary):
            "{" + sorted(dictionary).map { "\(repr($0.key)): \(repr($0.value))" }.joined(separator: ", ") + "}"
        default:
            value.repr
        }
    }

    /// The entries by key, as pprint's `_safe_key`: keys Python can't order go by type name.
    private static func sorted(_ dictionary: TemplateDictionary) -> [(key: TemplateValue, value: TemplateValue)] {
        dictionary.entries.stablySorted { a, b in
            (try? a.key.isLess(than: b.key)) ?? (a.key.typeName < b.key.typeName)
        }
    }
}

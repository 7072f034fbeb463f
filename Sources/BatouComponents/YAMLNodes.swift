import BatouTemplates
import Yams

/// Converts between template values and YAML nodes as PyYAML's safe loader and dumper do.
enum YAMLNodes {
    /// The node PyYAML's `safe_dump` writes for `value`.
    static func node(for value: TemplateValue) throws(TemplateFailure) -> Node {
        switch value {
        case .none: return scalar("null", .null)
        case .boolean(let value): return scalar(value ? "true" : "false", .bool)
        case .integer(let value): return scalar(String(value), .int)
        case .float(let value): return scalar(floatText(value), .float)
        case .string(let text), .markup(let text):
            // A string that YAML would read back as another type is quoted.
            return .scalar(.init(text, Tag(.str), resolvesToString(text) ? .any : .singleQuoted))
        case .list(let items), .tuple(let items):
            return .sequence(.init(try items.map { item throws(TemplateFailure) in try node(for: item) }))
        case .dictionary(let dictionary):
            return .mapping(
                .init(
                    try dictionary.sortedEntries().map { entry throws(TemplateFailure) in
                        (try node(for: entry.key), try node(for: entry.value))
                    }))
        case .undefined(let message):
            throw TemplateFailure(.undefined, message)
        case .object, .callable:
            throw TemplateFailure(.type, "cannot represent an object of type \(value.typeName)")
        }
    }

    /// The value that PyYAML's safe loader reads from `node`.
    static func value(of node: Node) throws -> TemplateValue {
        switch node {
        case .scalar(let scalar):
            switch node.tag {
            case Tag(.null): return .none
            case Tag(.bool): return node.bool.map(TemplateValue.boolean) ?? .string(scalar.string)
            case Tag(.int): return node.int.map(TemplateValue.integer) ?? .string(scalar.string)
            case Tag(.float): return node.float.map(TemplateValue.float) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .list(try sequence.map(value(of:)))
        case .mapping(let mapping):
            var dictionary = TemplateDictionary()
            for (key, item) in mapping { dictionary[try value(of: key)] = try value(of: item) }
            return .dictionary(dictionary)
        case .alias:
            return .none
        }
    }

    private static func scalar(_ text: String, _ tag: Tag.Name) -> Node {
        .scalar(.init(text, Tag(tag)))
    }

    /// A float as PyYAML writes it: Python's repr in lower case, always with a fraction.
    private static func floatText(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        let text = TemplateValue.float(value).repr.lowercased()
        guard !text.contains("."), let exponent = text.firstIndex(of: "e") else { return text }
        return text[..<exponent] + ".0" + text[exponent...]
    }

    /// Whether YAML 1.1's implicit types, which PyYAML resolves, read `text` as a string.
    private static func resolvesToString(_ text: String) -> Bool {
        let implicitTypes = [
            /yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF/,
            /[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+/,
            /[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)/,
            /~|null|Null|NULL|<<|=|/,
            /[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?/,
        ]
        return !implicitTypes.contains { text.wholeMatch(of: $0) != nil }
    }
}

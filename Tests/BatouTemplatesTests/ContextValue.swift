import BatouTemplates

/// A variable of a corpus case, as `render-with-jinja2.py` writes it: an object whose one
/// key names the type, so that `1` and `1.0` stay apart (Foundation's JSON reader on Linux
/// cannot tell them apart).
///
/// ```json
/// {"integer": 1}  {"float": "1.0"}  {"list": [{"none": null}]}  {"dictionary": [["port", {"integer": 80}]]}
/// ```
///
/// Floats arrive as Python's `repr`, the shortest text that reads back as the same `Double`.
enum ContextValue: Sendable, Equatable, Decodable {
    case none
    case boolean(Bool)
    case integer(Int)
    case float(Double)
    case string(String)
    case list([ContextValue])
    case dictionary([Entry])

    /// One key and value of a dictionary, written as the pair `["key", value]`.
    struct Entry: Sendable, Equatable, Decodable {
        var key: String
        var value: ContextValue

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            key = try pair.decode(String.self)
            value = try pair.decode(ContextValue.self)
            guard pair.isAtEnd else {
                throw DecodingError.dataCorruptedError(in: pair, debugDescription: "A dictionary entry is a pair.")
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case none, boolean, integer, float, string, list, dictionary
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let type = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "A value has exactly one key, its type."))
        }
        switch type {
        case .none: self = .none
        case .boolean: self = .boolean(try container.decode(Bool.self, forKey: type))
        case .integer: self = .integer(try container.decode(Int.self, forKey: type))
        case .float:
            let text = try container.decode(String.self, forKey: type)
            guard let number = Double(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: type, in: container, debugDescription: "'\(text)' is not a float.")
            }
            self = .float(number)
        case .string: self = .string(try container.decode(String.self, forKey: type))
        case .list: self = .list(try container.decode([ContextValue].self, forKey: type))
        case .dictionary: self = .dictionary(try container.decode([Entry].self, forKey: type))
        }
    }

    /// The value as templates see it.
    var templateValue: TemplateValue {
        switch self {
        case .none: .none
        case .boolean(let value): .boolean(value)
        case .integer(let value): .integer(value)
        case .float(let value): .float(value)
        case .string(let value): .string(value)
        case .list(let items): .list(items.map(\.templateValue))
        case .dictionary(let entries):
            .dictionary(TemplateDictionary(entries: entries.map { (key: .string($0.key), value: $0.value.templateValue) }))
        }
    }
}

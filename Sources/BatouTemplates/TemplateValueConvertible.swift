/// A Swift type whose values templates can read.
///
/// ```swift
/// struct Backend: TemplateValueConvertible {
///     var address: String
///     var weight: Int
///     var templateValue: TemplateValue { ["address": .string(address), "weight": .integer(weight)] }
/// }
/// ```
///
/// Strings, numbers, booleans, optionals, arrays and string-keyed dictionaries of such
/// values are convertible already; other values reach templates through reflection
/// (see ``TemplateValue/init(reflecting:)``).
public protocol TemplateValueConvertible {
    /// The value as a template sees it.
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateValueConvertible {
    public var templateValue: TemplateValue { self }
}

extension String: TemplateValueConvertible {
    public var templateValue: TemplateValue { .string(self) }
}

extension Substring: TemplateValueConvertible {
    public var templateValue: TemplateValue { .string(String(self)) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue { .integer(self) }
}

extension Double: TemplateValueConvertible {
    public var templateValue: TemplateValue { .float(self) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue { .boolean(self) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    /// The wrapped value, or `None`.
    public var templateValue: TemplateValue { map(\.templateValue) ?? .none }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    public var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension Dictionary: TemplateValueConvertible where Key == String, Value: TemplateValueConvertible {
    /// A dictionary with the keys in sorted order, since Swift's dictionaries have none of their own.
    public var templateValue: TemplateValue {
        .dictionary(TemplateDictionary(entries: sorted { $0.key < $1.key }.map { (.string($0.key), $0.value.templateValue) }))
    }
}

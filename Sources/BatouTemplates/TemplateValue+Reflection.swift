extension TemplateValue {
    /// `value` as a template sees it: its own ``TemplateValueConvertible`` conversion if it has
    /// one, else an object whose attributes are its stored properties, else its description.
    ///
    /// ```swift
    /// struct Database { var host: String; var port: Int }
    /// TemplateValue(reflecting: Database(host: "db1", port: 5432))   // {{ db.host }}:{{ db.port }}
    /// ```
    public init(reflecting value: Any) {
        if let convertible = value as? any TemplateValueConvertible {
            self = convertible.templateValue
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            self = mirror.children.first.map { TemplateValue(reflecting: $0.value) } ?? .none
        case .collection, .set:
            self = .list(mirror.children.map { TemplateValue(reflecting: $0.value) })
        case .tuple:
            self = .tuple(mirror.children.map { TemplateValue(reflecting: $0.value) })
        case .dictionary:
            self = .dictionary(TemplateDictionary(entries: mirror.children.map(Self.dictionaryEntry)))
        case .struct where !mirror.children.isEmpty, .class where !mirror.children.isEmpty:
            self = .object(ReflectedObject(value, mirror: mirror))
        default:
            self = .string(String(describing: value))
        }
    }

    /// The key and value of one element of a reflected dictionary, a `(key, value)` pair.
    private static func dictionaryEntry(_ child: Mirror.Child) -> (key: TemplateValue, value: TemplateValue) {
        let pair = Array(Mirror(reflecting: child.value).children)
        guard pair.count == 2 else { return (.string(String(describing: child.value)), .none) }
        return (TemplateValue(reflecting: pair[0].value), TemplateValue(reflecting: pair[1].value))
    }
}

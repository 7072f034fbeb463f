public import BatouTemplates

extension PythonLiteral: TemplateValueConvertible {
    /// The literal as the same Python value in a template.
    public var templateValue: TemplateValue {
        switch self {
        case .string(let value): .string(value)
        case .integer(let value): .integer(value)
        case .float(let value): .float(value)
        case .boolean(let value): .boolean(value)
        case .none: .none
        case .list(let items): .list(items.map(\.templateValue))
        case .dictionary(let entries):
            .dictionary(TemplateDictionary(entries: entries.map { ($0.key.templateValue, $0.value.templateValue) }))
        }
    }
}

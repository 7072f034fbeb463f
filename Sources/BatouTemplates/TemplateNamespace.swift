/// What `namespace()` makes: attributes that templates can set from inside loops and blocks,
/// `{% set ns.found = true %}`.
///
/// ```swift
/// let namespace = TemplateNamespace(values: ["found": false])
/// namespace.values["found"] = true
/// ```
public final class TemplateNamespace: TemplateObject {
    /// The attributes, in the order they were first set.
    public var values: TemplateDictionary

    public init(values: TemplateDictionary = TemplateDictionary()) {
        self.values = values
    }

    public func attribute(_ name: String) -> TemplateValue? {
        values[.string(name)]
    }

    /// `<Namespace {'found': True}>`, as Jinja2 prints it.
    public var text: String { "<Namespace \(TemplateValue.dictionary(values).repr)>" }
}

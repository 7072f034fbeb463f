/// A template imported with `{% import "macros.j2" as macros %}`: its macros and top-level variables.
final class TemplateModule: TemplateObject {
    /// The imported template's name.
    let name: String
    /// The macros and variables the template defined at its top level, except those starting with `_`.
    let exports: [String: TemplateValue]
    /// What the template rendered.
    let text: String

    init(name: String, exports: [String: TemplateValue], text: String) {
        self.name = name
        self.exports = exports
        self.text = text
    }

    func attribute(_ name: String) -> TemplateValue? { exports[name] }
}

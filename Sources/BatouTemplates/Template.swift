/// A compiled template, ready to render with variables.
///
/// ```swift
/// let template = try TemplateEnvironment().template(source: "port = {{ port }}\n", name: "web.conf")
/// let text = try template.render(["port": 8080])   // "port = 8080\n"
/// ```
public struct Template: Sendable {
    /// The template's name, which error messages start with.
    public let name: String
    private let compiled: CompiledTemplate
    private let environment: TemplateEnvironment

    init(compiled: CompiledTemplate, environment: TemplateEnvironment) {
        self.name = compiled.name
        self.compiled = compiled
        self.environment = environment
    }

    /// The text the template renders with `variables`, byte for byte as Jinja2 renders it.
    ///
    /// - Throws: A ``TemplateError`` naming the template and line where rendering failed, such as
    ///   `web.conf:3: 'port' is undefined.`
    public func render(_ variables: [String: TemplateValue]) throws(TemplateError) -> String {
        let renderer = Renderer(template: name, environment: environment)
        try renderer.render(compiled.body, in: Scope(variables, parent: Scope.globals()).child())
        return renderer.output
    }
}

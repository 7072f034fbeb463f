/// A template's statements, compiled once and rendered any number of times.
struct CompiledTemplate: Sendable {
    var name: String
    var body: [Node]

    /// Compiles `source`; errors name the template `name`.
    init(source: String, name: String) throws(TemplateError) {
        var parser = try Parser(source: source, template: name)
        self.name = name
        self.body = try parser.parse()
    }
}

import BatouTemplates

/// Templates kept in memory by name, for tests of `include` and `import`.
struct MemoryLoader: TemplateLoader {
    var sources: [String: String]

    func source(named name: String) -> String? { sources[name] }
}

/// Renders `source` with `variables` in an environment whose loader has `templates`.
func render(
    _ source: String, _ variables: [String: TemplateValue] = [:], templates: [String: String] = [:]
) throws(TemplateError) -> String {
    let environment = TemplateEnvironment(loader: MemoryLoader(sources: templates))
    return try environment.template(source: source, name: "test.conf").render(variables)
}

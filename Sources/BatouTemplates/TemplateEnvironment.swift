import Synchronization

/// Compiles templates and keeps them, set up as batou sets up Jinja2: line statements start with `@@`,
/// the trailing newline is kept, undefined values are errors, nothing is escaped.
///
/// ```swift
/// let environment = TemplateEnvironment(loader: DirectoryTemplateLoader(directory: "components/web"))
/// let text = try environment.template(named: "web.conf").render(["port": 8080])
/// ```
///
/// Each template is compiled once: by name, and by name and source for ``template(source:name:)``.
/// An environment may be shared between threads.
public final class TemplateEnvironment: Sendable {
    private struct SourceKey: Hashable {
        var name: String
        var source: String
    }

    private let loader: (any TemplateLoader)?
    private let templatesByName = Mutex<[String: CompiledTemplate]>([:])
    private let templatesBySource = Mutex<[SourceKey: CompiledTemplate]>([:])

    /// An environment whose `include`, `import` and ``template(named:)`` find templates with `loader`.
    public init(loader: (any TemplateLoader)? = nil) {
        self.loader = loader
    }

    /// The template the loader has under `name`.
    ///
    /// - Throws: A ``TemplateError`` of kind `.notFound` when there is no such template, of kind
    ///   `.syntax` when it is not valid.
    public func template(named name: String) throws(TemplateError) -> Template {
        guard let compiled = try compiled(named: name) else {
            throw TemplateError(kind: .notFound, template: name, line: 1, message: "Template '\(name)' not found.")
        }
        return Template(compiled: compiled, environment: self)
    }

    /// The template with the text `source`, called `name` in messages.
    ///
    /// ```swift
    /// let greeting = try environment.template(source: "Hello {{ name }}!", name: "greeting")
    /// ```
    ///
    /// - Throws: A ``TemplateError`` of kind `.syntax` when `source` is not a valid template.
    public func template(source: String, name: String) throws(TemplateError) -> Template {
        let key = SourceKey(name: name, source: source)
        if let compiled = templatesBySource.withLock({ $0[key] }) {
            return Template(compiled: compiled, environment: self)
        }
        let compiled = try CompiledTemplate(source: source, name: name)
        templatesBySource.withLock { $0[key] = compiled }
        return Template(compiled: compiled, environment: self)
    }

    /// The compiled template the loader has under `name`, or `nil` when there is none.
    func compiled(named name: String) throws(TemplateError) -> CompiledTemplate? {
        if let compiled = templatesByName.withLock({ $0[name] }) { return compiled }
        guard let source = loader?.source(named: name) else { return nil }
        let compiled = try CompiledTemplate(source: source, name: name)
        templatesByName.withLock { $0[name] = compiled }
        return compiled
    }
}

/// Finds the source of templates by name, for `template(named:)`, `include` and `import`.
///
/// ```swift
/// struct MemoryLoader: TemplateLoader {
///     var sources: [String: String]
///     func source(named name: String) -> String? { sources[name] }
/// }
/// ```
public protocol TemplateLoader: Sendable {
    /// The text of the template called `name`, or `nil` when there is none.
    func source(named name: String) -> String?
}

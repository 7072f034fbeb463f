/// What `joiner(sep)` makes: a function that gives nothing when first called and the
/// separator after that, for joining parts a loop may skip.
///
/// ```
/// {% set comma = joiner(", ") %}
/// {% for host in hosts if host.enabled %}{{ comma() }}{{ host.name }}{% endfor %}
/// ```
final class TemplateJoiner {
    private let separator: String
    private var isUsed = false

    init(separator: String) {
        self.separator = separator
    }

    /// The joiner as templates call it.
    var callable: TemplateCallable {
        TemplateCallable(name: "joiner") { [self] arguments in
            _ = try BoundArguments(arguments, to: [], of: "joiner")
            defer { isUsed = true }
            return .string(isUsed ? separator : "")
        }
    }
}

/// What `cycler(…)` makes: its values one after the other, starting over after the last.
///
/// ```
/// {% set row = cycler("odd", "even") %}
/// {% for host in hosts %}<tr class="{{ row.next() }}">…{% endfor %}
/// ```
///
/// Its attributes are `next()`, `reset()`, `current` and `items`.
final class TemplateCycler: TemplateObject {
    private let items: [TemplateValue]
    private var position = 0

    /// A cycler through `items`, which must not be empty.
    init(_ items: [TemplateValue]) {
        precondition(!items.isEmpty, "A cycler needs at least one item.")
        self.items = items
    }

    func attribute(_ name: String) -> TemplateValue? {
        switch name {
        case "current":
            current
        case "items":
            .list(items)
        case "next":
            .callable(TemplateCallable(name: "next") { [self] arguments in
                _ = try BoundArguments(arguments, to: [], of: "next")
                return advance()
            })
        case "reset":
            .callable(TemplateCallable(name: "reset") { [self] arguments in
                _ = try BoundArguments(arguments, to: [], of: "reset")
                position = 0
                return .none
            })
        default:
            nil
        }
    }

    var text: String { "<Cycler \(TemplateValue.list(items).repr)>" }

    // MARK: - Helpers

    private var current: TemplateValue { items[position] }

    private func advance() -> TemplateValue {
        defer { position = (position + 1) % items.count }
        return current
    }
}

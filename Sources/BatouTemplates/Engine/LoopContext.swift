/// The `loop` variable inside a `for` loop: where the loop is, and helpers for the current item.
///
/// ```
/// {% for host in hosts %}{{ loop.index }}/{{ loop.length }}: {{ host }}{{ loop.cycle(",", ";") }}{% endfor %}
/// ```
final class LoopContext: TemplateObject {
    private let items: [TemplateValue]
    /// The position of the current item, starting at 0.
    var index = 0
    /// How deep a recursive loop is, starting at 1.
    let depth: Int
    /// Renders the loop again over other items, one level deeper: `loop(item.children)` in a recursive loop.
    let recurse: TemplateCallable?
    /// What `loop.changed` was last called with.
    private var lastChangedValues: [TemplateValue]?

    init(items: [TemplateValue], depth: Int, recurse: TemplateCallable?) {
        self.items = items
        self.depth = depth
        self.recurse = recurse
    }

    func attribute(_ name: String) -> TemplateValue? {
        switch name {
        case "index0": .integer(index)
        case "index": .integer(index + 1)
        case "revindex0": .integer(items.count - index - 1)
        case "revindex": .integer(items.count - index)
        case "first": .boolean(index == 0)
        case "last": .boolean(index == items.count - 1)
        case "length": .integer(items.count)
        case "depth0": .integer(depth - 1)
        case "depth": .integer(depth)
        case "previtem": index > 0 ? items[index - 1] : .undefined("there is no previous item")
        case "nextitem": index + 1 < items.count ? items[index + 1] : .undefined("there is no next item")
        case "cycle": .callable(TemplateCallable(name: "cycle") { arguments in try self.cycle(arguments) })
        case "changed": .callable(TemplateCallable(name: "changed") { arguments in self.changed(arguments) })
        default: nil
        }
    }

    var text: String { "<LoopContext \(index + 1)/\(items.count)>" }

    /// The argument at the current index, counting round: `loop.cycle("odd", "even")`.
    private func cycle(_ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        guard !arguments.positional.isEmpty else { throw TemplateFailure(.type, "no items for cycling given") }
        return arguments.positional[index % arguments.positional.count]
    }

    /// Whether the arguments differ from those of the previous call: `loop.changed(entry.category)`.
    private func changed(_ arguments: TemplateArguments) -> TemplateValue {
        let values = arguments.positional
        if let last = lastChangedValues, last.count == values.count,
            zip(last, values).allSatisfy({ $0.isEqual(to: $1) })
        {
            return .boolean(false)
        }
        lastChangedValues = values
        return .boolean(true)
    }
}

/// The functions every template can call, as Jinja2 provides them: `range`, `dict`,
/// `cycler`, `joiner` and `namespace`.
///
/// ```swift
/// var variables = TemplateGlobals.all
/// variables["hosts"] = ["web1", "web2"]
/// ```
///
/// `lipsum`, which writes random text, is not provided.
public enum TemplateGlobals {
    /// The globals by name; each access gives fresh ones.
    public static var all: [String: TemplateValue] {
        [
            "range": .callable(TemplateCallable(name: "range", call: range)),
            "dict": .callable(TemplateCallable(name: "dict", call: dictionary)),
            "cycler": .callable(TemplateCallable(name: "cycler") { arguments in
                guard arguments.keyword.isEmpty else {
                    throw TemplateFailure(.type, "cycler() takes no keyword arguments")
                }
                guard !arguments.positional.isEmpty else {
                    throw TemplateFailure(.runtime, "at least one item has to be provided")
                }
                return .object(TemplateCycler(arguments.positional))
            }),
            "joiner": .callable(TemplateCallable(name: "joiner") { arguments in
                let separator = try BoundArguments(arguments, to: ["sep"], of: "joiner").string("sep", default: ", ")
                return .callable(TemplateJoiner(separator: separator).callable)
            }),
            "namespace": .callable(TemplateCallable(name: "namespace") { arguments in
                .object(TemplateNamespace(values: try dictionary(arguments).dictionaryContent))
            }),
        ]
    }

    /// The most numbers `range` makes, as Jinja2's sandbox allows.
    static let maximumRange = 100_000

    /// `range(stop)`, `range(start, stop)`, `range(start, stop, step)`: a list of integers.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` for wrong arguments, `.value` for a step
    ///   of zero or a range of more than 100,000 numbers.
    static func range(_ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        guard arguments.keyword.isEmpty else {
            throw TemplateFailure(.type, "range() takes no keyword arguments")
        }
        var bounds: [Int] = []
        for argument in arguments.positional {
            try argument.requireDefined()
            guard case .integer(let bound)? = argument.number else {
                throw TemplateFailure(.type, "'\(argument.typeName)' object cannot be interpreted as an integer")
            }
            bounds.append(bound)
        }
        let (start, stop, step): (Int, Int, Int)
        switch bounds.count {
        case 1: (start, stop, step) = (0, bounds[0], 1)
        case 2: (start, stop, step) = (bounds[0], bounds[1], 1)
        case 3: (start, stop, step) = (bounds[0], bounds[1], bounds[2])
        case 0: throw TemplateFailure(.type, "range expected at least 1 argument, got 0")
        default: throw TemplateFailure(.type, "range expected at most 3 arguments, got \(bounds.count)")
        }
        guard step != 0 else {
            throw TemplateFailure(.value, "range() arg 3 must not be zero")
        }
        let numbers = stride(from: start, to: stop, by: step)
        guard numbers.underestimatedCount <= maximumRange else {
            throw TemplateFailure(.value, "A range can have at most \(maximumRange) numbers.")
        }
        return .list(numbers.map(TemplateValue.integer))
    }

    /// `dict(mapping_or_pairs, **keywords)`: a dictionary of a dictionary or a list of pairs,
    /// and keyword arguments.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` for more than one positional argument or
    ///   one that is no dictionary or list of pairs.
    static func dictionary(_ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        guard arguments.positional.count <= 1 else {
            throw TemplateFailure(.type, "dict expected at most 1 argument, got \(arguments.positional.count)")
        }
        var dictionary = TemplateDictionary()
        switch arguments.positional.first {
        case .dictionary(let given)?:
            dictionary = given
        case let given?:
            for (index, pair) in try given.elements().enumerated() {
                let parts = try pair.elements()
                guard parts.count == 2 else {
                    throw TemplateFailure(
                        .value,
                        "dictionary update sequence element #\(index) has length \(parts.count); 2 is required"
                    )
                }
                dictionary[parts[0]] = parts[1]
            }
        case nil:
            break
        }
        for (name, value) in arguments.keyword {
            dictionary[.string(name)] = value
        }
        return .dictionary(dictionary)
    }
}

extension TemplateValue {
    /// The entries of a dictionary; none for any other value.
    var dictionaryContent: TemplateDictionary {
        if case .dictionary(let dictionary) = self { return dictionary }
        return TemplateDictionary()
    }
}

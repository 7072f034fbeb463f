extension TemplateFilters {
    static func length(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "length")
        switch value {
        case .string(let string), .markup(let string):
            return .integer(string.unicodeScalars.count)
        case .list(let elements), .tuple(let elements):
            return .integer(elements.count)
        case .dictionary(let dictionary):
            return .integer(dictionary.count)
        case .object(let object) where object.elements != nil:
            return .integer(object.elements?.count ?? 0)
        default:
            try value.requireDefined()
            throw TemplateFailure(.type, "object of type '\(value.typeName)' has no len()")
        }
    }

    static func first(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "first")
        return try value.elements().first ?? .undefined("No first item, sequence was empty.")
    }

    static func last(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "last")
        return try value.elements().last ?? .undefined("No last item, sequence was empty.")
    }

    static func list(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "list")
        return .list(try value.elements())
    }

    static func reverse(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "reverse")
        switch value {
        case .string(let string):
            return .string(String(String.UnicodeScalarView(string.unicodeScalars.reversed())))
        case .markup(let string):
            return .markup(String(String.UnicodeScalarView(string.unicodeScalars.reversed())))
        default:
            return .list(try value.elements().reversed())
        }
    }

    /// The `(key, value)` pairs of a dictionary; nothing for an undefined value.
    static func items(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        _ = try bind(arguments, [], of: "items")
        switch value {
        case .undefined:
            return []
        case .dictionary(let dictionary):
            return .list(dictionary.entries.map { .tuple([$0.key, $0.value]) })
        default:
            throw TemplateFailure(.type, "Can only get item pairs from a mapping.")
        }
    }

    static func join(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["d", "attribute"], of: "join")
        let separator = try (bound["d"] ?? "").text()
        var elements = try value.elements()
        if let attribute = bound["attribute"], !attribute.isNone {
            elements = try values(of: elements, at: AttributePath(attribute))
        }
        var parts: [String] = []
        for element in elements {
            parts.append(try element.text())
        }
        return .string(parts.joined(separator: separator))
    }

    /// The value of `attribute`, as Python's `getattr`: no fallback to items.
    static func attribute(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let name = try bind(arguments, ["name"], of: "attr", required: 1).string("name", default: "")
        try value.requireDefined()
        if case .object(let object) = value {
            return object.attribute(name) ?? value.missing(.string(name))
        }
        return value.method(named: name).map(TemplateValue.callable) ?? value.missing(.string(name))
    }

    /// The value, or `default_value` when it is undefined (or with `boolean`, false).
    static func defaulting(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["default_value", "boolean"], of: "default")
        if case .undefined = value {
            return bound["default_value"] ?? ""
        }
        if try bound.boolean("boolean", default: false), !(try value.isTruthy()) {
            return bound["default_value"] ?? ""
        }
        return value
    }

    // MARK: - Chunks

    /// The elements in lists of `linecount`, the last filled up with `fill_with` when given.
    static func batch(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["linecount", "fill_with"], of: "batch", required: 1)
        let size = try bound.integer("linecount", default: 1)
        guard size > 0 else { throw TemplateFailure(.value, "The batch size must be at least 1, not \(size).") }
        let elements = try value.elements()
        var batches = stride(from: 0, to: elements.count, by: size).map { Array(elements[$0..<Swift.min($0 + size, elements.count)]) }
        if let fill = bound["fill_with"], !fill.isNone, let last = batches.last, last.count < size {
            batches[batches.count - 1] += Array(repeating: fill, count: size - last.count)
        }
        return .list(batches.map(TemplateValue.list))
    }

    /// The elements in `slices` lists of nearly equal length, the shorter ones filled up
    /// with `fill_with` when given.
    static func slice(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["slices", "fill_with"], of: "slice", required: 1)
        let slices = try bound.integer("slices", default: 1)
        guard slices > 0 else { throw TemplateFailure(.zeroDivision, "integer division or modulo by zero") }
        let elements = try value.elements()
        let perSlice = elements.count / slices
        let withExtra = elements.count % slices
        let fill = bound["fill_with"].flatMap { $0.isNone ? nil : $0 }
        var offset = 0
        var result: [TemplateValue] = []
        for number in 0..<slices {
            let start = offset + number * perSlice
            if number < withExtra {
                offset += 1
            }
            var part = Array(elements[start..<(offset + (number + 1) * perSlice)])
            if let fill, number >= withExtra {
                part.append(fill)
            }
            result.append(.list(part))
        }
        return .list(result)
    }

    // MARK: - Order

    /// The elements sorted, case-insensitively unless `case_sensitive`, by `attribute` when
    /// given (dotted paths, comma-separated for several keys).
    static func sort(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["reverse", "case_sensitive", "attribute"], of: "sort")
        let caseSensitive = try bound.boolean("case_sensitive", default: false)
        let paths = bound["attribute"].flatMap { $0.isNone ? nil : AttributePath.paths($0) } ?? [AttributePath(.none)]
        let elements = try value.elements()
        var keyed: [(key: TemplateValue, element: TemplateValue)] = []
        for element in elements {
            var keys: [TemplateValue] = []
            for path in paths {
                keys.append(try path.value(in: element).folded(unless: caseSensitive))
            }
            keyed.append((.list(keys), element))
        }
        return .list(try sorted(keyed, reverse: try bound.boolean("reverse", default: false)).map(\.element))
    }

    /// The `(key, value)` pairs of a dictionary sorted by key, or with `by="value"` by value.
    static func dictsort(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["case_sensitive", "by", "reverse"], of: "dictsort")
        let caseSensitive = try bound.boolean("case_sensitive", default: false)
        let position: Int
        switch try bound.string("by", default: "key") {
        case "key": position = 0
        case "value": position = 1
        default: throw argumentError("You can only sort by either \"key\" or \"value\"")
        }
        guard case .dictionary(let dictionary) = value else {
            try value.requireDefined()
            throw TemplateFailure(.type, "'\(value.typeName)' object has no attribute 'items'")
        }
        let keyed = dictionary.entries.map { entry in
            (key: (position == 0 ? entry.key : entry.value).folded(unless: caseSensitive), element: TemplateValue.tuple([entry.key, entry.value]))
        }
        return .list(try sorted(keyed, reverse: try bound.boolean("reverse", default: false)).map(\.element))
    }

    /// The elements without repeats, compared case-insensitively unless `case_sensitive`, by
    /// `attribute` when given.
    static func unique(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["case_sensitive", "attribute"], of: "unique")
        let caseSensitive = try bound.boolean("case_sensitive", default: false)
        let path = AttributePath(bound["attribute"] ?? .none)
        var seen = TemplateDictionary()
        var result: [TemplateValue] = []
        for element in try value.elements() {
            let key = try path.value(in: element).folded(unless: caseSensitive)
            if seen[key] == nil {
                seen[key] = true
                result.append(element)
            }
        }
        return .list(result)
    }

    static func minimum(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        try extreme(of: value, arguments, filter: "min") { candidate, best throws(TemplateFailure) in
            try candidate.isLess(than: best)
        }
    }

    static func maximum(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        try extreme(of: value, arguments, filter: "max") { candidate, best throws(TemplateFailure) in
            try best.isLess(than: candidate)
        }
    }

    /// The elements grouped by `attribute`, groups sorted by it; each group a `(grouper, list)`
    /// tuple whose parts are also the attributes `grouper` and `list`.
    static func groupBy(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["attribute", "default", "case_sensitive"], of: "groupby", required: 1)
        let path = AttributePath(bound["attribute"] ?? .none)
        let fallback = bound["default"].flatMap { $0.isNone ? nil : $0 }
        let caseSensitive = try bound.boolean("case_sensitive", default: false)
        var keyed: [(key: TemplateValue, element: TemplateValue)] = []
        for element in try value.elements() {
            keyed.append((try path.value(in: element, fallback: fallback).folded(unless: caseSensitive), element))
        }
        var groups: [TemplateValue] = []
        var current: (key: TemplateValue, elements: [TemplateValue])?
        func closeGroup() throws(TemplateFailure) {
            guard let current, let first = current.elements.first else { return }
            let grouper = caseSensitive ? current.key : try path.value(in: first, fallback: fallback)
            groups.append(.object(TemplateGroup(grouper: grouper, list: current.elements)))
        }
        for (key, element) in try sorted(keyed, reverse: false) {
            if let group = current, group.key.isEqual(to: key) {
                current?.elements.append(element)
            } else {
                try closeGroup()
                current = (key, [element])
            }
        }
        try closeGroup()
        return .list(groups)
    }

    // MARK: - Aggregates

    /// The sum of the elements, or of their `attribute`, added to `start`.
    static func sum(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["attribute", "start"], of: "sum")
        var elements = try value.elements()
        if let attribute = bound["attribute"], !attribute.isNone {
            elements = try values(of: elements, at: AttributePath(attribute))
        }
        var total = bound["start"] ?? 0
        for element in elements {
            total = try total.applying(.add, element)
        }
        return total
    }

    // MARK: - Helpers

    /// The value at `path` in each element.
    static func values(of elements: [TemplateValue], at path: AttributePath, fallback: TemplateValue? = nil) throws(TemplateFailure) -> [TemplateValue] {
        var values: [TemplateValue] = []
        for element in elements {
            values.append(try path.value(in: element, fallback: fallback))
        }
        return values
    }

    /// Elements in the order of their keys, as Python's `sorted(…, key=…, reverse=…)`:
    /// stable either way.
    private static func sorted(
        _ keyed: [(key: TemplateValue, element: TemplateValue)],
        reverse: Bool
    ) throws(TemplateFailure) -> [(key: TemplateValue, element: TemplateValue)] {
        try keyed.stablySorted { a, b throws(TemplateFailure) in
            reverse ? try b.key.isLess(than: a.key) : try a.key.isLess(than: b.key)
        }
    }

    /// The first element that `isBetter` prefers over all before it, as Python's `min` and `max`.
    private static func extreme(
        of value: TemplateValue,
        _ arguments: TemplateArguments,
        filter: String,
        isBetter: (TemplateValue, TemplateValue) throws(TemplateFailure) -> Bool
    ) throws(TemplateFailure) -> TemplateValue {
        let bound = try bind(arguments, ["case_sensitive", "attribute"], of: filter)
        let caseSensitive = try bound.boolean("case_sensitive", default: false)
        let path = AttributePath(bound["attribute"] ?? .none)
        var best: (key: TemplateValue, element: TemplateValue)?
        for element in try value.elements() {
            let key = try path.value(in: element).folded(unless: caseSensitive)
            if let current = best, !(try isBetter(key, current.key)) {
                continue
            }
            best = (key, element)
        }
        return best?.element ?? .undefined("No aggregated item, sequence was empty.")
    }
}

extension TemplateValue {
    /// Whether the value is `None`.
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// A string in lower case for comparing without case, as Jinja2's `ignore_case`, unless
    /// `caseSensitive`; any other value as it is.
    func folded(unless caseSensitive: Bool) -> TemplateValue {
        guard !caseSensitive, let string = stringContent else { return self }
        return .string(string.lowercased())
    }
}

extension TemplateFilters {
    /// Each element through a filter, `map("upper")`, `map("default", "x")`, or each
    /// element's attribute, `map(attribute="name", default="?")`.
    static func map(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        guard try value.isTruthy() else { return [] }
        let elements = try value.elements()
        if arguments.positional.isEmpty, arguments.keyword.contains(where: { $0.name == "attribute" }) {
            let bound = try bind(arguments, ["attribute", "default"], of: "map")
            let fallback = bound["default"].flatMap { $0.isNone ? nil : $0 }
            return .list(try values(of: elements, at: AttributePath(bound["attribute"] ?? .none), fallback: fallback))
        }
        guard let name = arguments.positional.first else {
            throw argumentError("map requires a filter argument")
        }
        let filterName = try name.text()
        guard let filter = filter(named: filterName) else {
            throw TemplateFailure(.runtime, "No filter named \(TemplateValue.repr(of: filterName)).")
        }
        let filterArguments = TemplateArguments(positional: Array(arguments.positional.dropFirst()), keyword: arguments.keyword)
        var results: [TemplateValue] = []
        for element in elements {
            results.append(try filter(element, filterArguments))
        }
        return .list(results)
    }

    /// The elements that pass a test, `select("odd")`, or that are true.
    static func select(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        try selecting(value, arguments, byAttribute: false, keeping: true)
    }

    /// The elements that fail a test, `reject("none")`, or that are false.
    static func reject(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        try selecting(value, arguments, byAttribute: false, keeping: false)
    }

    /// The elements whose attribute passes a test, `selectattr("port", "gt", 1024)`, or is true.
    static func selectAttribute(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        try selecting(value, arguments, byAttribute: true, keeping: true)
    }

    /// The elements whose attribute fails a test, or is false.
    static func rejectAttribute(_ value: TemplateValue, _ arguments: TemplateArguments) throws(TemplateFailure) -> TemplateValue {
        try selecting(value, arguments, byAttribute: true, keeping: false)
    }

    // MARK: - Helpers

    private static func selecting(
        _ value: TemplateValue,
        _ arguments: TemplateArguments,
        byAttribute: Bool,
        keeping: Bool
    ) throws(TemplateFailure) -> TemplateValue {
        guard try value.isTruthy() else { return [] }
        var positional = arguments.positional[...]
        var path: AttributePath?
        if byAttribute {
            guard let attribute = positional.popFirst() else {
                throw argumentError("Missing parameter for attribute name")
            }
            path = AttributePath(attribute)
        }
        var test: TemplateTest?
        if let name = positional.popFirst() {
            let testName = try name.text()
            guard let found = TemplateTests.test(named: testName) else {
                throw TemplateFailure(.runtime, "No test named \(TemplateValue.repr(of: testName)).")
            }
            test = found
        }
        let testArguments = TemplateArguments(positional: Array(positional), keyword: arguments.keyword)
        var selected: [TemplateValue] = []
        for element in try value.elements() {
            var subject = element
            if let path {
                subject = try path.value(in: element)
            }
            let passes = if let test { try test(subject, testArguments) } else { try subject.isTruthy() }
            if passes == keeping {
                selected.append(element)
            }
        }
        return .list(selected)
    }
}

extension TemplateValue {
    /// `value.name` as Jinja2 looks it up: a Python attribute first (a method such as
    /// `items` or `upper`, an object's attribute), then the item with that name.
    ///
    /// ```swift
    /// try TemplateValue(dictionaryLiteral: ("port", 80)).attribute("port")   // 80
    /// ```
    ///
    /// What is missing is an undefined value that says so: `'dict object' has no attribute 'x'`.
    /// - Throws: ``TemplateFailure`` of kind `.undefined` when the value itself is undefined.
    public func attribute(_ name: String) throws(TemplateFailure) -> TemplateValue {
        try requireDefined()
        if case .object(let object) = self {
            return object.attribute(name) ?? missing(.string(name))
        }
        if let method = method(named: name) {
            return .callable(method)
        }
        if case .dictionary(let dictionary) = self, let value = dictionary[.string(name)] {
            return value
        }
        return numberAttribute(name) ?? missing(.string(name))
    }

    /// The `real` and `imag` parts every Python number has (`groupby('real')` works on numbers).
    private func numberAttribute(_ name: String) -> TemplateValue? {
        switch (self, name) {
        case (.integer, "real"), (.float, "real"): self
        case (.boolean(let value), "real"): .integer(value ? 1 : 0)
        case (.integer, "imag"), (.boolean, "imag"): .integer(0)
        case (.float, "imag"): .float(0)
        default: nil
        }
    }

    /// `value[key]` as Jinja2 looks it up: the item first (a dictionary's key, an element of a
    /// list, tuple or string by index, negative from the end), then the attribute named `key`.
    ///
    /// ```swift
    /// try TemplateValue.list(["a", "b"]).item(-1)   // "b"
    /// ```
    ///
    /// What is missing is an undefined value that says so: `list object has no element 5`.
    /// - Throws: ``TemplateFailure`` of kind `.undefined` when the value or the key is undefined.
    public func item(_ key: TemplateValue) throws(TemplateFailure) -> TemplateValue {
        try requireDefined()
        try key.requireDefined()
        switch self {
        case .dictionary(let dictionary):
            if let value = dictionary[key] {
                return value
            }
        case .list(let elements), .tuple(let elements):
            if let index = Self.index(key, count: elements.count) {
                return elements[index]
            }
        case .object(let object):
            if let elements = object.elements, let index = Self.index(key, count: elements.count) {
                return elements[index]
            }
        case .string(let string), .markup(let string):
            let scalars = Array(string.unicodeScalars)
            if let index = Self.index(key, count: scalars.count) {
                return .string(String(scalars[index]))
            }
        default:
            break
        }
        if case .string(let name) = key {
            return try attribute(name)
        }
        return missing(key)
    }

    /// `value[start:stop:step]` with Python's slice semantics on lists, tuples and strings;
    /// each bound may be `.none`.
    ///
    /// ```swift
    /// try TemplateValue.string("abc").slice(start: .none, stop: .none, step: -1)   // "cba"
    /// ```
    /// - Throws: ``TemplateFailure`` of kind `.type` for bounds that aren't integers or a value
    ///   that can't be sliced, `.value` for a step of zero.
    public func slice(start: TemplateValue, stop: TemplateValue, step: TemplateValue) throws(TemplateFailure) -> TemplateValue {
        try requireDefined()
        switch self {
        case .list(let elements):
            return .list(try Self.slice(elements, start, stop, step))
        case .tuple(let elements):
            return .tuple(try Self.slice(elements, start, stop, step))
        case .string(let string):
            return .string(String(String.UnicodeScalarView(try Self.slice(Array(string.unicodeScalars), start, stop, step))))
        case .markup(let string):
            return .markup(String(String.UnicodeScalarView(try Self.slice(Array(string.unicodeScalars), start, stop, step))))
        default:
            throw TemplateFailure(.type, "'\(typeName)' object is not subscriptable")
        }
    }

    // MARK: - Helpers

    /// The undefined value of a missing attribute or item, in Jinja2's words.
    func missing(_ key: TemplateValue) -> TemplateValue {
        let owner = if case .none = self { "None" } else { "\(pythonTypePath) object" }
        if case .string(let name) = key {
            return .undefined("\(Self.repr(of: owner)) has no attribute \(Self.repr(of: name))")
        }
        return .undefined("\(owner) has no element \(key.repr)")
    }

    /// The type's name with its module, as Jinja2's messages show it: `dict`, `markupsafe.Markup`.
    private var pythonTypePath: String {
        if case .markup = self { return "markupsafe.Markup" }
        return typeName
    }

    /// The position `key` names in a collection of `count` elements, or `nil` when it is no
    /// integer or out of range.
    private static func index(_ key: TemplateValue, count: Int) -> Int? {
        guard case .integer(let index)? = key.number else { return nil }
        let position = index < 0 ? index + count : index
        return (0..<count).contains(position) ? position : nil
    }

    private static func slice<Element>(
        _ elements: [Element],
        _ start: TemplateValue,
        _ stop: TemplateValue,
        _ step: TemplateValue
    ) throws(TemplateFailure) -> [Element] {
        let step = try sliceIndex(step) ?? 1
        guard step != 0 else {
            throw TemplateFailure(.value, "slice step cannot be zero")
        }
        let count = elements.count
        func clamp(_ bound: Int?, default defaultValue: Int) -> Int {
            guard let bound else { return defaultValue }
            let position = bound < 0 ? bound + count : bound
            return step > 0 ? min(max(position, 0), count) : min(max(position, -1), count - 1)
        }
        let first = clamp(try sliceIndex(start), default: step > 0 ? 0 : count - 1)
        let end = clamp(try sliceIndex(stop), default: step > 0 ? count : -1)
        return stride(from: first, to: end, by: step).map { elements[$0] }
    }

    private static func sliceIndex(_ bound: TemplateValue) throws(TemplateFailure) -> Int? {
        try bound.requireDefined()
        if case .none = bound { return nil }
        guard case .integer(let index)? = bound.number else {
            throw TemplateFailure(.type, "slice indices must be integers or None or have an __index__ method")
        }
        return index
    }
}

extension TemplateValue {
    /// Whether the value counts as true in `{% if %}`, as Python's `bool()` decides: empty
    /// strings, collections, zero and `None` are false.
    ///
    /// ```swift
    /// try TemplateValue.list([]).isTruthy()   // false
    /// ```
    /// - Throws: ``TemplateFailure`` of kind `.undefined` for an undefined value.
    public func isTruthy() throws(TemplateFailure) -> Bool {
        switch self {
        case .undefined(let message):
            throw TemplateFailure(.undefined, message)
        case .none:
            false
        case .boolean(let boolean):
            boolean
        case .integer(let integer):
            integer != 0
        case .float(let float):
            float != 0
        case .string(let string), .markup(let string):
            !string.isEmpty
        case .list(let elements), .tuple(let elements):
            !elements.isEmpty
        case .dictionary(let dictionary):
            !dictionary.isEmpty
        case .object, .callable:
            true
        }
    }

    /// What `{% for %}` goes through: the elements of a list or tuple, the keys of a
    /// dictionary, the characters of a string.
    ///
    /// ```swift
    /// try TemplateValue.string("ab").elements()   // ["a", "b"]
    /// ```
    /// - Throws: ``TemplateFailure`` of kind `.undefined` for an undefined value, `.type` for a
    ///   value that is not iterable.
    public func elements() throws(TemplateFailure) -> [TemplateValue] {
        switch self {
        case .undefined(let message):
            throw TemplateFailure(.undefined, message)
        case .list(let elements), .tuple(let elements):
            elements
        case .dictionary(let dictionary):
            dictionary.keys
        case .string(let string), .markup(let string):
            string.unicodeScalars.map { .string(String($0)) }
        case .object(let object) where object.elements != nil:
            object.elements ?? []
        default:
            throw TemplateFailure(.type, "'\(typeName)' object is not iterable")
        }
    }

    /// Throws the failure of an undefined value; does nothing for any other.
    func requireDefined() throws(TemplateFailure) {
        if case .undefined(let message) = self {
            throw TemplateFailure(.undefined, message)
        }
    }
}

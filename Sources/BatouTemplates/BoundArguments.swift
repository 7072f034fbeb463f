/// The arguments of a call matched to the parameters of a Python signature, by position or
/// by keyword, as Python binds `def indent(s, width=4, first=False, blank=False)`.
///
/// ```swift
/// let bound = try BoundArguments(arguments, to: ["width", "first", "blank"], of: "indent")
/// let width = try bound.integer("width", default: 4)
/// ```
struct BoundArguments {
    /// The function's name, for messages.
    let function: String
    private var values: [String: TemplateValue] = [:]

    /// Binds `arguments` to `parameters`, of which the first `required` must be given.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` for too many arguments, an unknown keyword,
    ///   a parameter given twice or a required one missing, in Python's words.
    init(
        _ arguments: TemplateArguments,
        to parameters: [String],
        of function: String,
        required: Int = 0
    ) throws(TemplateFailure) {
        self.function = function
        guard arguments.positional.count <= parameters.count else {
            throw TemplateFailure(
                .type,
                "\(function)() takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s") "
                    + "(\(arguments.positional.count) given)"
            )
        }
        for (name, value) in zip(parameters, arguments.positional) {
            values[name] = value
        }
        for (name, value) in arguments.keyword {
            guard parameters.contains(name) else {
                throw TemplateFailure(.type, "\(function)() got an unexpected keyword argument '\(name)'")
            }
            guard values[name] == nil else {
                throw TemplateFailure(.type, "\(function)() got multiple values for argument '\(name)'")
            }
            values[name] = value
        }
        if let missing = parameters.prefix(required).first(where: { values[$0] == nil }) {
            throw TemplateFailure(.type, "\(function)() missing required argument '\(missing)'")
        }
    }

    // MARK: - Values

    /// The argument for `name`, or `nil` when it wasn't given.
    subscript(name: String) -> TemplateValue? { values[name] }

    /// The argument for `name` as an integer (a boolean counts), or `defaultValue`.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` for an argument that is no integer.
    func integer(_ name: String, default defaultValue: Int) throws(TemplateFailure) -> Int {
        try integer(name) ?? defaultValue
    }

    /// The argument for `name` as an integer (a boolean counts); `nil` when it wasn't given or is `None`.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` for an argument that is no integer.
    func integer(_ name: String) throws(TemplateFailure) -> Int? {
        guard let value = values[name] else { return nil }
        try value.requireDefined()
        if case .none = value { return nil }
        guard case .integer(let integer)? = value.number else {
            throw TemplateFailure(.type, "'\(value.typeName)' object cannot be interpreted as an integer")
        }
        return integer
    }

    /// Whether the argument for `name` is true, or `defaultValue`.
    func boolean(_ name: String, default defaultValue: Bool) throws(TemplateFailure) -> Bool {
        try values[name]?.isTruthy() ?? defaultValue
    }

    /// The argument for `name` as a string, or `defaultValue`.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` for an argument that is no string.
    func string(_ name: String, default defaultValue: String) throws(TemplateFailure) -> String {
        try string(name) ?? defaultValue
    }

    /// The argument for `name` as a string; `nil` when it wasn't given or is `None`.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` for an argument that is no string.
    func string(_ name: String) throws(TemplateFailure) -> String? {
        guard let value = values[name] else { return nil }
        try value.requireDefined()
        if case .none = value { return nil }
        guard let string = value.stringContent else {
            throw TemplateFailure(.type, "\(function)() argument '\(name)' must be str, not \(value.typeName)")
        }
        return string
    }
}

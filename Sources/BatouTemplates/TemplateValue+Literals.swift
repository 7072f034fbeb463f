extension TemplateValue: ExpressibleByStringLiteral {
    /// A string: `let name: TemplateValue = "web1"`.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// An integer: `let port: TemplateValue = 8080`.
    public init(integerLiteral value: Int) {
        self = .integer(value)
    }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    /// A float: `let ratio: TemplateValue = 0.5`.
    public init(floatLiteral value: Double) {
        self = .float(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// A boolean: `let tls: TemplateValue = true`.
    public init(booleanLiteral value: Bool) {
        self = .boolean(value)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// A list: `let ports: TemplateValue = [8080, 8081]`.
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// A dictionary in the order written: `let limits: TemplateValue = ["cpu": 2, "memory": "1G"]`.
    public init(dictionaryLiteral elements: (TemplateValue, TemplateValue)...) {
        self = .dictionary(TemplateDictionary(entries: elements.map { (key: $0.0, value: $0.1) }))
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    /// Python's `None`: `let proxy: TemplateValue = nil`.
    public init(nilLiteral: ()) {
        self = .none
    }
}

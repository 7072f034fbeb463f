extension TemplateValue {
    /// Whether the values are equal under Python's `==`: `1 == 1.0 == True`, a string equals
    /// the same markup, a list never equals a tuple, dictionaries compare regardless of order.
    ///
    /// ```swift
    /// TemplateValue.integer(1).isEqual(to: .float(1.0))   // true
    /// ```
    public func isEqual(to other: TemplateValue) -> Bool {
        if let left = number, let right = other.number {
            return left == right
        }
        switch (self, other) {
        case (.none, .none):
            return true
        case let (.list(left), .list(right)), let (.tuple(left), .tuple(right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.isEqual(to: $1) }
        case let (.dictionary(left), .dictionary(right)):
            return left.count == right.count
                && left.entries.allSatisfy { entry in right[entry.key].map { $0.isEqual(to: entry.value) } ?? false }
        case let (.object(left), .object(right)):
            return left === right
        default:
            if let left = stringContent, let right = other.stringContent {
                return left == right
            }
            return false
        }
    }

    /// The result of an ordering comparison (`<`, `<=`, `>`, `>=`) as Python decides it:
    /// numbers by value, strings by character, lists and tuples element by element.
    func compare(_ operation: BinaryOperator, _ other: TemplateValue) throws(TemplateFailure) -> Bool {
        guard let order = try order(comparedTo: other, for: operation) else {
            return false
        }
        switch operation {
        case .less: return order == .less
        case .lessOrEqual: return order != .greater
        case .greater: return order == .greater
        default: return order != .less
        }
    }

    /// Whether `self` sorts before `other` under Python's `<`.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` when Python can't order the two.
    func isLess(than other: TemplateValue) throws(TemplateFailure) -> Bool {
        try order(comparedTo: other, for: .less) == .less
    }

    // MARK: - Helpers

    enum Order { case less, equal, greater }

    /// How `self` orders against `other`, or `nil` when they are unordered (NaN).
    private func order(comparedTo other: TemplateValue, for operation: BinaryOperator) throws(TemplateFailure) -> Order? {
        if let left = number, let right = other.number {
            return left.order(comparedTo: right)
        }
        if let left = stringContent, let right = other.stringContent {
            return left < right ? .less : (left == right ? .equal : .greater)
        }
        switch (self, other) {
        case let (.list(left), .list(right)), let (.tuple(left), .tuple(right)):
            for (leftElement, rightElement) in zip(left, right) where !leftElement.isEqual(to: rightElement) {
                return try leftElement.order(comparedTo: rightElement, for: operation)
            }
            return left.count < right.count ? .less : (left.count == right.count ? .equal : .greater)
        default:
            try requireDefined()
            try other.requireDefined()
            throw TemplateFailure(
                .type,
                "'\(operation.rawValue)' not supported between instances of '\(typeName)' and '\(other.typeName)'"
            )
        }
    }
}

// MARK: - Numbers and strings

extension TemplateValue {
    /// A number as Python computes with it; booleans count as the integers 0 and 1.
    enum Number: Equatable {
        case integer(Int)
        case float(Double)

        var double: Double {
            switch self {
            case .integer(let integer): Double(integer)
            case .float(let float): float
            }
        }

        var value: TemplateValue {
            switch self {
            case .integer(let integer): .integer(integer)
            case .float(let float): .float(float)
            }
        }

        static func == (left: Number, right: Number) -> Bool {
            left.order(comparedTo: right) == .equal
        }

        /// The order of two numbers, exact between integers and floats as in Python.
        func order(comparedTo other: Number) -> Order? {
            switch (self, other) {
            case let (.integer(left), .integer(right)):
                return left < right ? .less : (left == right ? .equal : .greater)
            case let (.integer(left), .float(right)):
                return Number.float(right).order(comparedTo: .integer(left)).map(\.reversed)
            case let (.float(left), .integer(right)):
                guard !left.isNaN else { return nil }
                if let exact = Int(exactly: left.rounded(.down)) {
                    if exact != right { return exact < right ? .less : .greater }
                    return left == left.rounded(.down) ? .equal : .greater
                }
                return left < 0 ? .less : .greater
            case let (.float(left), .float(right)):
                guard !left.isNaN && !right.isNaN else { return nil }
                return left < right ? .less : (left == right ? .equal : .greater)
            }
        }
    }

    /// The value as a number, when it is a boolean, an integer or a float.
    var number: Number? {
        switch self {
        case .boolean(let boolean): .integer(boolean ? 1 : 0)
        case .integer(let integer): .integer(integer)
        case .float(let float): .float(float)
        default: nil
        }
    }

    /// The text of a string or markup.
    var stringContent: String? {
        switch self {
        case .string(let string), .markup(let string): string
        default: nil
        }
    }
}

extension TemplateValue.Order {
    var reversed: Self {
        switch self {
        case .less: .greater
        case .equal: .equal
        case .greater: .less
        }
    }
}

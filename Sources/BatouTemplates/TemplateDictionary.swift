/// A dictionary that keeps its entries in the order they were added, as Python's does.
///
/// ```swift
/// var notes: TemplateDictionary = ["host1/page-042.conf": "v1"]
/// notes["host2/page-007.conf"] = "v2"
/// ```
///
/// Keys compare with Python's equality, so `1`, `1.0` and `True` are the same key: the
/// first spelling added stays, the last value set wins.
public struct TemplateDictionary {
    /// The entries in insertion order; keys are unique under Python's equality.
    public private(set) var entries: [(key: TemplateValue, value: TemplateValue)]
    /// Where each hashable key's entry is; keys Python can't hash (lists, dictionaries) are
    /// looked for one by one.
    private var positions: [HashKey: Int]

    /// An empty dictionary.
    public init() {
        entries = []
        positions = [:]
    }

    /// A dictionary of `entries` in order; a later entry with an equal key replaces the value
    /// of the earlier one, as in a Python dict literal.
    public init(entries: some Sequence<(key: TemplateValue, value: TemplateValue)>) {
        self.init()
        for (key, value) in entries {
            self[key] = value
        }
    }

    // MARK: - Access

    /// The value for `key`, or `nil` when there is none. Setting `nil` removes the entry.
    public subscript(key: TemplateValue) -> TemplateValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            switch (position(of: key), newValue) {
            case let (position?, value?):
                entries[position].value = value
            case let (position?, nil):
                entries.remove(at: position)
                reindex()
            case let (nil, value?):
                if let hashable = HashKey(key) {
                    positions[hashable] = entries.count
                }
                entries.append((key, value))
            case (nil, nil):
                break
            }
        }
    }

    /// The keys in insertion order.
    public var keys: [TemplateValue] { entries.map(\.key) }

    /// The values in insertion order.
    public var values: [TemplateValue] { entries.map(\.value) }

    /// The entries in the order of their keys, as Python's `sorted(d.items())` gives them.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.type` when keys of different types cannot be
    ///   compared, as Python's `'<' not supported between instances of 'int' and 'str'`.
    public func sortedEntries() throws(TemplateFailure) -> [(key: TemplateValue, value: TemplateValue)] {
        try entries.stablySorted { a, b throws(TemplateFailure) in try a.key.isLess(than: b.key) }
    }

    /// The number of entries.
    public var count: Int { entries.count }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    // MARK: - Helpers

    private func position(of key: TemplateValue) -> Int? {
        if let hashable = HashKey(key) {
            return positions[hashable]
        }
        return entries.firstIndex { $0.key.isEqual(to: key) }
    }

    private mutating func reindex() {
        positions = [:]
        for (position, entry) in entries.enumerated() {
            if let hashable = HashKey(entry.key) {
                positions[hashable] = position
            }
        }
    }
}

extension TemplateDictionary {
    /// A key as Python hashes it: equal values under Python's `==` give equal keys.
    private enum HashKey: Hashable {
        case none
        case integer(Int)
        case float(Double)
        case string(String)
        case tuple([HashKey])
        case object(ObjectIdentifier)

        /// The key of `value`, or `nil` when Python couldn't hash it.
        init?(_ value: TemplateValue) {
            switch value {
            case .none:
                self = .none
            case .boolean(let boolean):
                self = .integer(boolean ? 1 : 0)
            case .integer(let integer):
                self = .integer(integer)
            case .float(let float):
                if let integer = Int(exactly: float) {
                    self = .integer(integer)
                } else {
                    self = .float(float)
                }
            case .string(let string), .markup(let string):
                self = .string(string)
            case .tuple(let elements):
                var keys: [HashKey] = []
                for element in elements {
                    guard let key = HashKey(element) else { return nil }
                    keys.append(key)
                }
                self = .tuple(keys)
            case .object(let object):
                self = .object(ObjectIdentifier(object))
            case .undefined, .list, .dictionary, .callable:
                return nil
            }
        }
    }
}

extension TemplateDictionary: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (TemplateValue, TemplateValue)...) {
        self.init(entries: elements.map { (key: $0.0, value: $0.1) })
    }
}

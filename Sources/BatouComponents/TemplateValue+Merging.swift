public import BatouTemplates

extension TemplateValue {
    /// This value with `override` merged in, as batou's `dict_merge` does: dictionaries
    /// key by key and recursively, lists one after the other, any other value replaced.
    ///
    /// ```swift
    /// let merged = (["a": [1], "b": ["c": 1]] as TemplateValue).merging(["a": [2], "b": ["d": 2]])
    /// // {'a': [1, 2], 'b': {'c': 1, 'd': 2}}
    /// ```
    public func merging(_ override: TemplateValue) -> TemplateValue {
        switch (self, override) {
        case (.dictionary(var base), .dictionary(let changes)):
            for (key, value) in changes.entries {
                base[key] = base[key].map { $0.merging(value) } ?? value
            }
            return .dictionary(base)
        case (.list(let base), .list(let more)):
            return .list(base + more)
        default:
            return override
        }
    }
}

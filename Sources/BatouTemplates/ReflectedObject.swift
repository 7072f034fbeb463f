/// A Swift value without a template conversion of its own, whose stored properties
/// templates read as attributes.
///
/// A property wrapper's value is read under the property's name (`@Attribute var port`
/// as `port`), and a snake-case name finds its camel-case property (`listen_port` finds
/// `listenPort`), so templates written for Python batou keep working.
public final class ReflectedObject: TemplateObject {
    private let value: Any
    private let properties: [String: Any]

    /// An object for `value`, whose properties `mirror` reflects.
    public init(_ value: Any, mirror: Mirror) {
        self.value = value
        var properties: [String: Any] = [:]
        var current: Mirror? = mirror
        while let level = current {
            for child in level.children {
                guard let (name, value) = Self.property(child), properties[name] == nil else { continue }
                properties[name] = value
            }
            current = level.superclassMirror
        }
        self.properties = properties
    }

    public func attribute(_ name: String) -> TemplateValue? {
        (properties[name] ?? properties[Self.camelCase(name)]).map { TemplateValue(reflecting: $0) }
    }

    public var text: String { String(describing: value) }

    /// The name and value of a stored property; a property wrapper's storage (`_port`)
    /// gives the wrapped value under the property's name.
    private static func property(_ child: Mirror.Child) -> (String, Any)? {
        guard let label = child.label else { return nil }
        guard label.hasPrefix("_"),
            let wrapped = Mirror(reflecting: child.value).children.first(where: { $0.label == "wrappedValue" })
        else { return (label, child.value) }
        return (String(label.dropFirst()), wrapped.value)
    }

    /// `listen_port` as `listenPort`.
    static func camelCase(_ name: String) -> String {
        let words = name.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = words.first, words.count > 1 else { return name }
        return String(first) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

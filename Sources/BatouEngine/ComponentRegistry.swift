import BatouModel

/// The root components a deployment knows, by their lower-case type names.
///
/// ```swift
/// let registry = try ComponentRegistry([Hello.self, Nginx.self])
/// registry.names  // ["hello", "nginx"]
/// ```
public struct ComponentRegistry {
    private var types: [String: Component.Type] = [:]

    /// A registry of `types`; throws when two types share a lower-case name.
    public init(_ types: [Component.Type]) throws(DuplicateComponentName) {
        for type in types {
            let name = Self.name(of: type)
            if let existing = self.types[name], existing != type {
                throw DuplicateComponentName(name: name)
            }
            self.types[name] = type
        }
    }

    /// The name an environment uses for `type`: its type name in lower case.
    public static func name(of type: Component.Type) -> String {
        String(describing: type).lowercased()
    }

    /// Every known name, sorted.
    public var names: [String] { types.keys.sorted() }

    /// A new instance of the component called `name`, if there is one.
    func makeComponent(named name: String) -> Component? {
        types[name].map { $0.init() }
    }

    func contains(_ name: String) -> Bool { types[name] != nil }
}

/// Two component types of a deployment have the same lower-case name.
public struct DuplicateComponentName: Error, CustomStringConvertible {
    public var name: String

    public var description: String {
        "Two component types are called '\(name)' in lower case; an environment could not tell them apart. Rename one."
    }
}

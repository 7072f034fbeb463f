/// The name of a resource, typed by the values components provide under it.
///
/// ```swift
/// extension ResourceKey where Value == String {
///     static var registry: Self { .init("registry") }
/// }
///
/// // in the providing component's configure:
/// provide(.registry, "\(host.name):7000")
/// // in a consuming component's configure:
/// let address = try requireOne(.registry)
/// ```
///
/// Because the key knows its value type, providing or requiring the wrong type does not compile.
/// Values are `Codable`, so that they can travel to the hosts that need them.
public struct ResourceKey<Value: Hashable & Sendable & Codable>: Hashable, Sendable, CustomStringConvertible {
    /// The name batou users know the resource by.
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }
}

/// A root component on a host: the unit that provides and requires resources.
public struct RootIdentity: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The root component's name, as environments write it (`hello`).
    public var name: String
    /// The name of the host it is deployed on.
    public var host: String

    public init(name: String, host: String) {
        self.name = name
        self.host = host
    }

    /// `hello on web1`.
    public var description: String { "\(name) on \(host)" }
}

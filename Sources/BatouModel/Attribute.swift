/// A component property that an environment can override in `[component:NAME]`.
///
/// ```swift
/// final class Web: Component {
///     @Attribute var port = 8080                 // [component:web] port = 9090
///     @Attribute var servers: [String] = []      // servers = a, b   or one per line
///     @Attribute var notes: [String: String] = [:]  // notes = {"x": "y"}
/// }
/// ```
///
/// Overrides are strings; they are converted to the property's type by ``AttributeValue``
/// (strings, numbers, booleans, lists, dictionaries and Python-style literals) or, for
/// any other `LosslessStringConvertible` type, by its `init?(_ description:)`. A value that
/// does not convert is an error naming the environment file, the key and the type.
///
/// As in batou, an override is first expanded as a Jinja2 template in the component's
/// context (`port = {{ host.data.port }}`); `@Attribute(expand: false)` takes it literally.
///
/// The wrapper is a class so that the engine can set overrides through reflection.
@propertyWrapper
public final class Attribute<Value> {
    public var wrappedValue: Value
    /// Whether overrides are expanded as templates before they are converted.
    public let expands: Bool
    private let conversion: (String) throws(ConversionFailure) -> Value

    /// An attribute of a type that knows how to read override strings.
    public init(wrappedValue: Value, expand: Bool = true) where Value: AttributeValue {
        self.wrappedValue = wrappedValue
        self.expands = expand
        self.conversion = { text throws(ConversionFailure) in try Value(overrideValue: text) }
    }

    /// An attribute of any type that can be created from its description.
    @_disfavoredOverload
    public init(wrappedValue: Value, expand: Bool = true) where Value: LosslessStringConvertible {
        self.wrappedValue = wrappedValue
        self.expands = expand
        self.conversion = { text throws(ConversionFailure) in
            guard let value = Value(text) else {
                throw ConversionFailure("it is not a valid \(Value.self)")
            }
            return value
        }
    }

    /// An attribute whose override strings are read by `conversion`.
    ///
    /// ```swift
    /// @Attribute(conversion: { Duration.seconds(try Int(overrideValue: $0)) }) var delay = Duration.seconds(5)
    /// ```
    public init(
        wrappedValue: Value, expand: Bool = true, conversion: @escaping (String) throws(ConversionFailure) -> Value
    ) {
        self.wrappedValue = wrappedValue
        self.expands = expand
        self.conversion = conversion
    }
}

/// A type-erased view of an ``Attribute``, for applying overrides.
package protocol OverridableAttribute: AnyObject {
    /// The Swift type overrides are converted to, for messages.
    var valueType: String { get }
    /// Whether overrides are expanded as templates before they are converted.
    var expands: Bool { get }
    /// Converts `text` and stores it.
    func override(with text: String) throws(ConversionFailure)
}

extension Attribute: OverridableAttribute {
    package var valueType: String { String(describing: Value.self) }

    package func override(with text: String) throws(ConversionFailure) {
        wrappedValue = try conversion(text)
    }
}

/// Why an override string could not be converted, as the end of a sentence.
///
/// ```swift
/// throw ConversionFailure("it is not a whole number")
/// ```
public struct ConversionFailure: Error, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

extension Component {
    /// The component's `@Attribute` properties by name, including inherited ones.
    package var overridableAttributes: [String: any OverridableAttribute] {
        var attributes: [String: any OverridableAttribute] = [:]
        var mirror: Mirror? = Mirror(reflecting: self)
        while let current = mirror {
            for child in current.children {
                guard let label = child.label, label.hasPrefix("_"),
                    let attribute = child.value as? any OverridableAttribute
                else { continue }
                attributes[String(label.dropFirst())] = attribute
            }
            mirror = current.superclassMirror
        }
        return attributes
    }
}

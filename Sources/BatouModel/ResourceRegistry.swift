#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every resource provided and required by the roots of an environment, batou's `Resources`.
///
/// Values are recorded per providing root (a sub-component provides for its root); a root's
/// provisions and requirements are dropped before it configures again, so a root that is
/// configured twice never counts twice. Values are kept as JSON: that is how they travel to
/// the hosts that configure with them, and how a changed value is recognised.
package final class ResourceRegistry {
    /// One value provided under a key.
    package struct Provision: Hashable, Sendable, Codable {
        package var root: RootIdentity
        /// The value, encoded as JSON with sorted keys.
        package var value: String

        package init(root: RootIdentity, value: String) {
            self.root = root
            self.value = value
        }
    }

    /// A root's requirement of a key.
    package struct Requirement: Hashable {
        package var root: RootIdentity
        package var key: String
        /// Only providers on this host count; `nil` for any host.
        package var host: String?
        package var isStrict: Bool
        /// Whether the requiring root deploys before the providers instead of after them.
        package var isReversed: Bool
    }

    package private(set) var provisions: [String: [Provision]] = [:]
    package private(set) var requirements: [Requirement] = []

    /// A registry that starts with `provisions`, such as those a controller settled on.
    package init(provisions: [String: [Provision]] = [:]) {
        self.provisions = provisions
    }

    // MARK: - Changing

    func provide<Value: Encodable>(_ value: Value, under key: String, by root: RootIdentity) {
        provisions[key, default: []].append(Provision(root: root, value: Self.encode(value)))
    }

    func require(_ requirement: Requirement) -> [String] {
        if !requirements.contains(requirement) { requirements.append(requirement) }
        return values(of: requirement.key, on: requirement.host)
    }

    /// Forgets what `root` provided and required; returns what it had provided, by key.
    package func reset(_ root: RootIdentity) -> [String: [String]] {
        let previous = provided(by: root)
        for key in previous.keys {
            provisions[key]?.removeAll { $0.root == root }
            if provisions[key]?.isEmpty == true { provisions[key] = nil }
        }
        requirements.removeAll { $0.root == root }
        return previous
    }

    // MARK: - Reading

    /// The values provided under `key`, by roots on `host` if given, in the order provided.
    package func values(of key: String, on host: String? = nil) -> [String] {
        (provisions[key] ?? []).filter { host == nil || $0.root.host == host }.map(\.value)
    }

    /// What `root` provides, by key.
    package func provided(by root: RootIdentity) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (key, list) in provisions {
            let values = list.filter { $0.root == root }.map(\.value)
            if !values.isEmpty { result[key] = values }
        }
        return result
    }

    /// The roots that require `key` in a way that sees values provided by `provider`.
    package func roots(requiring key: String, from provider: RootIdentity) -> [RootIdentity] {
        requirements.filter { $0.key == key && ($0.host == nil || $0.host == provider.host) }.map(\.root)
    }

    /// Strict requirements that no provider satisfies.
    package var unsatisfiedRequirements: [Requirement] {
        requirements.filter { $0.isStrict && values(of: $0.key, on: $0.host).isEmpty }
    }

    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain Codable values into JSON does not fail.
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func decode<Value: Decodable>(_ json: String, as type: Value.Type) -> Value? {
        try? JSONDecoder().decode(Value.self, from: Data(json.utf8))
    }

    /// Provisions that no requirement sees.
    package var unusedProvisions: [(key: String, provision: Provision)] {
        provisions.keys.sorted().flatMap { key in
            (provisions[key] ?? []).filter { roots(requiring: key, from: $0.root).isEmpty }.map { (key, $0) }
        }
    }
}

/// A strict `requireOne` found no value yet; the root configures again once a provider has run.
package struct ResourceNotYetProvided: Error, CustomStringConvertible {
    package var key: String

    package var description: String { "No component provides '\(key)' yet." }
}

/// `requireOne` found several values where it expects exactly one.
public struct AmbiguousResource: Error, CustomStringConvertible {
    public var key: String
    public var providers: [RootIdentity]

    public var description: String {
        let names = providers.map(\.description).joined(separator: ", ")
        return "Expected exactly one '\(key)', but \(providers.count) are provided (by \(names))."
            + " Require it from one host with `on:`, or use require() for all of them."
    }
}

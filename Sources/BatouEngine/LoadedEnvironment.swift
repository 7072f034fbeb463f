import BatouModel

/// An environment read from its file and checked against the deployment's components.
struct LoadedEnvironment {
    /// What components see.
    var environment: Environment
    /// The root components of every host, hosts and components in the order the file lists them.
    var roots: [RootAssignment]
    /// `[component:NAME]` overrides by component name.
    var overrides: [String: [Override]]
    /// `jobs` from the file, if set.
    var jobs: Int?
    /// `require_sudo` by host name, where the host or the environment sets it.
    var requiresSudo: [String: Bool] = [:]
    /// Problems that do not stop the deployment.
    var warnings: [String]
    /// Whole values that came from the secrets, which no output may show.
    var secretValues: Set<String> = []

    /// One root component on one host.
    struct RootAssignment {
        var name: String
        var host: Host
        var features: [String]
        var isIgnored: Bool
    }

    /// One `key = value` of a `[component:NAME]` section, with where it was written.
    struct Override: Codable, Sendable {
        var key: String
        var value: String
        var location: String
        /// Whether the value came from the secrets, so that no message may show it.
        var isSecret = false

        /// The value as messages may show it.
        var shownValue: String { isSecret ? "(a secret value)" : "'\(value)'" }
    }
}

import BatouModel

/// A message with the number of the request it belongs to, one JSON object per line.
///
/// Every reply carries the number of the request it answers; events carry none.
struct AgentEnvelope<Message: Codable & Sendable>: Codable, Sendable {
    var id: Int?
    var message: Message
}

/// What the controller asks an agent on a host.
enum AgentRequest: Codable, Sendable {
    /// Take the host's deployment lock for `owner`.
    case hello(LockOwner)
    /// The deployment's data files; the agent answers with those it lacks.
    case files([DataFile])
    /// One data file's content, base64-encoded; answered with `done`.
    case file(DataFile, content: String)
    /// Configure the host's root components.
    case configure(AgentConfiguration)
    /// Deploy one root component of the host.
    case deploy(root: String)
}

/// What an agent answers.
enum AgentReply: Codable, Sendable {
    /// The lock is taken; the agent deploys into `directory`.
    case ready(directory: String)
    /// Another deployment holds the host's lock.
    case locked(LockOwner)
    /// The data files the host lacks or holds with other content.
    case missingFiles([String])
    /// The roots are configured, or the problems why not.
    case configured(problems: [Problem], warnings: [String])
    /// Something a component reported while deploying.
    case event(Event)
    /// A root finished deploying, with its problem if it failed.
    case deployed(root: String, problem: Problem?)
    /// The agent could not do what it was asked.
    case failed(Problem)
    /// A request was carried out and has nothing to report.
    case done
}

/// Who holds a host's deployment lock, shown to whoever finds it taken.
struct LockOwner: Codable, Sendable, Hashable, CustomStringConvertible {
    var user: String
    var machine: String
    var environment: String
    var since: String

    var description: String { "\(user)@\(machine) deploying environment '\(environment)' since \(since)" }
}

/// A file of the deployment that components may read (under `components/`), by content.
struct DataFile: Codable, Sendable, Hashable {
    /// The path relative to the deployment directory.
    var path: String
    var sha256: String
    var mode: UInt32
}

/// Everything an agent needs to configure its host's roots as the controller did.
struct AgentConfiguration: Codable, Sendable {
    var environment: Environment
    var host: String
    var roots: [Root]
    var overrides: [String: [LoadedEnvironment.Override]]
    /// Resources as the controller settled them, for requirements of other hosts' values.
    var provisions: [String: [ResourceRegistry.Provision]]
    var isPredicting: Bool

    struct Root: Codable, Sendable {
        var name: String
        var features: [String]
        var isIgnored: Bool
    }
}

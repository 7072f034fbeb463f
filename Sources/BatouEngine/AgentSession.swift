import BatouModel

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The work of an agent on one host: configure the host's roots there, then deploy them
/// one by one as the controller asks.
final class AgentSession: @unchecked Sendable {
    private let registry: ComponentRegistry
    private let directory: String
    private let sink: any EventSink
    /// Configured roots by name; written once by `configure`, then only read.
    private var roots: [String: Component] = [:]
    private var isPredicting = false

    init(registry: ComponentRegistry, directory: String, sink: any EventSink) {
        self.registry = registry
        self.directory = directory
        self.sink = sink
    }

    /// Configures the host's roots with the controller's settled resources; returns the problems.
    func configure(_ configuration: AgentConfiguration) -> (problems: [Problem], warnings: [String]) {
        var environment = configuration.environment
        environment.baseDirectory = directory
        guard let host = environment.host(named: configuration.host) else {
            return ([Problem("The environment sent to this agent has no host \(configuration.host).")], [])
        }
        isPredicting = configuration.isPredicting
        let loaded = LoadedEnvironment(
            environment: environment,
            roots: configuration.roots.map {
                LoadedEnvironment.RootAssignment(name: $0.name, host: host, features: $0.features, isIgnored: $0.isIgnored)
            },
            overrides: configuration.overrides, jobs: nil, warnings: [])
        let model = ModelConfiguration(
            loaded: loaded, registry: registry, isPredicting: configuration.isPredicting, sink: sink,
            resources: ResourceRegistry(provisions: configuration.provisions), isWholeModel: false
        ).configure()
        roots = Dictionary(model.roots.map { ($0.identity.name, $0.component) }, uniquingKeysWith: { first, _ in first })
        return (model.problems, model.warnings)
    }

    /// Deploys the configured root `name` on this thread; returns its problem if it failed.
    func deploy(root name: String, host: String) -> Problem? {
        guard let component = roots[name] else {
            return Problem("The agent has no configured root component '\(name)'.", hosts: [host])
        }
        do {
            try ComponentDeployer(host: host, isPredicting: isPredicting, sink: sink).deployRoot(component)
            return nil
        } catch {
            return error
        }
    }
}

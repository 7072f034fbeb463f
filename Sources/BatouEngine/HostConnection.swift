import BatouModel
import BatouTransport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a host's roots deploy: in this process, or by an agent on the host.
protocol HostConnection: Sendable {
    /// Deploys the root `name`; returns its problem if it failed.
    func deploy(root name: String) async -> Problem?
    /// Ends the connection, releasing the host's lock.
    func close() async
}

/// `connect_method = local`: the roots configured by the controller deploy right here,
/// each on a thread of its own.
struct InProcessHost: HostConnection {
    /// The host's configured roots. Their component trees are not `Sendable`; only the one
    /// task that deploys a root touches its tree, hence `@unchecked`.
    struct Roots: @unchecked Sendable {
        var components: [String: Component]
    }

    let host: String
    let roots: Roots
    let deployer: ComponentDeployer

    func deploy(root name: String) async -> Problem? {
        let roots = self.roots
        let deployer = self.deployer
        return await DedicatedThread.run { () -> Problem? in
            guard let component = roots.components[name] else {
                return Problem("There is no configured root component '\(name)'.", hosts: [deployer.host])
            }
            do throws(Problem) {
                try deployer.deployRoot(component)
                return nil
            } catch {
                return error
            }
        }
    }

    func close() async {}
}

/// Problems found together.
struct ProblemList: Error {
    var problems: [Problem]
    /// Whether they are problems of the model (which stop the run) rather than of reaching a host.
    var isConfiguration: Bool

    init(_ problems: [Problem], isConfiguration: Bool = false) {
        self.problems = problems
        self.isConfiguration = isConfiguration
    }
}

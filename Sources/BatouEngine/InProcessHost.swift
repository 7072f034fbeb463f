import BatouModel
import BatouTransport

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

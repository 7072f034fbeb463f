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

/// `connect_method = ssh`: an agent on the host, reached through OpenSSH.
struct RemoteHost: HostConnection {
    let connection: AgentConnection

    /// Ships the agent and the data files the host lacks, takes the host's lock, and has the
    /// agent configure the host's roots. Throws the problems that stop this host.
    static func connect(
        shell: RemoteShell, binary: AgentBinary, targetDirectory: String, owner: LockOwner, files: [DataFile],
        baseDirectory: String, configuration: AgentConfiguration, sink: any EventSink
    ) async throws(ProblemList) -> RemoteHost {
        let host = configuration.host
        let agentPath: String
        do {
            agentPath = try await AgentInstaller(shell: shell, binary: binary).install()
        } catch {
            throw ProblemList([error])
        }
        let command = "exec \(agentPath) agent --directory \(shellQuoted(targetDirectory))"
        let connection: AgentConnection
        do {
            connection = try AgentConnection(host: host, arguments: shell.ssh.arguments(running: command), sink: sink)
        } catch {
            throw ProblemList([Problem("Cannot start ssh: \(error)", hosts: [host])])
        }
        do throws(ProblemList) {
            try await handshake(connection, owner: owner, files: files, baseDirectory: baseDirectory)
            switch await connection.request(.configure(configuration)) {
            case .configured(let problems, let warnings):
                for warning in warnings { sink.emit(.warning(warning)) }
                guard problems.isEmpty else { throw ProblemList(problems, isConfiguration: true) }
            case .failed(let problem): throw ProblemList([problem])
            default: throw ProblemList([Problem("The agent did not configure the host's components.", hosts: [host])])
            }
        } catch {
            connection.close()
            throw error
        }
        return RemoteHost(connection: connection)
    }

    /// Takes the host's lock and ships the data files it lacks.
    private static func handshake(
        _ connection: AgentConnection, owner: LockOwner, files: [DataFile], baseDirectory: String
    ) async throws(ProblemList) {
        let host = connection.host
        switch await connection.request(.hello(owner)) {
        case .ready: break
        case .locked(let holder):
            throw ProblemList([
                Problem("The host is locked by another deployment: \(holder). Wait for it to finish, then deploy again.", hosts: [host])
            ])
        case .failed(let problem): throw ProblemList([problem])
        default: throw ProblemList([Problem("The agent did not answer as expected.", hosts: [host])])
        }
        guard case .missingFiles(let missing) = await connection.request(.files(files)) else {
            throw ProblemList([Problem("The agent did not list the data files it lacks.", hosts: [host])])
        }
        for file in files where missing.contains(file.path) {
            guard let data = FileManager.default.contents(atPath: baseDirectory + "/" + file.path) else { continue }
            if case .failed(let problem) = await connection.request(.file(file, content: data.base64EncodedString())) {
                throw ProblemList([problem])
            }
        }
    }

    func deploy(root name: String) async -> Problem? {
        switch await connection.request(.deploy(root: name)) {
        case .deployed(_, let problem): problem
        case .failed(let problem): problem
        default: Problem("The agent did not report how deploying \(name) went.", hosts: [connection.host])
        }
    }

    func close() async {
        let connection = self.connection
        await DedicatedThread.run { connection.close() }
    }
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

import BatouModel
import BatouTransport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `connect_method = ssh`: an agent on the host, reached through OpenSSH.
struct RemoteHost: HostConnection {
    let connection: AgentConnection

    /// Starts the agent (shipping it first if the host lacks this build), takes the host's
    /// lock, ships the data files the host lacks, and has the agent configure the host's
    /// roots. Throws the problems that stop this host.
    static func connect(
        shell: RemoteShell, binary: AgentBinary, targetDirectory: String, owner: LockOwner, files: [DataFile],
        baseDirectory: String, configuration: AgentConfiguration, sink: any EventSink
    ) async throws(ProblemList) -> RemoteHost {
        let host = configuration.host
        let installer = AgentInstaller(shell: shell, binary: binary)
        let arguments = shell.ssh.arguments(running: installer.startCommand(directory: targetDirectory))
        var (connection, greeting) = try await start(arguments, host: host, owner: owner, sink: sink)
        if case .failed = greeting, await connection.exitStatus() == AgentInstaller.missingStatus {
            do {
                try await installer.install()
            } catch {
                throw ProblemList([error])
            }
            (connection, greeting) = try await start(arguments, host: host, owner: owner, sink: sink)
        }
        do throws(ProblemList) {
            try lock(with: greeting, host: host)
            try await ship(files, to: connection, from: baseDirectory)
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

    // MARK: - Connecting

    /// Starts the agent and asks for the host's lock; returns the connection and the answer.
    private static func start(_ arguments: [String], host: String, owner: LockOwner, sink: any EventSink)
        async throws(ProblemList) -> (AgentConnection, AgentReply)
    {
        let connection: AgentConnection
        do {
            connection = try AgentConnection(host: host, arguments: arguments, sink: sink)
        } catch {
            throw ProblemList([Problem("Cannot start ssh: \(error)", hosts: [host])])
        }
        return (connection, await connection.request(.hello(owner)))
    }

    /// Throws unless the agent took the host's lock, naming who holds it.
    private static func lock(with greeting: AgentReply, host: String) throws(ProblemList) {
        switch greeting {
        case .ready: break
        case .locked(let holder):
            throw ProblemList([
                Problem(
                    "The host is locked by another deployment: \(holder). Wait for it to finish, then deploy again.",
                    hosts: [host])
            ])
        case .failed(let problem): throw ProblemList([problem])
        default: throw ProblemList([Problem("The agent did not answer as expected.", hosts: [host])])
        }
    }

    /// Ships the data files the host lacks or holds with other content.
    private static func ship(_ files: [DataFile], to connection: AgentConnection, from baseDirectory: String)
        async throws(ProblemList)
    {
        guard !files.isEmpty else { return }
        let host = connection.host
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
}

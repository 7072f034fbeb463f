import BatouModel
import BatouTransport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The hosts a run deploys to, once connected: a connection per reachable host, and what
/// stopped the others.
struct ConnectedHosts: Sendable {
    var connections: [String: any HostConnection] = [:]
    /// Hosts that could not be reached or locked, with why; their roots are not deployed.
    var unreachable: [String: [Problem]] = [:]
    /// Problems agents found configuring their hosts' components; they stop the run.
    var configurationProblems: [Problem] = []
    /// The shared ssh connections of every host tried, reachable or not.
    var sshConnections: [SSHCommand] = []
    /// The directory of the shared ssh connections' sockets, removed when they are closed.
    var controlDirectory: String?

    /// Ends every connection, releasing the hosts' locks, then the shared ssh connections.
    func close() async {
        await withTaskGroup(of: Void.self) { group in
            for connection in connections.values { group.addTask { await connection.close() } }
        }
        await withTaskGroup(of: Void.self) { group in
            for ssh in sshConnections {
                group.addTask {
                    // A failure only means that the connection was already gone.
                    await DedicatedThread.run {
                        guard let closing = try? ChildProcess(ssh.closeArguments) else { return }
                        closing.closeInput()
                        _ = closing.waitForExit()
                    }
                }
            }
        }
        if let controlDirectory { try? FileManager.default.removeItem(atPath: controlDirectory) }
    }
}

import BatouModel
import BatouTransport

/// Runs shell commands on a host through its shared ssh connection, as the user deployments
/// there run as.
struct RemoteShell: Sendable {
    let ssh: SSHCommand
    let host: String

    /// Runs `command` with `input` on its standard input; returns the first line it printed.
    ///
    /// - Throws: a ``Problem`` naming the host and what ssh (or the command) said last.
    func run(_ command: String, input: [UInt8]? = nil) async throws(Problem) -> String {
        let arguments = ssh.arguments(running: command)
        let host = self.host
        let result: Result<String, Problem> = await DedicatedThread.run {
            do {
                let process = try ChildProcess(arguments)
                if let input { try process.write(input) }
                process.closeInput()
                let output = String(decoding: process.readToEnd(), as: UTF8.self)
                let status = process.waitForExit()
                guard status == 0 else {
                    let cause = process.lastErrorLine() ?? "it ended with status \(status)"
                    // ssh itself ends with 255; anything else is the command on the host.
                    let what = status == 255 ? "Cannot reach the host" : "Preparing the host failed"
                    return .failure(Problem("\(what): \(cause).", hosts: [host]))
                }
                return .success(String(output.prefix(while: { $0 != "\n" })))
            } catch {
                return .failure(Problem("\(error)", hosts: [host]))
            }
        }
        return try result.get()
    }

    /// This shell running commands as `user` through sudo, if the host needs it for that user:
    /// always when `requiresSudo` is true, never when false, and otherwise when the ssh user
    /// is someone else (as batou decides).
    func becoming(_ user: String?, requiresSudo: Bool?) async throws(Problem) -> RemoteShell {
        guard let user, requiresSudo != false else { return self }
        if requiresSudo == nil, try await run("whoami") == user { return self }
        var ssh = self.ssh
        ssh.sudoUser = user
        return RemoteShell(ssh: ssh, host: host)
    }
}

import BatouModel
import BatouTransport

/// Puts this executable on a host as its agent, unless the host already holds that exact
/// build: `~/.batou/agents/<sha256>`. Only a POSIX shell is needed there (and `gzip` to
/// receive it compressed). Older builds beyond the newest few are removed.
struct AgentInstaller {
    let ssh: SSHCommand
    let binary: AgentBinary
    let host: String

    static let directory = ".batou/agents"
    static let keptBuilds = 3

    /// Installs the agent if needed; returns its path on the host, relative to the home directory.
    func install() async throws(Problem) -> String {
        let path = "\(Self.directory)/\(binary.hash)"
        let check = "test -x \(path) && echo present || { command -v gzip >/dev/null 2>&1 && echo gzip || echo raw; }"
        let answer = try await run(check, input: nil)
        guard answer != "present" else { return path }
        let compressed = answer == "gzip"
        let content = try compressed ? binary.compressedContent() : binary.content()
        let upload = "\(Self.directory)/.upload-\(binary.hash)"
        // An interrupted upload must never become the agent: it is checked by size before it is named.
        let receive = [
            "mkdir -p \(Self.directory)",
            "\(compressed ? "gzip -dc" : "cat") > \(upload)",
            "test \"$(wc -c < \(upload))\" -eq \(try binary.size())",
            "chmod 700 \(upload)",
            "mv \(upload) \(path)",
            "cd \(Self.directory) && ls -t | tail -n +\(Self.keptBuilds + 1) | xargs rm -f",
        ].joined(separator: " && ")
        _ = try await run(receive, input: content)
        return path
    }

    /// Runs `command` on the host with `input`; returns its output's first line.
    private func run(_ command: String, input: [UInt8]?) async throws(Problem) -> String {
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
                    let cause = process.lastErrorLine() ?? "ssh ended with status \(status)"
                    return .failure(Problem("Cannot reach the host: \(cause).", hosts: [host]))
                }
                return .success(String(output.prefix(while: { $0 != "\n" })))
            } catch {
                return .failure(Problem("\(error)", hosts: [host]))
            }
        }
        return try result.get()
    }
}

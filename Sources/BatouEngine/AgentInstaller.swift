import BatouModel
import BatouTransport

/// Puts this executable on a host as its agent, unless the host already holds that exact
/// build: `~/.batou/agents/<sha256>`. Only a POSIX shell is needed there (and `gzip` to
/// receive it compressed). Older builds beyond the newest few are removed.
struct AgentInstaller {
    let shell: RemoteShell
    let binary: AgentBinary

    static let directory = ".batou/agents"
    static let keptBuilds = 3

    /// Installs the agent if needed; returns its path on the host, relative to the home directory.
    func install() async throws(Problem) -> String {
        let path = "\(Self.directory)/\(binary.hash)"
        let check = "test -x \(path) && echo present || { command -v gzip >/dev/null 2>&1 && echo gzip || echo raw; }"
        let answer = try await shell.run(check)
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
        _ = try await shell.run(receive, input: content)
        return path
    }
}

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
    /// The exit status of ``startCommand(directory:)`` when the host lacks this build.
    static let missingStatus: Int32 = 97

    /// The agent's path on the host, relative to the home directory.
    var path: String { "\(Self.directory)/\(binary.hash)" }

    /// The shell command that starts the agent for `directory`, or ends with
    /// ``missingStatus`` when the host lacks it: one trip when it is there.
    func startCommand(directory: String) -> String {
        "if test -x \(path); then exec \(path) agent --directory \(shellQuoted(directory)); fi; exit \(Self.missingStatus)"
    }

    /// Ships the agent to the host.
    func install() async throws(Problem) {
        let answer = try await shell.run("command -v gzip >/dev/null 2>&1 && echo gzip || echo raw")
        // Without gzip on either end, the agent travels as it is.
        let packed = answer == "gzip" ? try? binary.compressedContent() : nil
        let compressed = packed != nil
        let content: [UInt8]
        if let packed {
            content = packed
        } else {
            content = try binary.content()
        }
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
    }
}

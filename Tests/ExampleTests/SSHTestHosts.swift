import Foundation

/// The four test hosts of `scripts/test-hosts`: unix users batou-host1 … batou-host4 behind
/// a real sshd on 127.0.0.1, reached as host1 … host4.
enum SSHTestHosts {
    /// The ssh configuration that reaches the hosts, or `nil` when they cannot be started here
    /// (not root, or no OpenSSH server).
    static let configFile: String? = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else { return nil }
        let result = try? Command.run(ExampleTests.repository + "/scripts/test-hosts", ["start"])
        guard let result, result.status == 0 else { return nil }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    static var isAvailable: Bool { configFile != nil }

    static let names = ["host1", "host2", "host3", "host4"]

    /// The home directory of the user that acts as `host`.
    static func home(of host: String) -> String { "/home/batou-\(host)" }

    /// Removes everything batou left on the hosts: agents, locks, deployments.
    static func reset() {
        for host in names {
            try? FileManager.default.removeItem(atPath: home(of: host) + "/deployment")
            try? FileManager.default.removeItem(atPath: home(of: host) + "/.batou")
        }
    }

    /// The test hosts' configuration plus a host `down` whose port nobody listens on, and a
    /// host `stranger` whose key does not match the one known for it.
    static func configWithBrokenHosts() throws -> String {
        let text = try String(contentsOfFile: configFile ?? "", encoding: .utf8)
        let port = text.split(separator: "\n").first { $0.contains("Port ") }?.split(separator: " ").last ?? "22"
        return "Host stranger\n    HostName 127.0.0.1\n    Port \(port)\n    User batou-host2\n"
            + "    UserKnownHostsFile /dev/null\n    StrictHostKeyChecking yes\n"
            + text + "Host down\n    HostName 127.0.0.1\n    Port 1\n"
    }
}

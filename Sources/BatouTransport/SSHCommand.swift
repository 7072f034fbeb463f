/// How to run commands on a host with OpenSSH: the user's own `ssh`, so that their
/// configuration, agent, jump hosts and host-key checking apply.
///
/// ```swift
/// let ssh = SSHCommand(host: "web1", configFile: "ssh_config_prod", controlDirectory: "/tmp/batou-ssh-1")
/// let process = try ChildProcess(ssh.arguments(running: "true"))
/// ```
///
/// All commands to one host share one connection (OpenSSH's `ControlMaster`), opened by
/// the first of them and closed by ``closeArguments``.
package struct SSHCommand: Sendable {
    package var host: String
    /// A file passed with `-F`, batou's `ssh_config_<environment>` or `ssh_config`.
    package var configFile: String?
    /// Where the shared connection's socket lives; short, because socket paths are.
    package var controlDirectory: String
    /// The user commands run as through `sudo`, batou's `service_user` when it needs sudo.
    package var sudoUser: String?

    package init(host: String, configFile: String?, controlDirectory: String, sudoUser: String? = nil) {
        self.host = host
        self.configFile = configFile
        self.controlDirectory = controlDirectory
        self.sudoUser = sudoUser
    }

    /// `ssh` with its options, without host and command.
    private var options: [String] {
        (configFile.map { ["-F", $0] } ?? []) + [
            "-o", "ControlMaster=auto", "-o", "ControlPath=\(controlDirectory)/%C", "-o", "ControlPersist=60",
            "-o", "BatchMode=yes", "-T",
        ]
    }

    /// The command line that runs `command` (a shell command line) on the host, in the home
    /// directory of the user it runs as.
    package func arguments(running command: String) -> [String] {
        guard let sudoUser else { return ["ssh"] + options + [host, command] }
        // -n: never ask for a password (fail instead); -H: the service user's home.
        let wrapped = "sudo -n -H -u \(shellQuoted(sudoUser)) sh -c \(shellQuoted("cd && " + command))"
        return ["ssh"] + options + [host, wrapped]
    }

    /// The command line that closes the shared connection.
    package var closeArguments: [String] {
        ["ssh"] + options + ["-O", "exit", host]
    }
}

/// `text` quoted for a POSIX shell.
package func shellQuoted(_ text: String) -> String {
    "'" + text.replacing("'", with: "'\\''") + "'"
}

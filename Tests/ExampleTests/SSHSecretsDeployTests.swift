import Foundation
import Testing

extension ExampleTests.SSHDeployTests {
    /// Keys made with `ssh-keygen` outside the deployment, and secrets encrypted to them by the
    /// `age` program, as a colleague's machine would have written them.
    private struct AgeEncryptedSecrets {
        let keys = FileManager.default.temporaryDirectory.path + "/batou-keys-" + UUID().uuidString
        static let passphrase = "correct horse"

        init() throws {
            try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
            for (name, passphrase) in [("id_ed25519", Self.passphrase), ("id_rsa", "")] {
                let type = name == "id_rsa" ? ["-t", "rsa", "-b", "3072"] : ["-t", "ed25519"]
                let made = try Command.run("/usr/bin/ssh-keygen", ["-q", "-N", passphrase, "-f", keys + "/" + name] + type)
                #expect(made.status == 0, "\(made.errors)")
            }
        }

        /// The members line: both public keys.
        func members() throws -> String {
            try ["id_ed25519", "id_rsa"].map {
                try String(contentsOfFile: keys + "/\($0).pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            }.joined(separator: ",\n    ")
        }

        /// Writes `cleartext` to `file`, encrypted by `age` to both keys.
        func encrypt(_ cleartext: String, to file: String) throws {
            let plain = keys + "/cleartext"
            try cleartext.write(toFile: plain, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: plain) }
            let encrypted = try Command.run(
                "/usr/bin/age", ["-R", keys + "/id_ed25519.pub", "-R", keys + "/id_rsa.pub", "-o", file, plain])
            #expect(encrypted.status == 0, "\(encrypted.errors)")
        }

        /// How batou finds the passphrase-protected key and its passphrase.
        var environment: [String: String] {
            ["BATOU_AGE_IDENTITIES": keys + "/id_ed25519", "BATOU_AGE_IDENTITY_PASSPHRASE": Self.passphrase]
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: keys)
        }
    }

    /// Expects exactly the files `expected` under `directories` to contain `value`.
    private func expect(
        _ value: String, onlyIn expected: [String], searching directories: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let grep = try Command.run("/bin/grep", ["-rlF", "--", value] + directories)
        let found = grep.output.split(separator: "\n").map(String.init).sorted()
        #expect(found == expected.sorted(), sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/age"), "Needs the age program."))
    func deploysSecretsThatAgeEncryptedToSSHKeysAndLeavesThemNowhereElse() throws {
        SSHTestHosts.reset()
        let secrets = try AgeEncryptedSecrets()
        defer { secrets.remove() }
        let deployment = try remote("[environment]\nconnect_method = ssh\n[hosts]\nhost1 = hello\nhost2 = hello\n")
        let environment = deployment.directory + "/environments/remote"
        let tag = UUID().uuidString.prefix(8)
        let (greeting, hostToken, fileLine) = ("greeting-\(tag)", "host-token-\(tag)", "api-key-\(tag)")
        try secrets.encrypt(
            "[batou]\nmembers =\n    \(try secrets.members())\n[component:hello]\ngreeting = \(greeting)\n"
                + "[host:host1]\ndata-token = \(hostToken)\n", to: environment + "/secrets.cfg.age")
        try secrets.encrypt("key = \(fileLine)\n", to: environment + "/secret-api.conf.age")
        let written = SSHTestHosts.names.prefix(2).map { SSHTestHosts.home(of: $0) + "/deployment/work/hello/hello" }
        let searched = SSHTestHosts.names.map(SSHTestHosts.home(of:)) + [deployment.directory, "/tmp", "/var/tmp"]

        let json = try Command.run(
            Self.hello, ["deploy", "--json", "remote"], in: deployment.directory, environment: secrets.environment)
        #expect(json.status == 0, "\(json.output)")
        for file in written {
            #expect(try String(contentsOfFile: file, encoding: .utf8) == greeting + "\n")
        }
        for value in [greeting, hostToken, fileLine] {
            #expect(!json.output.contains(value) && !json.errors.contains(value))
        }
        try expect(greeting, onlyIn: written, searching: searched)
        try expect(hostToken, onlyIn: [], searching: searched)
        try expect(fileLine, onlyIn: [], searching: searched)

        // `secrets edit` decrypts with the SSH key, and encrypts again to both members.
        let changed = "changed-\(tag)"
        let editor = secrets.keys + "/editor"
        try "#!/bin/sh\nsed -i 's/\(greeting)/\(changed)/' \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let edit = try Command.run(
            Self.hello, ["secrets", "edit", "remote"], in: deployment.directory,
            environment: secrets.environment.merging(["EDITOR": editor]) { $1 })
        #expect(edit.status == 0, "\(edit.output)\(edit.errors)")
        try FileManager.default.removeItem(atPath: editor)
        let decrypted = try Command.run(
            "/usr/bin/age", ["-d", "-i", secrets.keys + "/id_rsa", environment + "/secrets.cfg.age"])
        #expect(decrypted.output.contains("greeting = \(changed)\n"), "\(decrypted.errors)")

        let terminal = try Command.run(
            Self.hello, ["deploy", "remote"], in: deployment.directory, environment: secrets.environment)
        #expect(terminal.status == 0, "\(terminal.output)")
        #expect(terminal.output.contains("Not showing diff as it contains sensitive data."))
        for value in [greeting, changed, hostToken, fileLine] {
            #expect(!terminal.output.contains(value) && !terminal.errors.contains(value))
        }
        try expect(changed, onlyIn: written, searching: searched)
        try expect(greeting, onlyIn: [], searching: searched)
    }
}

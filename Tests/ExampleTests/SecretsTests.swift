import Foundation
import Testing

extension ExampleTests {
    /// An environment's secrets, encrypted by the age program, reach the components and no output.
    @Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/age"), "Needs the age program."))
    struct SecretsTests {
        static let hello = HelloExampleTests.binary
        static let local = "[environment]\nconnect_method = local\n[hosts]\nlocalhost = hello\n"

        /// A deployment whose secrets file holds `cleartext`, encrypted by `age` to a new key.
        private func deployment(environment: String = local, secrets cleartext: String) throws -> (ScratchDeployment, String) {
            let deployment = try ScratchDeployment(environment: environment)
            let key = deployment.directory + "/key.txt"
            #expect(try Command.run("/usr/bin/age-keygen", ["-o", key]).status == 0)
            let recipient = try Command.run("/usr/bin/age-keygen", ["-y", key]).output
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let plain = deployment.directory + "/secrets.cfg"
            try "[batou]\nmembers = \(recipient)\n\(cleartext)".write(toFile: plain, atomically: true, encoding: .utf8)
            let encrypted = deployment.directory + "/environments/local/secrets.cfg.age"
            #expect(try Command.run("/usr/bin/age", ["-r", recipient, "-o", encrypted, plain]).status == 0)
            try FileManager.default.removeItem(atPath: plain)
            return (deployment, key)
        }

        @Test func deploysSecretValuesWithoutShowingThem() throws {
            let secret = "Geheimnis-\(UUID().uuidString.prefix(8))"
            let (deployment, key) = try self.deployment(secrets: "[component:hello]\ngreeting = \(secret)\n")
            let result = try Command.run(
                Self.hello, ["deploy", "local"], in: deployment.directory, environment: ["BATOU_AGE_IDENTITIES": key])
            #expect(result.status == 0, "\(result.output)")
            #expect(try String(contentsOfFile: deployment.directory + "/work/hello/hello", encoding: .utf8) == secret + "\n")
            #expect(!result.output.contains(secret))
            #expect(result.output.contains("Not showing diff as it contains sensitive data."))
            #expect(result.output.contains("🔑 main: Loading secrets ..."))
        }

        @Test func namesWhatStopsTheSecretsFromLoading() throws {
            let (deployment, key) = try self.deployment(secrets: "[component:hello]\ngreeting = hidden\n")
            let withoutIdentity = try Command.run(
                Self.hello, ["deploy", "local"], in: deployment.directory, environment: ["BATOU_AGE_IDENTITIES": ""])
            #expect(withoutIdentity.status == 1)
            #expect(withoutIdentity.output.contains("ERROR: No age identity to decrypt the secrets with."))

            let otherKey = deployment.directory + "/other.txt"
            #expect(try Command.run("/usr/bin/age-keygen", ["-o", otherKey]).status == 0)
            let wrongKey = try Command.run(
                Self.hello, ["deploy", "local"], in: deployment.directory, environment: ["BATOU_AGE_IDENTITIES": otherKey])
            #expect(
                wrongKey.output.contains(
                    "ERROR: Cannot decrypt environments/local/secrets.cfg.age: None of the identities can decrypt this "
                        + "file; it was encrypted to other recipients."))
            #expect(!wrongKey.output.contains("hidden"))
            _ = key
        }

        @Test func asksForTheSSHKeysPassphraseOnlyWhereThereIsATerminal() throws {
            let deployment = try ScratchDeployment(environment: Self.local)
            let key = deployment.directory + "/id_ed25519"
            #expect(try Command.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "secret", "-f", key]).status == 0)
            let plain = deployment.directory + "/secrets.cfg"
            try "[batou]\nmembers = x\n".write(toFile: plain, atomically: true, encoding: .utf8)
            let encrypted = deployment.directory + "/environments/local/secrets.cfg.age"
            #expect(try Command.run("/usr/bin/age", ["-R", key + ".pub", "-o", encrypted, plain]).status == 0)
            // setsid: batou runs without a controlling terminal, as from cron or CI.
            let result = try Command.run(
                "/usr/bin/setsid", ["-w", Self.hello, "deploy", "local"], in: deployment.directory,
                environment: ["BATOU_AGE_IDENTITIES": key])
            #expect(result.status == 1)
            #expect(
                result.output.contains(
                    "ERROR: Cannot decrypt environments/local/secrets.cfg.age: The SSH key \(key) is protected by a "
                        + "passphrase. Set BATOU_AGE_IDENTITY_PASSPHRASE to it, or run batou on a terminal to be asked "
                        + "for it."), "\(result.output)")
        }

        @Test func refusesAnOverrideSetTwiceAndSectionsForUnknownComponentsOrHosts() throws {
            let environment = Self.local + "[component:hello]\ngreeting = public\n"
            let (deployment, key) = try self.deployment(
                environment: environment,
                secrets: "[component:hello]\ngreeting = private-value\n[component:nginx]\nx = 1\n[host:elsewhere]\ndata-x = 2\n")
            let result = try Command.run(
                Self.hello, ["deploy", "local"], in: deployment.directory, environment: ["BATOU_AGE_IDENTITIES": key])
            #expect(result.status == 1)
            #expect(
                result.output.contains(
                    "ERROR: environments/local/secrets.cfg.age:4: [component:hello] greeting is set both in the secrets "
                        + "and at environments/local/environment.cfg:6. Set it in one place."))
            #expect(
                result.output.contains(
                    "ERROR: environments/local/secrets.cfg.age:5: Secrets section [component:nginx] is for an unknown component."))
            #expect(
                result.output.contains(
                    "ERROR: environments/local/secrets.cfg.age:7: Secrets section [host:elsewhere] is for an unknown host."))
            #expect(!result.output.contains("private-value"))
        }
    }
}

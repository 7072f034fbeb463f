import Foundation
import Testing

extension ExampleTests {
    /// `secrets summary`, `add`, `remove`, `reencrypt` and `decrypttostdout` run by a deployment's executable.
    @Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/age"), "Needs the age program."))
    struct SecretsCommandsTests {
        static let hello = HelloExampleTests.binary
        static let gpg = FileManager.default.isExecutableFile(atPath: "/usr/bin/gpg")

        /// A deployment with the environments `local` (with age secrets and a secret file `db`) and
        /// `plain` (without secrets), and the key the secrets are encrypted to.
        private func deployment() throws -> (ScratchDeployment, key: String, recipient: String) {
            let deployment = try ScratchDeployment(environment: SecretsTests.local)
            try FileManager.default.createDirectory(
                atPath: deployment.directory + "/environments/plain", withIntermediateDirectories: true)
            try SecretsTests.local.write(
                toFile: deployment.directory + "/environments/plain/environment.cfg", atomically: true, encoding: .utf8)
            let (key, recipient) = try newKey(deployment, "key.txt")
            try edit(deployment, "[batou]\nmembers = \(recipient)\n[component:hello]\ngreeting = Moin\n", key: key)
            try edit(deployment, "password = geheim\n", file: "db", key: key)
            return (deployment, key, recipient)
        }

        private func newKey(_ deployment: ScratchDeployment, _ name: String) throws -> (String, String) {
            let key = deployment.directory + "/" + name
            #expect(try Command.run("/usr/bin/age-keygen", ["-o", key]).status == 0)
            let recipient = try Command.run("/usr/bin/age-keygen", ["-y", key]).output.trimmingCharacters(
                in: .whitespacesAndNewlines)
            return (key, recipient)
        }

        /// Runs `secrets edit` with an editor that writes `text`.
        private func edit(
            _ deployment: ScratchDeployment, _ text: String, file: String? = nil, key: String = "",
            environment: [String: String] = [:]
        ) throws {
            let editor = deployment.directory + "/editor.sh"
            try "#!/bin/sh\ncat > \"$1\" <<'EOF'\n\(text)EOF\n".write(toFile: editor, atomically: true, encoding: .utf8)
            chmod(editor, 0o755)
            let result = try batou(
                deployment, ["secrets", "edit", "local"] + (file.map { [$0] } ?? []), key: key,
                environment: environment.merging(["EDITOR": editor]) { $1 })
            #expect(result.status == 0, "\(result.output)\(result.errors)")
        }

        private func batou(
            _ deployment: ScratchDeployment, _ arguments: [String], key: String, environment: [String: String] = [:]
        ) throws -> Command.Result {
            try Command.run(
                Self.hello, arguments, in: deployment.directory,
                environment: environment.merging(["BATOU_AGE_IDENTITIES": key]) { $1 })
        }

        private func contents(_ deployment: ScratchDeployment, _ files: [String]) -> [Data?] {
            files.map { FileManager.default.contents(atPath: deployment.directory + "/environments/local/" + $0) }
        }

        @Test func summaryListsTheMembersAndSecretFilesOfEveryEnvironment() throws {
            let (deployment, key, recipient) = try deployment()
            let summary = try batou(deployment, ["secrets", "summary"], key: key)
            #expect(summary.status == 0, "\(summary.errors)")
            #expect(
                summary.output
                    == "local\n\t members\n\t\t- \(recipient)\n\t secret files\n\t\t- db\n\nplain\n\tNo secrets found.\n"
            )
        }

        @Test func addAndRemoveEncryptEveryFileOfTheEnvironmentsToTheMembers() throws {
            let (deployment, key, _) = try deployment()
            let (otherKey, other) = try newKey(deployment, "other.txt")
            let files = ["secrets.cfg.age", "secret-db.age"]
            func otherCanDecrypt(_ file: String) throws -> Bool {
                try Command.run(
                    "/usr/bin/age", ["-d", "-i", otherKey, deployment.directory + "/environments/local/" + file]
                ).status == 0
            }
            let add = try batou(deployment, ["secrets", "add", other, "--environments", "local"], key: key)
            #expect(add.status == 0, "\(add.errors)")
            #expect(add.output.contains("WARNING: The age encryption public-key metadata file has changed!"))
            #expect(try files.allSatisfy(otherCanDecrypt))
            let summary = try batou(deployment, ["secrets", "summary"], key: otherKey)
            #expect(summary.output.contains("\t\t- \(other)\n\t secret files\n"))

            let remove = try batou(deployment, ["secrets", "remove", other], key: key)
            #expect(remove.status == 0, "\(remove.errors)")
            #expect(remove.output.contains("Skipping environment plain: it has no secrets.\n"))
            #expect(try !files.contains(where: otherCanDecrypt))

            let unknown = try batou(
                deployment, ["secrets", "add", other, "--environments", "local,nope,gone"], key: key)
            #expect(unknown.status == 1)
            #expect(
                unknown.errors == "ERROR: Unknown environment(s): nope, gone. The environments are: local, plain.\n")
        }

        @Test func reencryptRewritesFilesOnlyWhenTheKeysChangedUnlessForced() throws {
            let (deployment, key, _) = try deployment()
            let files = ["secrets.cfg.age", "secret-db.age"]
            let original = contents(deployment, files)
            let unchanged = try batou(deployment, ["secrets", "reencrypt"], key: key)
            #expect(unchanged.status == 0, "\(unchanged.errors)")
            #expect(
                unchanged.output
                    == "Re-encrypting environments ['local', 'plain']\nSkipping environment plain: it has no secrets.\n"
            )
            #expect(contents(deployment, files) == original)
            let forced = try batou(deployment, ["secrets", "reencrypt", "--environments", "local", "-f"], key: key)
            #expect(forced.output == "Re-encrypting environments ['local']\n")
            #expect(zip(original, contents(deployment, files)).allSatisfy { $0 != $1 })
        }

        @Test func editsAndPrintsAgeDiffableSecrets() throws {
            let (deployment, key, recipient) = try deployment()
            try edit(
                deployment,
                "[batou]\nmembers = \(recipient)\nsecret_provider = age-diffable\n[component:hello]\ngreeting = Moin\n",
                key: key)
            let printed = try batou(
                deployment, ["secrets", "decrypttostdout", "environments/local/secrets.cfg.age-diffable"], key: key)
            #expect(
                printed.output
                    == "[batou]\nmembers = \(recipient)\nsecret_provider = age-diffable\n[component:hello]\ngreeting = Moin\n"
            )
            #expect(contents(deployment, ["secrets.cfg.age"]) == [nil])
            let deploy = try batou(deployment, ["deploy", "local"], key: key)
            #expect(deploy.status == 0, "\(deploy.output)")
            #expect(try String(contentsOfFile: deployment.directory + "/work/hello/hello", encoding: .utf8) == "Moin\n")
        }

        @Test(.enabled(if: gpg, "Needs gpg (Debian package gnupg)."))
        func movesTheSecretsToGPGAndDeploysWithTheUsersKeyring() throws {
            let (deployment, key, _) = try deployment()
            let home = deployment.directory + "/gnupg"
            try FileManager.default.createDirectory(
                atPath: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let gnupg = ["GNUPGHOME": home]
            defer { _ = try? Command.run("/usr/bin/gpgconf", ["--kill", "all"], environment: gnupg) }
            let generated = try Command.run(
                "/usr/bin/gpg",
                [
                    "--batch", "--passphrase", "", "--quick-generate-key", "Alice <alice@example.com>",
                    "future-default", "default", "never",
                ],
                environment: gnupg)
            #expect(generated.status == 0, "\(generated.errors)")

            let cleartext =
                "[batou]\nmembers = alice@example.com\nsecret_provider = gpg\n[component:hello]\ngreeting = Moin\n"
            try edit(deployment, cleartext, key: key, environment: gnupg)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: deployment.directory + "/environments/local")
                    .sorted()
                    == ["age_keys.txt", "environment.cfg", "secret-db.gpg", "secrets.cfg.gpg"])
            let printed = try batou(
                deployment, ["secrets", "decrypttostdout", "environments/local/secrets.cfg.gpg"], key: "",
                environment: gnupg)
            #expect(printed.output == cleartext)
            let summary = try batou(deployment, ["secrets", "summary"], key: "", environment: gnupg)
            #expect(
                summary.output.hasPrefix("local\n\t members\n\t\t- alice@example.com\n\t secret files\n\t\t- db\n\n"))
            let deploy = try batou(deployment, ["deploy", "local"], key: "", environment: gnupg)
            #expect(deploy.status == 0, "\(deploy.output)")
            #expect(try String(contentsOfFile: deployment.directory + "/work/hello/hello", encoding: .utf8) == "Moin\n")
        }

        @Test func namesTheMissingGPGProgramAndTheUnknownFile() throws {
            let deployment = try ScratchDeployment(environment: SecretsTests.local)
            try "-----BEGIN PGP MESSAGE-----\n".write(
                toFile: deployment.directory + "/environments/local/secrets.cfg.gpg", atomically: true, encoding: .utf8)
            let missing = try batou(
                deployment, ["secrets", "decrypttostdout", "environments/local/secrets.cfg.gpg"], key: "",
                environment: ["PATH": "/nonexistent"])
            #expect(missing.status == 1)
            #expect(
                missing.errors
                    == "ERROR: environments/local/secrets.cfg.gpg is encrypted with GPG, but neither `gpg` nor `gpg2` can "
                    + "be run. Install GnuPG (on Debian: apt-get install gnupg) and import your key.\n")
            let unknown = try batou(
                deployment, ["secrets", "decrypttostdout", "environments/local/environment.cfg"], key: "")
            #expect(
                unknown.errors
                    == "ERROR: environments/local/environment.cfg is not a secrets file batou knows: its name must end in "
                    + ".age, .age-diffable or .gpg.\n")
        }
    }
}

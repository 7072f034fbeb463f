import Foundation
import Testing

extension ExampleTests {
    /// `secrets edit` and `secrets decrypttostdout` with the age program's keys.
    @Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/age"), "Needs the age program."))
    struct SecretsEditTests {
        static let hello = HelloExampleTests.binary

        @Test func editRoundTripsTheSecretsAndRetriesUntilTheyAreValid() throws {
            let deployment = try ScratchDeployment(environment: SecretsTests.local)
            let key = deployment.directory + "/key.txt"
            #expect(try Command.run("/usr/bin/age-keygen", ["-o", key]).status == 0)
            let recipient = try Command.run("/usr/bin/age-keygen", ["-y", key]).output
                .trimmingCharacters(in: .whitespacesAndNewlines)
            // The editor writes a member nobody can use first, then valid secrets.
            let editor = deployment.directory + "/editor.sh"
            let script = [
                "#!/bin/sh",
                "if [ -f \"$0.ran\" ]; then",
                "    printf '[batou]\\nmembers = \(recipient)\\n[component:hello]\\ngreeting = Edited\\n' > \"$1\"",
                "else",
                "    touch \"$0.ran\"",
                "    printf '[batou]\\nmembers = nobody\\n' > \"$1\"",
                "fi",
            ].joined(separator: "\n")
            try script.write(toFile: editor, atomically: true, encoding: .utf8)
            chmod(editor, 0o755)
            let settings = ["BATOU_AGE_IDENTITIES": key, "EDITOR": editor]
            let edit = try Command.run(Self.hello, ["secrets", "edit", "local"], in: deployment.directory, environment: settings)
            #expect(edit.status == 0, "\(edit.output)\(edit.errors)")
            #expect(edit.output.contains("An error occurred: The member 'nobody' is not an age recipient"))

            let cleartext = try Command.run(
                Self.hello, ["secrets", "decrypttostdout", "environments/local/secrets.cfg.age"],
                in: deployment.directory, environment: settings)
            // batou adds the provider it encrypted with.
            #expect(
                cleartext.output
                    == "[batou]\nmembers = \(recipient)\nsecret_provider = age\n[component:hello]\ngreeting = Edited\n")
            #expect(edit.output.contains("Setting secret provider to age.\nChanging secret provider from none to age.\n"))
            let deploy = try Command.run(Self.hello, ["deploy", "local"], in: deployment.directory, environment: settings)
            #expect(deploy.status == 0)
            #expect(try String(contentsOfFile: deployment.directory + "/work/hello/hello", encoding: .utf8) == "Edited\n")

            let unchanged = try Command.run(
                Self.hello, ["secrets", "edit", "local"], in: deployment.directory,
                environment: ["BATOU_AGE_IDENTITIES": key, "EDITOR": "true"])
            #expect(unchanged.output == "No changes from original cleartext. Not updating.\n")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
                .filter { $0.hasPrefix("batou-secrets-") }
            #expect(leftovers.isEmpty)
        }
    }
}

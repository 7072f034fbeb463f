import Foundation
import Testing

@testable import BatouSecrets

/// `secrets.cfg.age-diffable`: batou's main secrets file with each value encrypted on its own.
@Suite struct AgeDiffableTests {
    private func cleartext(_ deployment: TestDeployment, greeting: String = "Moin") -> String {
        """
        [batou]
        members = \(deployment.recipient)
        secret_provider = age-diffable

        # Greetings for the hello component.
        [component:hello]
        greeting = \(greeting)
        lines =
            first

            second
        empty =

        [host:localhost]
        data-alias = foo

        """
    }

    @Test func readsAFileThatBatouWrote() throws {
        let deployment = try TestDeployment(identity: try AgeIdentity(parsing: BatouWrittenFixture.identity))
        try BatouWrittenFixture.ageDiffable.write(
            toFile: deployment.scratch.path("environments/test/secrets.cfg.age-diffable"), atomically: true,
            encoding: .utf8)
        let secrets = try EnvironmentSecrets.load(environment: "test", in: deployment.directory, keys: deployment.keys)
        #expect(secrets.file == "environments/test/secrets.cfg.age-diffable")
        #expect(secrets.members == [BatouWrittenFixture.recipient])
        let hello = try #require(secrets.componentSections.first { $0.name == "hello" })
        #expect(hello.overrides.map(\.key) == ["greeting", "lines", "empty"])
        #expect(hello.overrides.map(\.value) == ["Moin from batou", "\nfirst\nsecond", ""])
        #expect(secrets.hostSections.first?["data-alias"]?.value == "foo")

        let shown = try SecretsFile(path: "environments/test/secrets.cfg.age-diffable", in: deployment.directory)
            .decrypt(with: deployment.keys)
        #expect(shown.contains("# Greetings for the hello component.\n[component:hello]\ngreeting = Moin from batou\n"))
        #expect(shown.contains("lines =\n    first\n    second\nempty =\n"))
    }

    @Test func roundTripsEveryValueAndKeepsTheBatouSectionInCleartext() throws {
        let deployment = try TestDeployment()
        try deployment.create(cleartext(deployment))
        let onDisk = try #require(deployment.text("environments/test/secrets.cfg.age-diffable"))
        #expect(
            onDisk.hasPrefix(
                "[batou]\nmembers = \(deployment.recipient)\nsecret_provider = age-diffable\n\n# Greetings"))
        #expect(!onDisk.contains("Moin") && !onDisk.contains("first") && !onDisk.contains("foo"))
        #expect(onDisk.contains("\nempty =\n"))
        let shown = try SecretsFile(path: "environments/test/secrets.cfg.age-diffable", in: deployment.directory)
            .decrypt(with: deployment.keys)
        #expect(shown == cleartext(deployment))
    }

    @Test func keepsTheCiphertextOfValuesThatDidNotChange() throws {
        let deployment = try TestDeployment()
        try deployment.create(cleartext(deployment))
        let before = try #require(deployment.text("environments/test/secrets.cfg.age-diffable")).split(separator: "\n")
        try deployment.update { update throws(SecretsError) in
            try update.writeMain(cleartext(deployment, greeting: "Servus"))
        }
        let after = try #require(deployment.text("environments/test/secrets.cfg.age-diffable")).split(separator: "\n")
        let changed = zip(before, after).filter { $0 != $1 }.map { $0.1.prefix { $0 != " " } }
        #expect(changed == ["greeting"])

        try deployment.update { update throws(SecretsError) in
            try update.writeMain(try update.mainCleartext(), reencrypt: true)
        }
        let reencrypted = try #require(deployment.text("environments/test/secrets.cfg.age-diffable")).split(
            separator: "\n")
        #expect(
            zip(after, reencrypted).filter { $0 != $1 }.map { $0.1.prefix { $0 != " " } } == [
                "greeting", "lines", "data-alias",
            ])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/age"), "Needs the age program."))
    func eachValueIsAnAgeFileThatAgeDecrypts() throws {
        let deployment = try TestDeployment()
        try deployment.create(cleartext(deployment))
        let onDisk = try #require(deployment.text("environments/test/secrets.cfg.age-diffable"))
        let line = try #require(onDisk.split(separator: "\n").first { $0.hasPrefix("greeting = ") })
        try Data(base64Encoded: String(line.dropFirst("greeting = ".count)))?.write(
            to: deployment.scratch.url("value.age"))
        let result = try Program.run(
            "/usr/bin/age", ["-d", "-i", deployment.scratch.path("key.txt"), deployment.scratch.path("value.age")])
        #expect(String(decoding: result.output, as: UTF8.self) == "Moin")
    }

    @Test func namesTheValueThatDoesNotDecrypt() throws {
        let deployment = try TestDeployment()
        try deployment.create(cleartext(deployment))
        let path = deployment.scratch.path("environments/test/secrets.cfg.age-diffable")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "data-alias = YWdl", with: "data-alias = !!!").write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(
            throws: SecretsError(
                "Cannot decrypt environments/test/secrets.cfg.age-diffable:12: [host:localhost] data-alias: the value is "
                    + "not base64-encoded age. Restore the file, for example from version control.")
        ) {
            try EnvironmentSecrets.load(environment: "test", in: deployment.directory, keys: deployment.keys)
        }
        let other = DecryptionKeys(identityPaths: [deployment.scratch.path("other.txt")])
        try deployment.scratch.write(try #require(AgeIdentity.generate().secretKeyText) + "\n", to: "other.txt")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(
            throws: SecretsError(
                "Cannot decrypt environments/test/secrets.cfg.age-diffable:7: [component:hello] greeting: None of the "
                    + "identities can decrypt this file; it was encrypted to other recipients.")
        ) {
            try EnvironmentSecrets.load(environment: "test", in: deployment.directory, keys: other)
        }
    }
}

import Foundation
import Testing

@testable import BatouSecrets

/// Writing an environment's secrets the way batou's `write_config` and `write_file` do.
@Suite struct SecretsUpdateTests {
    @Test func createsTheSecretsOfANewEnvironmentAndRecordsTheKeys() throws {
        let deployment = try TestDeployment()
        try deployment.update { update throws(SecretsError) in
            #expect(try update.mainCleartext() == "[batou]\nsecret_provider = age\nmembers =\n")
            try update.writeMain("[batou]\nmembers = \(deployment.recipient)\n[component:hello]\ngreeting = Moin\n")
        }
        #expect(
            deployment.reports == [
                "Setting secret provider to age.",
                "Changing secret provider from none to age.",
                "WARNING: The age encryption public-key metadata file does not exist!\n"
                    + "This is not a problem if you are setting up the environment for the first time.\n"
                    + "Please make sure that the new keys are correct and check the file in once you are done.",
                "Secret provider changed from none to age.",
            ])
        #expect(try deployment.files() == ["age_keys.txt", "environment.cfg", "secrets.cfg.age"])
        #expect(
            deployment.text("environments/test/age_keys.txt") == AgeRecipients.keysFileHeader
                + "# plain age public key\n\(deployment.recipient)\n")
        let secrets = try EnvironmentSecrets.load(environment: "test", in: deployment.directory, keys: deployment.keys)
        #expect(secrets.members == [deployment.recipient])
        #expect(secrets.componentSections.first?.overrides.first?.value == "Moin")
        let cleartext = try SecretsFile(path: "environments/test/secrets.cfg.age", in: deployment.directory)
            .decrypt(with: deployment.keys)
        #expect(
            cleartext
                == "[batou]\nmembers = \(deployment.recipient)\nsecret_provider = age\n[component:hello]\ngreeting = Moin\n"
        )
    }

    @Test func addingAMemberEncryptsEveryFileToItAndRemovingItAgainLocksItOut() throws {
        let deployment = try TestDeployment()
        try deployment.create("[batou]\nmembers = \(deployment.recipient)\n", files: ["db.yaml": "password: x\n"])
        let other = AgeIdentity.generate()
        try deployment.update { update throws(SecretsError) in
            try update.changeMembers { $0 + [other.recipient.description] }
        }
        #expect(
            deployment.reports.first?.hasPrefix("WARNING: The age encryption public-key metadata file has changed!")
                == true)
        let cleartext = try SecretsFile(path: "environments/test/secrets.cfg.age", in: deployment.directory)
            .decrypt(with: deployment.keys)
        #expect(
            cleartext.hasPrefix(
                "[batou]\nmembers =\n    \(deployment.recipient),\n    \(other.recipient)\nsecret_provider = age\n"))
        for file in ["secrets.cfg.age", "secret-db.yaml.age"] {
            let bytes = try #require(deployment.contents("environments/test/\(file)"))
            #expect(try Age.decrypt(Array(bytes), with: [other]).isEmpty == false)
        }
        try deployment.update { update throws(SecretsError) in
            try update.changeMembers { $0.filter { $0 != other.recipient.description } }
        }
        for file in ["secrets.cfg.age", "secret-db.yaml.age"] {
            let bytes = try #require(deployment.contents("environments/test/\(file)"))
            #expect(throws: AgeError.self) { try Age.decrypt(Array(bytes), with: [other]) }
        }
    }

    @Test func reencryptsOnlyWhenTheKeysChangedUnlessForced() throws {
        let deployment = try TestDeployment()
        try deployment.create("[batou]\nmembers = \(deployment.recipient)\n", files: ["a": "A", "b": "B"])
        let files = ["secrets.cfg.age", "secret-a.age", "secret-b.age"]
        func snapshot() -> [Data?] { files.map { deployment.contents("environments/test/\($0)") } }
        let original = snapshot()
        let reencrypt = { (force: Bool) throws in
            try deployment.update { update throws(SecretsError) in
                try update.writeMain(update.mainCleartext(), reencrypt: force)
            }
        }
        try reencrypt(false)
        #expect(snapshot() == original)
        #expect(deployment.reports.isEmpty)

        try FileManager.default.removeItem(atPath: deployment.scratch.path("environments/test/age_keys.txt"))
        try reencrypt(false)
        let afterKeysChanged = snapshot()
        #expect(zip(original, afterKeysChanged).allSatisfy { $0 != $1 })
        try reencrypt(false)
        #expect(snapshot() == afterKeysChanged)
        try reencrypt(true)
        #expect(zip(afterKeysChanged, snapshot()).allSatisfy { $0 != $1 })
    }

    @Test func movesTheSecretsToTheProviderTheCleartextNames() throws {
        let deployment = try TestDeployment()
        try deployment.create(
            "[batou]\nmembers = \(deployment.recipient)\n[component:hello]\ngreeting = Moin\n", files: ["a": "A"])
        let secretFile = deployment.contents("environments/test/secret-a.age")
        try deployment.update { update throws(SecretsError) in
            try update.writeMain(update.mainCleartext().replacingOccurrences(of: "= age\n", with: "= age-diffable\n"))
        }
        #expect(
            deployment.reports == [
                "Changing secret provider from age to age-diffable.",
                "Secret provider changed from age to age-diffable.",
            ])
        #expect(
            try deployment.files() == ["age_keys.txt", "environment.cfg", "secret-a.age", "secrets.cfg.age-diffable"])
        #expect(deployment.contents("environments/test/secret-a.age") == secretFile)
        let secrets = try EnvironmentSecrets.load(environment: "test", in: deployment.directory, keys: deployment.keys)
        #expect(secrets.componentSections.first?.overrides.first?.value == "Moin")
        #expect(secrets.secretFiles == ["a": "A"])
    }

    @Test func leavesTheFilesAsTheyWereWhenTheMembersCannotBeUsed() throws {
        let deployment = try TestDeployment()
        try deployment.create("[batou]\nmembers = \(deployment.recipient)\n", files: ["a": "A"])
        let before = try deployment.files().map { deployment.contents("environments/test/\($0)") }
        #expect(throws: SecretsError.self) {
            try deployment.update { update throws(SecretsError) in try update.writeMain("[batou]\nmembers = nobody\n") }
        }
        #expect(throws: SecretsError("Please add at least one recipient to [batou] members in the secrets file.")) {
            try deployment.update { update throws(SecretsError) in try update.writeMain("[batou]\nmembers =\n") }
        }
        #expect(
            throws: SecretsError(
                "environments/test/secrets.cfg.age: secret_provider = rot13 in [batou] is not a secret provider batou "
                    + "knows; use age, age-diffable, gpg.")
        ) {
            try deployment.update { update throws(SecretsError) in
                try update.writeMain("[batou]\nmembers = \(deployment.recipient)\nsecret_provider = rot13\n")
            }
        }
        #expect(try deployment.files().map { deployment.contents("environments/test/\($0)") } == before)
        #expect(try deployment.files() == ["age_keys.txt", "environment.cfg", "secret-a.age", "secrets.cfg.age"])
    }

    @Test func reportsAWrongKeyAMissingKeyAndADamagedFileWithTheFile() throws {
        let deployment = try TestDeployment()
        try deployment.create(
            "[batou]\nmembers = \(deployment.recipient)\n[component:hello]\ngreeting = \(String(repeating: "x", count: 70_000))\n"
        )
        try deployment.scratch.write(try #require(AgeIdentity.generate().secretKeyText) + "\n", to: "other.txt")
        let load = { (keys: DecryptionKeys) throws in
            try EnvironmentSecrets.load(environment: "test", in: deployment.directory, keys: keys)
        }
        #expect(
            throws: SecretsError(
                "Cannot decrypt environments/test/secrets.cfg.age: None of the identities can decrypt this file; it was "
                    + "encrypted to other recipients.")
        ) { try load(DecryptionKeys(identityPaths: [deployment.scratch.path("other.txt")])) }
        #expect(
            throws: SecretsError(
                "No age identity to decrypt the secrets with. Set BATOU_AGE_IDENTITIES to your age identity files "
                    + "or SSH private keys, separated by commas, or keep your SSH key in ~/.ssh/id_ed25519 or "
                    + "~/.ssh/id_rsa.")
        ) { try load(DecryptionKeys(identityPaths: [])) }

        let path = deployment.scratch.path("environments/test/secrets.cfg.age")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.dropLast(100).write(to: URL(fileURLWithPath: path))
        #expect(
            throws: SecretsError(
                "Cannot decrypt environments/test/secrets.cfg.age: The file is damaged or truncated: chunk 2 does not decrypt."
            )
        ) { try load(deployment.keys) }
    }
}

import Foundation
import Testing

@testable import BatouSecrets

/// batou's rules for the identities that decrypt secrets and the members they are encrypted to.
@Suite struct SecretsIdentityTests {
    static let text = "[batou]\nmembers = alice\n\n[component:hello]\nword = secret\n"

    @Test func usesTheFilesNamedInBatouAgeIdentities() {
        let environment = ["BATOU_AGE_IDENTITIES": "keys.txt, ~/.ssh/work,, /etc/key", "HOME": "/home/alice"]
        #expect(DecryptionKeys.identityPaths(in: environment) == ["keys.txt", "/home/alice/.ssh/work", "/etc/key"])
    }

    @Test func fallsBackToTheUsualSSHKeysInBatousOrder() throws {
        let home = try Scratch()
        try FileManager.default.createDirectory(at: home.url(".ssh"), withIntermediateDirectories: true)
        for name in ["id_ed25519", "id_rsa", "id_ecdsa", "config"] {
            try home.write("", to: ".ssh/" + name)
        }
        #expect(
            DecryptionKeys.identityPaths(in: ["HOME": home.root.path]) == [
                home.path(".ssh/id_rsa"), home.path(".ssh/id_ecdsa"), home.path(".ssh/id_ed25519"),
            ])
        #expect(DecryptionKeys.identityPaths(in: ["HOME": home.path("nowhere")]) == [])
    }

    @Test func saysWhereToPutIdentitiesWhenThereAreNone() throws {
        let error = try #require(throws: SecretsError.self) { try Identities(reading: []) }
        #expect(error.description.contains("Set BATOU_AGE_IDENTITIES"))
    }

    @Test func refusesKeyListsOverHTTPAndUnknownMembers() throws {
        let http = try #require(throws: SecretsError.self) {
            try AgeRecipients(members: ["http://example.com/alice.keys"])
        }
        #expect(
            http.messages == [
                "The member 'http://example.com/alice.keys' is a key list to download over http, which anyone on "
                    + "the way could change; batou downloads keys only over https."
            ])
        let unknown = try #require(throws: SecretsError.self) { try AgeRecipients(members: ["alice@example.com"]) }
        #expect(
            unknown.messages == [
                "The member 'alice@example.com' is not an age recipient (age1…) or an SSH public key (ssh-ed25519, "
                    + "ssh-rsa). GPG keys as members need secret_provider = gpg in [batou]."
            ])
    }

    @Test(.enabled(if: SSHKeygen.isAvailable, "Needs the age and ssh-keygen programs."))
    func recordsSSHAndAgeMembersInAgeKeysAsBatouDoes() throws {
        let directory = try Scratch()
        let ssh = try directory.read(try SSHKeygen.make(.ed25519, in: directory) + ".pub").trimmingCharacters(in: .whitespacesAndNewlines)
        let age = AgeIdentity.generate().recipient.description
        let recipients = try AgeRecipients(members: ["  \(ssh)", age])
        #expect(recipients.recipients.count == 2)
        #expect(
            recipients.keysFileText
                == AgeRecipients.keysFileHeader + "# plain ssh public key\n\(ssh)\n# plain age public key\n\(age)\n")
    }

    @Test(.enabled(if: SSHKeygen.isAvailable, "Needs the age and ssh-keygen programs."))
    func encryptsToSSHMembersAndDecryptsWithTheirKeys() throws {
        let directory = try Scratch()
        let ed25519 = try SSHKeygen.make(.ed25519, in: directory)
        let rsa = try SSHKeygen.make(.rsa, in: directory)
        let members = try [ed25519, rsa].map { try directory.read($0 + ".pub").trimmingCharacters(in: .whitespacesAndNewlines) }
        let path = try directory.encryptSecrets(Self.text, to: members)
        for key in [ed25519, rsa] {
            #expect(try SecretsFile(path: path).decrypt(with: DecryptionKeys(identityPaths: [directory.path(key)])) == Self.text)
            let result = try Program.run("/usr/bin/age", ["-d", "-i", directory.path(key), path])
            #expect(String(decoding: result.output, as: UTF8.self) == Self.text, "\(result.errors)")
        }
    }

    @Test(.enabled(if: SSHKeygen.isAvailable, "Needs the age and ssh-keygen programs."))
    func passesOverKeysAgeCannotUseAndSaysWhyWhenNoneIsLeft() throws {
        let directory = try Scratch()
        let ecdsa = directory.path(try SSHKeygen.make(.ecdsa, in: directory))
        let ed25519 = directory.path(try SSHKeygen.make(.ed25519, in: directory))
        let path = try directory.encryptSecrets(Self.text, to: [try String(contentsOfFile: ed25519 + ".pub", encoding: .utf8)])
        let file = try SecretsFile(path: path)
        #expect(try file.decrypt(with: DecryptionKeys(identityPaths: [ecdsa, ed25519])) == Self.text)
        let error = try #require(throws: SecretsError.self) {
            try file.decrypt(with: DecryptionKeys(identityPaths: [ecdsa, directory.path("missing")]))
        }
        #expect(
            error.messages == [
                "No age identity to decrypt the secrets with:",
                "The SSH key \(ecdsa): ecdsa-sha2-nistp256 keys cannot be used with age; use an ssh-ed25519 or "
                    + "ssh-rsa key.",
                "Cannot read the identity file \(directory.path("missing")).",
            ])
    }

    @Test(.enabled(if: SSHKeygen.isAvailable, "Needs the age and ssh-keygen programs."))
    func namesTheIdentitiesPassedOverWhenNoneDecrypts() throws {
        let directory = try Scratch()
        let ecdsa = directory.path(try SSHKeygen.make(.ecdsa, in: directory))
        let stranger = directory.path(try SSHKeygen.make(.ed25519, in: directory))
        let member = try directory.read(try SSHKeygen.make(.ed25519, in: directory) + ".pub")
        let path = try directory.encryptSecrets(Self.text, to: [member])
        let error = try #require(throws: SecretsError.self) {
            try SecretsFile(path: path).decrypt(with: DecryptionKeys(identityPaths: [stranger, ecdsa]))
        }
        #expect(
            error.messages == [
                "Cannot decrypt \(path): None of the identities can decrypt this file; it was encrypted to other "
                    + "recipients.",
                "The SSH key \(ecdsa): ecdsa-sha2-nistp256 keys cannot be used with age; use an ssh-ed25519 or "
                    + "ssh-rsa key.",
            ])
    }
}

/// The tests that set variables of the process's environment (`BATOU_AGE_IDENTITY_PASSPHRASE`,
/// `PATH`, `CURL_CA_BUNDLE`), one at a time: only what they test reads these, but they must not
/// overlap each other.
@Suite(.serialized) struct ProcessEnvironmentTests {
    private static let passphrase = "correct horse"

    /// A file encrypted to a new ed25519 key protected by ``passphrase``, and that key.
    private func lockedKeySecrets(in directory: Scratch) throws -> (file: SecretsFile, key: String) {
        let key = try SSHKeygen.make(.ed25519, passphrase: Self.passphrase, in: directory)
        let path = try directory.encryptSecrets(SecretsIdentityTests.text, to: [try directory.read(key + ".pub")])
        return (try SecretsFile(path: path), directory.path(key))
    }

    @Test(.enabled(if: SSHKeygen.isAvailable, "Needs the age and ssh-keygen programs."))
    func takesThePassphraseFromBatouAgeIdentityPassphrase() throws {
        let directory = try Scratch()
        let (file, key) = try lockedKeySecrets(in: directory)
        defer { unsetenv(IdentityPassphrase.variable) }
        setenv(IdentityPassphrase.variable, Self.passphrase, 1)
        #expect(try file.decrypt(with: DecryptionKeys(identityPaths: [key])) == SecretsIdentityTests.text)
        setenv(IdentityPassphrase.variable, "battery staple", 1)
        let error = try #require(throws: SecretsError.self) { try file.decrypt(with: DecryptionKeys(identityPaths: [key])) }
        #expect(error.messages == ["Cannot decrypt \(file.path): The passphrase for the SSH key \(key) is wrong."])
    }

    /// 1Password's `op` is not packaged for Debian; a script that answers `op read` as it does
    /// (the secret and a line break on success, a message and status 1 otherwise) stands in.
    @Test(.enabled(if: SSHKeygen.isAvailable, "Needs the age and ssh-keygen programs."))
    func readsAOnePasswordReferenceWithOpRead() throws {
        let directory = try Scratch()
        let (file, key) = try lockedKeySecrets(in: directory)
        try FileManager.default.createDirectory(at: directory.url("bin"), withIntermediateDirectories: true)
        try directory.write(
            """
            #!/bin/sh
            if [ "$1 $2" = "read op://Private/deploy key/password" ]; then echo '\(Self.passphrase)'; exit 0; fi
            echo "[ERROR] 2026/12/03 10:00:00 could not read secret '$2': no item matched" >&2
            exit 1

            """, to: "bin/op")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path("bin/op"))
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        defer {
            setenv("PATH", path, 1)
            unsetenv(IdentityPassphrase.variable)
        }
        setenv("PATH", directory.path("bin") + ":" + path, 1)

        setenv(IdentityPassphrase.variable, "op://Private/deploy key/password", 1)
        #expect(try file.decrypt(with: DecryptionKeys(identityPaths: [key])) == SecretsIdentityTests.text)

        setenv(IdentityPassphrase.variable, "op://Private/other/password", 1)
        let error = try #require(throws: SecretsError.self) { try file.decrypt(with: DecryptionKeys(identityPaths: [key])) }
        #expect(
            error.messages == [
                "Cannot decrypt \(file.path): \(IdentityPassphrase.variable) refers to 1Password "
                    + "(op://Private/other/password) for the passphrase of \(key), but `op read` failed: [ERROR] "
                    + "2026/12/03 10:00:00 could not read secret 'op://Private/other/password': no item matched. "
                    + "Sign in with `op signin` and check the reference."
            ])
    }
}

extension Scratch {
    /// Writes `text` encrypted to `members` as `secrets.cfg.age`, as batou would; its path.
    func encryptSecrets(_ text: String, to members: [String]) throws -> String {
        let file = try SecretsFile(path: path("secrets.cfg.age"))
        try Data(file.encrypt(text, to: .age(AgeRecipients(members: members)))).write(to: url("secrets.cfg.age"))
        return file.path
    }
}

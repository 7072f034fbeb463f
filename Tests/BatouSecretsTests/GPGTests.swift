import Foundation
import Testing

@testable import BatouSecrets

/// Secrets encrypted with GPG through the `gpg` program, in a keyring the tests make. One test
/// at a time: gpg finds the keyring through `GNUPGHOME`, which the whole process shares.
@Suite(.serialized, .enabled(if: TestKeyring.gpg != nil, "Needs gpg (Debian package gnupg)."))
struct GPGTests {
    @Test func gpgDecryptsWhatWeEncryptAndWeDecryptWhatGPGEncrypts() throws {
        let keyring = try TestKeyring()
        try keyring.generateKey("Alice <alice@example.com>")
        let deployment = try TestDeployment()
        let cleartext =
            "[batou]\nmembers = alice@example.com\nsecret_provider = gpg\n[component:hello]\ngreeting = Moin\n"
        try deployment.create(cleartext, files: ["db.yaml": "password: geheim\n"])
        #expect(try deployment.files() == ["environment.cfg", "secret-db.yaml.gpg", "secrets.cfg.gpg"])
        let main = try #require(deployment.contents("environments/test/secrets.cfg.gpg"))
        #expect(try keyring.run(["--decrypt"], input: main) == Data(cleartext.utf8))

        let encrypted = try keyring.run(
            ["--batch", "--encrypt", "--recipient", "alice@example.com"], input: Data("token\n".utf8))
        try encrypted.write(to: deployment.scratch.url("environments/test/secret-token.gpg"))
        // No age identity is needed for GPG secrets.
        let secrets = try EnvironmentSecrets.load(
            environment: "test", in: deployment.directory, keys: DecryptionKeys(identityPaths: []))
        #expect(secrets.members == ["alice@example.com"])
        #expect(secrets.componentSections.first?.overrides.first?.value == "Moin")
        #expect(secrets.secretFiles == ["db.yaml": "password: geheim\n", "token": "token\n"])
    }

    @Test func encryptsToEveryMemberAndAgainOnlyWhenTheKeysChanged() throws {
        let keyring = try TestKeyring()
        let alice = try keyring.generateKey("Alice <alice@example.com>")
        let bob = try keyring.generateKey("Bob <bob@example.com>")
        let deployment = try TestDeployment()
        try deployment.create("[batou]\nsecret_provider = gpg\nmembers = alice@example.com\n", files: ["a": "A"])
        let files = ["secrets.cfg.gpg", "secret-a.gpg"]
        func snapshot() -> [Data?] { files.map { deployment.contents("environments/test/\($0)") } }
        let reencrypt = { (force: Bool) throws in
            try deployment.update { update throws(SecretsError) in
                try update.writeMain(update.mainCleartext(), reencrypt: force)
            }
        }
        let original = snapshot()
        try reencrypt(false)
        #expect(snapshot() == original)

        try deployment.update { update throws(SecretsError) in try update.changeMembers { $0 + [bob] } }
        for file in snapshot() {
            #expect(try keyring.encryptionKeys(of: #require(file)) == keyring.encryptionKeys(of: [alice, bob]))
        }
        let twoMembers = snapshot()
        try reencrypt(false)
        #expect(snapshot() == twoMembers)
        try reencrypt(true)
        #expect(zip(twoMembers, snapshot()).allSatisfy { $0 != $1 })
    }

    @Test func namesTheMemberWithoutAPublicKeyAndWritesNothing() throws {
        let keyring = try TestKeyring()
        try keyring.generateKey("Alice <alice@example.com>")
        let deployment = try TestDeployment()
        try deployment.create("[batou]\nsecret_provider = gpg\nmembers = alice@example.com\n")
        let before = deployment.contents("environments/test/secrets.cfg.gpg")
        #expect(
            throws: SecretsError(
                "Cannot encrypt environments/test/secrets.cfg.gpg with GPG: your keyring has no public key for the member "
                    + "'nobody'; import it (gpg --import) or correct [batou] members. Nothing was written.")
        ) {
            try deployment.update { update throws(SecretsError) in try update.changeMembers { $0 + ["nobody"] } }
        }
        #expect(deployment.contents("environments/test/secrets.cfg.gpg") == before)
        #expect(try deployment.files() == ["environment.cfg", "secrets.cfg.gpg"])
    }

    @Test func saysWhenNoneOfYourSecretKeysFits() throws {
        let keyring = try TestKeyring()
        let carol = try keyring.generateKey("Carol <carol@example.com>")
        let deployment = try TestDeployment()
        try deployment.create("[batou]\nsecret_provider = gpg\nmembers = carol@example.com\n")
        try keyring.deleteSecretKey(carol)
        let keyID = try #require(keyring.encryptionKeys(of: [carol]).first)
        #expect(
            throws: SecretsError(
                "Cannot decrypt environments/test/secrets.cfg.gpg: it is encrypted to the GPG keys \(keyID), and your "
                    + "keyring has the secret key of none of them. Ask a member to add your key (./batou secrets add "
                    + "KEYID), or set GNUPGHOME to the keyring that holds yours.")
        ) {
            try EnvironmentSecrets.load(environment: "test", in: deployment.directory)
        }
    }

    @Test func reportsADamagedOrTruncatedFile() throws {
        let keyring = try TestKeyring()
        try keyring.generateKey("Alice <alice@example.com>")
        let deployment = try TestDeployment()
        try deployment.create("[batou]\nsecret_provider = gpg\nmembers = alice@example.com\n")
        let path = deployment.scratch.url("environments/test/secrets.cfg.gpg")
        let whole = try Data(contentsOf: path)
        for damaged in [whole.prefix(40), whole.dropLast(20), Data("[batou]\n".utf8)] {
            try damaged.write(to: path)
            #expect {
                try EnvironmentSecrets.load(environment: "test", in: deployment.directory)
            } throws: { error in
                "\(error)".hasPrefix(
                    "Cannot decrypt environments/test/secrets.cfg.gpg with GPG: the file is damaged or truncated")
                    && "\(error)".hasSuffix("Restore it, for example from version control.")
            }
        }
    }
}

/// A GnuPG home in a temporary directory that gpg uses (through `GNUPGHOME`) while it lives.
final class TestKeyring {
    static let gpg = ["/usr/bin/gpg", "/usr/local/bin/gpg"].first { FileManager.default.isExecutableFile(atPath: $0) }
    let home: Scratch

    init() throws {
        home = try Scratch()
        chmod(home.root.path, 0o700)
        setenv("GNUPGHOME", home.root.path, 1)
    }

    deinit {
        _ = try? Program.run("/usr/bin/gpgconf", ["--kill", "all"])
        unsetenv("GNUPGHOME")
    }

    /// Makes a key without a passphrase for `user`; returns its fingerprint.
    @discardableResult
    func generateKey(_ user: String) throws -> String {
        _ = try run(["--batch", "--passphrase", "", "--quick-generate-key", user, "future-default", "default", "never"])
        let listed = String(decoding: try run(["--with-colons", "--list-keys", user]), as: UTF8.self)
        let fingerprint = listed.split(separator: "\n").first { $0.hasPrefix("fpr:") }?.split(separator: ":").last
        return try #require(fingerprint.map(String.init))
    }

    func deleteSecretKey(_ fingerprint: String) throws {
        _ = try run(["--batch", "--yes", "--delete-secret-keys", fingerprint])
    }

    /// The ids of the keys `ciphertext` is encrypted to.
    func encryptionKeys(of ciphertext: Data) throws -> Set<String> {
        let listed = String(
            decoding: try run(["--batch", "--list-only", "--list-packets"], input: ciphertext), as: UTF8.self)
        let packets = listed.split(separator: "\n").filter { $0.hasPrefix(":pubkey enc packet:") }
        return Set(packets.compactMap { $0.split(separator: " ").last.map(String.init) })
    }

    /// The ids of the encryption subkeys of the keys with `fingerprints`.
    func encryptionKeys(of fingerprints: [String]) throws -> Set<String> {
        let listed = String(decoding: try run(["--with-colons", "--list-keys"] + fingerprints), as: UTF8.self)
        let records: [[Substring]] = listed.split(separator: "\n").map {
            $0.split(separator: ":", omittingEmptySubsequences: false)
        }
        let subkeys = records.filter { fields in fields.first == "sub" && fields.count > 11 && fields[11].contains("e")
        }
        return Set(subkeys.map { String($0[4]) })
    }

    /// Runs gpg with `input`; returns what it wrote.
    func run(_ arguments: [String], input: Data = Data()) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.gpg))
        process.arguments = arguments
        let (stdin, stdout) = (Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gpg \(arguments.joined(separator: " ")) failed.")
        return output
    }
}

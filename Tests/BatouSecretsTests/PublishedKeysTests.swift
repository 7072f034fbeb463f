import Foundation
import Testing

@testable import BatouSecrets

/// Members given as `https://` key lists, downloaded from a real HTTPS server on loopback.
extension ProcessEnvironmentTests {
    /// A server that trusts its own certificate through `CURL_CA_BUNDLE` while `body` runs.
    private func withKeyServer(_ body: (LoopbackHTTPS) throws -> Void) throws {
        let server = try LoopbackHTTPS()
        defer { unsetenv("CURL_CA_BUNDLE") }
        setenv("CURL_CA_BUNDLE", server.certificate, 1)
        try body(server)
    }

    @Test(.enabled(if: LoopbackHTTPS.isAvailable && SSHKeygen.isAvailable, "Needs python3, openssl, curl, age and ssh-keygen."))
    func encryptsToEverySSHKeyOfAKeyListAndRecordsThem() throws {
        try withKeyServer { server in
            let keys = try Scratch()
            let ed25519 = try SSHKeygen.make(.ed25519, in: keys)
            let rsa = try SSHKeygen.make(.rsa, in: keys)
            let published = try [rsa, ed25519].map { try keys.read($0 + ".pub").trimmingCharacters(in: .whitespacesAndNewlines) }
            try server.files.write(
                published.joined(separator: "\r\n") + "\r\necdsa-sha2-nistp256 AAAAE2Vj ignored\n", to: "alice.keys")
            let member = server.address + "/alice.keys"

            let recipients = try AgeRecipients(members: [member])
            #expect(
                recipients.keysFileText
                    == AgeRecipients.keysFileHeader + "# ssh key file from \(member)\n"
                    + published.sorted().joined(separator: "\n") + "\n")
            let path = try keys.encryptSecrets(SecretsIdentityTests.text, to: [member])
            for key in [ed25519, rsa] {
                let decrypted = try SecretsFile(path: path).decrypt(with: DecryptionKeys(identityPaths: [keys.path(key)]))
                #expect(decrypted == SecretsIdentityTests.text)
            }
        }
    }

    @Test(.enabled(if: LoopbackHTTPS.isAvailable, "Needs python3, openssl and curl."))
    func namesAKeyListThatCannotBeDownloadedOrListsNoKey() throws {
        try withKeyServer { server in
            let missing = server.address + "/bob.keys"
            let notFound = try #require(throws: SecretsError.self) { try AgeRecipients(members: [missing]) }
            #expect(
                notFound.messages == [
                    "Cannot download the keys of the member '\(missing)' (curl: (22) The requested URL returned "
                        + "error: 404). Check the address and the network, or write the member's SSH keys into "
                        + "[batou] members."
                ])

            try server.files.write("no keys here\n", to: "empty.keys")
            let empty = server.address + "/empty.keys"
            let noKeys = try #require(throws: SecretsError.self) { try AgeRecipients(members: [empty]) }
            #expect(
                noKeys.messages == [
                    "The key list '\(empty)' holds no SSH public key (no line starts with ssh-); the member could "
                        + "not decrypt the secrets. Correct the address or remove the member."
                ])
        }
    }

    @Test(.enabled(if: LoopbackHTTPS.isAvailable, "Needs python3, openssl and curl."))
    func refusesAServerItCannotTrust() throws {
        let server = try LoopbackHTTPS()
        try server.files.write("ssh-ed25519 AAAA\n", to: "alice.keys")
        let error = try #require(throws: SecretsError.self) {
            try AgeRecipients(members: [server.address + "/alice.keys"])
        }
        #expect(error.description.hasPrefix("Cannot download the keys of the member '\(server.address)/alice.keys' (curl: (60)"))
    }
}

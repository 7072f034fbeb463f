import Foundation
import Synchronization
import Testing

@testable import BatouSecrets

/// Our age files for SSH keys and the `age` program's are interchangeable, with keys that
/// `ssh-keygen` makes.
@Suite(.enabled(if: SSHKeygen.isAvailable, "Needs the age and ssh-keygen programs."))
struct SSHKeyInteroperabilityTests {
    private let plaintext = Array("[batou]\nmembers = alice\n".utf8)

    @Test(arguments: SSHKeygen.ageKeyTypes)
    func ageDecryptsWhatWeEncryptToSSHKeys(type: SSHKeygen.KeyType) throws {
        let directory = try Scratch()
        let key = try SSHKeygen.make(type, in: directory)
        let recipient = try AgeRecipient(parsing: directory.read(key + ".pub"))
        try Data(Age.encrypt(plaintext, to: [recipient])).write(to: directory.url("file.age"))
        let result = try Program.run("/usr/bin/age", ["-d", "-i", directory.path(key), directory.path("file.age")])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == Data(plaintext))
    }

    @Test(arguments: SSHKeygen.ageKeyTypes)
    func weDecryptWhatAgeEncryptsToSSHKeys(type: SSHKeygen.KeyType) throws {
        let directory = try Scratch()
        let key = try SSHKeygen.make(type, in: directory)
        let file = try ageEncrypted(to: [key + ".pub"], in: directory)
        let identities = try AgeIdentity.identities(inFile: directory.read(key), named: key)
        #expect(try Age.decrypt(file, with: identities) == plaintext)
    }

    @Test(arguments: SSHKeygen.ageKeyTypes, ["aes256-ctr", "aes256-gcm@openssh.com"])
    func weDecryptWithKeysProtectedByAPassphrase(type: SSHKeygen.KeyType, cipher: String) throws {
        let directory = try Scratch()
        let key = try SSHKeygen.make(type, passphrase: "correct horse", cipher: cipher, in: directory)
        let file = try ageEncrypted(to: [key + ".pub"], in: directory)
        let identities = try AgeIdentity.identities(inFile: directory.read(key), named: key) { _ in "correct horse" }
        #expect(try Age.decrypt(file, with: identities) == plaintext)
    }

    @Test func eachRecipientOfAFileDecryptsItWithAge() throws {
        let directory = try Scratch()
        let ed25519 = try SSHKeygen.make(.ed25519, in: directory)
        let rsa = try SSHKeygen.make(.rsa, in: directory)
        let age = AgeIdentity.generate()
        try directory.write(try #require(age.secretKeyText) + "\n", to: "age.txt")
        let recipients = try [directory.read(ed25519 + ".pub"), directory.read(rsa + ".pub"), age.recipient.description]
            .map { text in try AgeRecipient(parsing: text) }
        try Data(Age.encrypt(plaintext, to: recipients)).write(to: directory.url("file.age"))
        for identity in [ed25519, rsa, "age.txt"] {
            let result = try Program.run("/usr/bin/age", ["-d", "-i", directory.path(identity), directory.path("file.age")])
            #expect(result.output == Data(plaintext), "\(identity): \(result.errors)")
        }
    }

    @Test func describesSSHRecipientsAsSSHKeygenWritesThem() throws {
        let directory = try Scratch()
        for type in SSHKeygen.ageKeyTypes {
            let key = try SSHKeygen.make(type, in: directory)
            let publicKey = try directory.read(key + ".pub")
            let identities = try AgeIdentity.identities(inFile: directory.read(key), named: key)
            #expect(identities.map(\.recipient.description) == [publicKey.split(separator: " ").prefix(2).joined(separator: " ")])
        }
    }

    @Test func asksForAPassphraseOnlyWhenTheFileIsForThatKey() throws {
        let directory = try Scratch()
        let locked = try SSHKeygen.make(.rsa, passphrase: "correct horse", in: directory)
        let open = try SSHKeygen.make(.ed25519, in: directory)
        let file = try ageEncrypted(to: [open + ".pub"], in: directory)
        let asked = Counter()
        let identities = try [locked, open].flatMap { key in
            try AgeIdentity.identities(inFile: directory.read(key), named: key) { _ in
                asked.count.withLock { $0 += 1 }
                return "correct horse"
            }
        }
        #expect(try Age.decrypt(file, with: identities) == plaintext)
        #expect(asked.count.withLock { $0 } == 0)
    }

    @Test func reportsAWrongPassphraseNamingTheKeyFile() throws {
        let directory = try Scratch()
        let key = try SSHKeygen.make(.ed25519, passphrase: "correct horse", in: directory)
        let file = try ageEncrypted(to: [key + ".pub"], in: directory)
        let identities = try AgeIdentity.identities(inFile: directory.read(key), named: key) { _ in "battery staple" }
        #expect(throws: AgeError("The passphrase for the SSH key \(key) is wrong.")) {
            try Age.decrypt(file, with: identities)
        }
    }

    @Test func refusesTheWrongSSHKey() throws {
        let directory = try Scratch()
        let key = try SSHKeygen.make(.ed25519, in: directory)
        let other = try SSHKeygen.make(.rsa, in: directory)
        let file = try ageEncrypted(to: [key + ".pub"], in: directory)
        let identities = try AgeIdentity.identities(inFile: directory.read(other), named: other)
        #expect(throws: AgeError("None of the identities can decrypt this file; it was encrypted to other recipients.")) {
            try Age.decrypt(file, with: identities)
        }
    }

    @Test func reportsADamagedKeyFileNamingIt() throws {
        let directory = try Scratch()
        let key = try SSHKeygen.make(.ed25519, in: directory)
        var lines = try directory.read(key).split(separator: "\n").map(String.init)
        let changed = lines[3].index(lines[3].startIndex, offsetBy: 10)
        lines[3].replaceSubrange(changed...changed, with: lines[3][changed] == "A" ? "B" : "A")
        #expect(throws: AgeError("The SSH key \(key) is damaged: its private part is malformed.")) {
            try AgeIdentity.identities(inFile: lines.joined(separator: "\n"), named: key)
        }
        lines = try directory.read(key).split(separator: "\n").map(String.init)
        lines.removeLast()
        #expect(throws: AgeError("The SSH key \(key) is damaged: its base64 text is not whole.")) {
            try AgeIdentity.identities(inFile: lines.joined(separator: "\n"), named: key)
        }
    }

    @Test func refusesKeyTypesAgeCannotUse() throws {
        let directory = try Scratch()
        let key = try SSHKeygen.make(.ecdsa, in: directory)
        #expect(
            throws: AgeError(
                "The SSH key \(key): ecdsa-sha2-nistp256 keys cannot be used with age; use an ssh-ed25519 or ssh-rsa key.")
        ) {
            try AgeIdentity.identities(inFile: directory.read(key), named: key)
        }
    }

    private func ageEncrypted(to publicKeyFiles: [String], in directory: Scratch) throws -> [UInt8] {
        try Data(plaintext).write(to: directory.url("plain"))
        let arguments = publicKeyFiles.flatMap { ["-R", directory.path($0)] } + ["-o", directory.path("file.age"), directory.path("plain")]
        let result = try Program.run("/usr/bin/age", arguments)
        #expect(result.status == 0, "\(result.errors)")
        return try Array(Data(contentsOf: directory.url("file.age")))
    }
}

/// Makes SSH keys with `ssh-keygen`.
enum SSHKeygen {
    enum KeyType: String, CustomTestStringConvertible {
        case ed25519, rsa, ecdsa

        var testDescription: String { rawValue }
    }

    /// The types of key age encrypts to.
    static let ageKeyTypes: [KeyType] = [.ed25519, .rsa]

    static let isAvailable = ["/usr/bin/age", "/usr/bin/ssh-keygen"].allSatisfy(FileManager.default.isExecutableFile)

    /// A new key in `directory` (and its `.pub` beside it); its name there.
    static func make(_ type: KeyType, passphrase: String = "", cipher: String? = nil, in directory: Scratch) throws
        -> String
    {
        let name = "id_\(type.rawValue)_\(UUID().uuidString.prefix(8))"
        let size = type == .rsa ? ["-b", "2048"] : []
        let result = try Program.run(
            "/usr/bin/ssh-keygen",
            ["-q", "-t", type.rawValue, "-N", passphrase, "-C", "test@batou", "-f", directory.path(name)] + size
                + (cipher.map { ["-Z", $0] } ?? []))
        #expect(result.status == 0, "\(result.errors)")
        return name
    }
}

final class Counter: Sendable {
    let count = Mutex(0)
}

extension Scratch {
    func read(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }
}

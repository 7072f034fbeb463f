import Foundation
import Testing

@testable import BatouSecrets

/// Our age files and the `age` program's are interchangeable.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/age"), "Needs the age program."))
struct AgeInteroperabilityTests {
    static let sizes = [0, 1, 1000, 65536, 65537, 200_000]

    private func content(_ size: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    }

    @Test(arguments: sizes)
    func ageDecryptsWhatWeEncrypt(size: Int) throws {
        let directory = try Scratch()
        let identity = AgeIdentity.generate()
        try directory.write(try #require(identity.secretKeyText) + "\n", to: "key.txt")
        try Data(try Age.encrypt(content(size), to: [identity.recipient])).write(to: directory.url("file.age"))
        let result = try Program.run("/usr/bin/age", ["-d", "-i", directory.path("key.txt"), directory.path("file.age")])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == Data(content(size)))
    }

    @Test(arguments: sizes)
    func weDecryptWhatAgeEncrypts(size: Int) throws {
        let directory = try Scratch()
        let identity = AgeIdentity.generate()
        let other = AgeIdentity.generate()
        try Data(content(size)).write(to: directory.url("plain"))
        let result = try Program.run(
            "/usr/bin/age",
            ["-r", other.recipient.description, "-r", identity.recipient.description, "-o", directory.path("file.age"),
             directory.path("plain")])
        #expect(result.status == 0, "\(result.errors)")
        let file = try Array(Data(contentsOf: directory.url("file.age")))
        #expect(try Age.decrypt(file, with: [identity]) == content(size))
    }

    @Test func readsIdentitiesThatAgeKeygenWrites() throws {
        let directory = try Scratch()
        #expect(try Program.run("/usr/bin/age-keygen", ["-o", directory.path("key.txt")]).status == 0)
        let text = try String(contentsOf: directory.url("key.txt"), encoding: .utf8)
        let identities = try AgeIdentity.identities(inFile: text, named: "key.txt")
        #expect(identities.count == 1)
        let publicKey = try Program.run("/usr/bin/age-keygen", ["-y", directory.path("key.txt")])
        #expect(String(decoding: publicKey.output, as: UTF8.self) == identities[0].recipient.description + "\n")
    }
}

@Suite struct AgeErrorTests {
    private let identity = AgeIdentity.generate()

    private func encrypted(_ text: String = "secret") throws -> [UInt8] {
        try Age.encrypt(Array(text.utf8), to: [identity.recipient])
    }

    @Test func refusesTheWrongKey() throws {
        #expect(throws: AgeError("None of the identities can decrypt this file; it was encrypted to other recipients.")) {
            try Age.decrypt(try encrypted(), with: [AgeIdentity.generate()])
        }
    }

    @Test func detectsATamperedHeader() throws {
        var file = try encrypted()
        let text = String(decoding: file, as: UTF8.self)
        let position = text.utf8.count - text.utf8.drop(while: { $0 != 0x0A }).count + 1
        file.insert(contentsOf: Array("-> unknown stanza\n\n".utf8), at: position)
        #expect(throws: AgeError("The file's header was altered: its MAC does not match.")) {
            try Age.decrypt(file, with: [identity])
        }
    }

    @Test func detectsTruncationAndDamage() throws {
        let file = try encrypted(String(repeating: "x", count: 100_000))
        #expect(throws: AgeError("The file is damaged or truncated: chunk 2 does not decrypt.")) {
            try Age.decrypt(Array(file.dropLast(10)), with: [identity])
        }
        #expect(throws: AgeError("The file is truncated: its header does not end.")) {
            try Age.decrypt(Array(file.prefix(40)), with: [identity])
        }
        #expect(throws: AgeError("This is not an age file (age-encryption.org/v1).")) {
            try Age.decrypt(Array("[batou]\n".utf8), with: [identity])
        }
    }

    @Test func rejectsMalformedKeys() {
        #expect(throws: AgeError("'age1nope' is not an age recipient (age1…) or an SSH public key (ssh-ed25519, ssh-rsa).")) {
            try AgeRecipient(parsing: "age1nope")
        }
        #expect(throws: AgeError.self) { try AgeIdentity(parsing: "AGE-SECRET-KEY-1XYZ") }
        #expect(throws: AgeError("keys.txt:2: The line is not an age secret key (AGE-SECRET-KEY-1…).")) {
            try AgeIdentity.identities(inFile: "# comment\nnot a key\n", named: "keys.txt")
        }
    }

    @Test func roundTripsRecipientsAndIdentitiesThroughTheirText() throws {
        let parsed = try AgeIdentity(parsing: try #require(identity.secretKeyText))
        #expect(parsed.recipient.description == identity.recipient.description)
        #expect(try AgeRecipient(parsing: identity.recipient.description).description == identity.recipient.description)
        #expect(identity.recipient.description.hasPrefix("age1"))
        #expect(identity.secretKeyText?.hasPrefix("AGE-SECRET-KEY-1") == true)
    }
}

/// A temporary directory for one test.
final class Scratch {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("batou-age-" + UUID().uuidString)

    init() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ name: String) -> URL { root.appendingPathComponent(name) }
    func path(_ name: String) -> String { url(name).path }

    func write(_ text: String, to name: String) throws {
        try text.write(to: url(name), atomically: true, encoding: .utf8)
    }
}

/// Runs a program to its end.
enum Program {
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data, String(decoding: errorData, as: UTF8.self))
    }
}

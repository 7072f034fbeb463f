import Foundation
import Testing

@testable import BatouSecrets

/// age's ASCII armor, read and written as the `age` program does, and refused when it is not strict.
@Suite struct AgeArmorTests {
    private let identity = AgeIdentity.generate()
    private let plaintext = Array("[batou]\nmembers = alice\n".utf8) + (0..<300).map { UInt8(truncatingIfNeeded: $0) }

    private func armored() throws -> String {
        String(decoding: try Age.encrypt(plaintext, to: [identity.recipient], armored: true), as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/age"), "Needs the age program."))
    func ageReadsOurArmorAndWeReadAgesArmor() throws {
        let directory = try Scratch()
        try directory.write(try #require(identity.secretKeyText) + "\n", to: "key.txt")
        try directory.write(try armored(), to: "ours.age")
        let decrypted = try Program.run("/usr/bin/age", ["-d", "-i", directory.path("key.txt"), directory.path("ours.age")])
        #expect(decrypted.status == 0, "\(decrypted.errors)")
        #expect(Array(decrypted.output) == plaintext)

        try Data(plaintext).write(to: directory.url("plain"))
        let encrypted = try Program.run(
            "/usr/bin/age", ["-a", "-r", identity.recipient.description, "-o", directory.path("theirs.age"), directory.path("plain")])
        #expect(encrypted.status == 0, "\(encrypted.errors)")
        let theirs = try Array(Data(contentsOf: directory.url("theirs.age")))
        #expect(theirs.starts(with: Array(AgeArmor.beginning.utf8)))
        #expect(try Age.decrypt(theirs, with: [identity]) == plaintext)
    }

    @Test func writesLinesOf64CharactersAndAcceptsSpaceAroundAndCRLF() throws {
        let text = try armored()
        let lines = text.split(separator: "\n")
        #expect(lines.dropFirst().dropLast(2).allSatisfy { $0.count == 64 })
        #expect(text.hasSuffix("\n" + AgeArmor.end + "\n"))
        let loose = "\n  " + text.replacingOccurrences(of: "\n", with: "\r\n") + " \n\n"
        #expect(try Age.decrypt(Array(loose.utf8), with: [identity]) == plaintext)
    }

    @Test func refusesArmorThatIsNotStrict() throws {
        let text = try armored()
        let lines = text.split(separator: "\n").map(String.init)
        let cases: [(String, String)] = [
            (text + "garbage\n", "The armored file does not end with \(AgeArmor.end), or something follows it."),
            (
                ([lines[0], String(lines[1].dropLast())] + lines.dropFirst(2)).joined(separator: "\n"),
                "Line 2 of the armored file has 63 characters; age writes 64 on every line but the last."
            ),
            (
                ([lines[0]] + lines.dropFirst().dropLast(2) + ["", lines[lines.count - 2], lines.last!])
                    .joined(separator: "\n"),
                "Line \(lines.count - 1) of the armored file has 0 characters; age writes 64 on every line but the last."
            ),
            (
                ([lines[0], "!" + lines[1].dropFirst()] + lines.dropFirst(2)).joined(separator: "\n"),
                "Line 2 of the armored file is not canonical base64."
            ),
        ]
        for (armor, message) in cases {
            #expect(throws: AgeError(message)) { try Age.decrypt(Array(armor.utf8), with: [identity]) }
        }
    }
}

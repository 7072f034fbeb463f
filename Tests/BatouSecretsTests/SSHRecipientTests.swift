import Crypto
import CryptoExtras
import Foundation
import Testing

@testable import BatouSecrets

@Suite struct SSHRecipientTests {
    @Test func convertsEd25519KeysAsX25519SeesThem() throws {
        for _ in 0..<8 {
            let signingKey = Curve25519.Signing.PrivateKey()
            let key = try sshKey(signingKey)
            let file = try Age.encrypt(Array("secret".utf8), to: [AgeRecipient(key.publicKey)])
            #expect(try Age.decrypt(file, with: [AgeIdentity(storage: .ssh(key))]) == Array("secret".utf8))
        }
    }

    @Test func rsaEncryptionIsUndoneByBoringSSLsPrivateKey() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let numbers = try key.publicKey.getKeyPrimitives()
        let arithmetic = MontgomeryArithmetic(modulus: Array(numbers.modulus))
        let message = [0] + Age.randomBytes(255)
        let ciphertext = arithmetic.power(message, Array(numbers.publicExponent))
        let blindingKey = try SSHRSAStanza.PrivateKey(
            derRepresentation: key.derRepresentation, parameters: .RSABSSA_SHA384_PSS_Deterministic)
        #expect(Array(try blindingKey.blindSignature(for: ciphertext).rawRepresentation) == message)
    }

    @Test func computesSmallPowers() {
        #expect(MontgomeryArithmetic(modulus: [0x01, 0xF1]).power([4], [13]) == [0x01, 0xBD])  // 4¹³ mod 497 = 445
    }

    @Test func oaepRoundTripsOnlyWithItsLabel() throws {
        let message = Age.randomBytes(16)
        let encoded = try OAEP.encode(message, label: "age-encryption.org/v1/ssh-rsa", length: 256)
        #expect(encoded.count == 256)
        #expect(OAEP.decode(encoded, label: "age-encryption.org/v1/ssh-rsa") == message)
        #expect(OAEP.decode(encoded, label: "another label") == nil)
        var damaged = encoded
        damaged[100] ^= 1
        #expect(OAEP.decode(damaged, label: "age-encryption.org/v1/ssh-rsa") == nil)
    }

    @Test func refusesSSHKeysAgeCannotEncryptTo() throws {
        let small = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024)).publicKey.getKeyPrimitives()
        let smallKey = SSHPublicKey(.rsa(modulus: Array(small.modulus), exponent: Array(small.publicExponent))).text
        #expect(throws: AgeError("'\(smallKey)': The ssh-rsa key has 1024 bits; age needs at least 2048.")) {
            try AgeRecipient(parsing: smallKey)
        }
        let ecdsa = "ecdsa-sha2-nistp256 " + Data(SSHWire.string(Array("ecdsa-sha2-nistp256".utf8))).base64EncodedString()
        #expect(throws: AgeError("'\(ecdsa)': ecdsa-sha2-nistp256 keys cannot be used with age; use an ssh-ed25519 or ssh-rsa key.")) {
            try AgeRecipient(parsing: ecdsa)
        }
        #expect(throws: AgeError("'ssh-ed25519 AAAA': The SSH key is malformed or of an unknown type.")) {
            try AgeRecipient(parsing: "ssh-ed25519 AAAA")
        }
        #expect(throws: AgeError("'ssh-ed25519 no-base64' is not an SSH public key (TYPE BASE64 [COMMENT]).")) {
            try AgeRecipient(parsing: "ssh-ed25519 no-base64")
        }
    }

    private func sshKey(_ signingKey: Curve25519.Signing.PrivateKey) throws -> SSHPrivateKey {
        let privateKey = try #require(SSHEd25519Stanza.privateKey(seed: Array(signingKey.rawRepresentation)))
        return SSHPrivateKey(
            publicKey: SSHPublicKey(.ed25519(Array(signingKey.publicKey.rawRepresentation))), storage: .ed25519(privateKey))
    }
}

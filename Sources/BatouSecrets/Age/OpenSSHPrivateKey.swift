import BatouConfig
import Crypto
import CryptoExtras

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A private key file as `ssh-keygen` writes it (`-----BEGIN OPENSSH PRIVATE KEY-----`): the
/// public key in clear, the private key in clear or encrypted with a passphrase
/// (`aes256-ctr` or `aes256-gcm@openssh.com`, the key derived with `bcrypt`).
///
/// ```swift
/// let file = try OpenSSHPrivateKey(parsing: text, file: "~/.ssh/id_ed25519")
/// let key = try file.isEncrypted ? file.decrypt(passphrase: "correct horse") : file.decrypt()
/// ```
struct OpenSSHPrivateKey: Sendable {
    static let beginning = "-----BEGIN OPENSSH PRIVATE KEY-----"
    private static let end = "-----END OPENSSH PRIVATE KEY-----"
    private static let magic = Array("openssh-key-v1\0".utf8)

    /// Where the key was read from, for messages.
    let file: String
    let publicKey: SSHPublicKey
    private let cipher: Cipher
    private let salt: [UInt8]
    private let rounds: Int
    /// The private section, encrypted unless ``isEncrypted`` is false, and for AES-GCM its tag.
    private let privateSection: [UInt8]
    private let tag: [UInt8]

    /// Reads the key file's `text`; `file` names it in messages.
    /// - Throws: ``AgeError`` naming `file` when it is not such a key, is damaged, or uses a
    ///   cipher or key type age cannot use.
    init(parsing text: String, file: String) throws(AgeError) {
        self.file = file
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
        guard let first = lines.firstIndex(of: Self.beginning), let last = lines.firstIndex(of: Self.end), first < last,
            let decoded = Data(base64Encoded: lines[(first + 1)..<last].joined())
        else { throw AgeError("The SSH key \(file) is damaged: its base64 text is not whole.") }
        var reader = SSHWire.Reader(Array(decoded))
        guard reader.take(Self.magic.count) == Self.magic, let cipherName = reader.text(), let kdf = reader.text(),
            let kdfOptions = reader.string(), let count = reader.uint32(), let publicWire = reader.string(),
            let privateSection = reader.string()
        else { throw AgeError("The SSH key \(file) is damaged: it ends too early.") }
        guard count == 1 else { throw AgeError("The SSH key file \(file) holds \(count) keys; age reads files of one.") }
        guard let cipher = Cipher(name: cipherName) else {
            throw AgeError(
                "The SSH key \(file) is encrypted with \(cipherName), which batou for Swift cannot decrypt. "
                    + "Encrypt it with aes256-ctr: ssh-keygen -p -Z aes256-ctr -f \(file)")
        }
        var options = SSHWire.Reader(kdfOptions)
        switch (kdf, cipher) {
        case ("none", .none):
            salt = []
            rounds = 0
        case ("bcrypt", .aes256CTR), ("bcrypt", .aes256GCM):
            guard let salt = options.string(), let rounds = options.uint32(), options.isAtEnd else {
                throw AgeError("The SSH key \(file) is damaged: its bcrypt options are malformed.")
            }
            self.salt = salt
            self.rounds = Int(rounds)
        default:
            throw AgeError("The SSH key \(file) uses the key derivation \(kdf), which batou for Swift does not know.")
        }
        do {
            publicKey = try SSHPublicKey(wire: publicWire)
        } catch {
            throw AgeError("The SSH key \(file): \(error)")
        }
        self.cipher = cipher
        self.privateSection = privateSection
        tag = reader.remainder
        guard tag.count == cipher.tagLength, privateSection.count % cipher.blockLength == 0 else {
            throw AgeError("The SSH key \(file) is damaged: its private part has the wrong length.")
        }
    }

    /// Whether the private key is encrypted with a passphrase.
    var isEncrypted: Bool { cipher != .none }

    /// The private key of a file that is not encrypted.
    /// - Throws: ``AgeError`` naming the file when it is encrypted or damaged.
    func decrypt() throws(AgeError) -> SSHPrivateKey {
        guard !isEncrypted else { throw AgeError("The SSH key \(file) is protected by a passphrase, and none was given.") }
        return try privateKey(in: privateSection)
    }

    /// The private key, decrypted with `passphrase`.
    /// - Throws: ``AgeError`` naming the file when the passphrase is wrong or the file damaged.
    func decrypt(passphrase: String) throws(AgeError) -> SSHPrivateKey {
        guard isEncrypted else { return try decrypt() }
        let wrongPassphrase = AgeError("The passphrase for the SSH key \(file) is wrong.")
        guard
            let keyAndIV = BcryptPBKDF.derive(
                count: 32 + cipher.ivLength, passphrase: Array(passphrase.utf8), salt: salt, rounds: rounds)
        else { throw wrongPassphrase }
        let key = SymmetricKey(data: keyAndIV.prefix(32))
        let iv = keyAndIV.suffix(cipher.ivLength)
        let plaintext: Data?
        switch cipher {
        case .aes256CTR:
            plaintext = try? AES._CTR.decrypt(privateSection, using: key, nonce: AES._CTR.Nonce(nonceBytes: iv))
        case .aes256GCM:
            plaintext = try? AES.GCM.open(
                AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: iv), ciphertext: privateSection, tag: tag), using: key)
        case .none:
            plaintext = Data(privateSection)
        }
        guard let plaintext, Self.checksMatch(Array(plaintext)) else { throw wrongPassphrase }
        return try privateKey(in: Array(plaintext))
    }

    // MARK: - The private section

    /// Whether the section starts with two equal check numbers, as it does decrypted with the right key.
    private static func checksMatch(_ section: [UInt8]) -> Bool {
        var reader = SSHWire.Reader(section)
        guard let check = reader.uint32() else { return false }
        return reader.uint32() == check
    }

    /// The key in a decrypted private section: check numbers, the key, a comment, padding 1, 2, 3….
    private func privateKey(in section: [UInt8]) throws(AgeError) -> SSHPrivateKey {
        let damaged = AgeError("The SSH key \(file) is damaged: its private part is malformed.")
        var reader = SSHWire.Reader(section)
        guard Self.checksMatch(section), reader.take(8) != nil, let type = reader.text() else { throw damaged }
        let key: SSHPrivateKey
        switch (type, publicKey.kind) {
        case ("ssh-ed25519", .ed25519(let point)):
            guard reader.string() == point, let pair = reader.string(), pair.count == 64, Array(pair.suffix(32)) == point,
                let privateKey = SSHEd25519Stanza.privateKey(seed: Array(pair.prefix(32)))
            else { throw damaged }
            key = SSHPrivateKey(publicKey: publicKey, storage: .ed25519(privateKey))
        case ("ssh-rsa", .rsa(let modulus, let exponent)):
            guard reader.unsignedInteger() == modulus, reader.unsignedInteger() == exponent,
                let privateExponent = reader.unsignedInteger(), reader.unsignedInteger() != nil,
                let p = reader.unsignedInteger(), let q = reader.unsignedInteger(),
                let privateKey = SSHRSAStanza.privateKey(
                    modulus: modulus, exponent: exponent, privateExponent: privateExponent, p: p, q: q)
            else { throw damaged }
            key = SSHPrivateKey(publicKey: publicKey, storage: .rsa(privateKey))
        default:
            throw damaged
        }
        guard reader.string() != nil else { throw damaged }  // the comment
        let padding = reader.remainder
        guard padding.elementsEqual((0..<padding.count).map { UInt8(truncatingIfNeeded: $0 + 1) }) else { throw damaged }
        return key
    }
}

extension OpenSSHPrivateKey {
    /// How the private section is encrypted.
    enum Cipher: Sendable {
        case none, aes256CTR, aes256GCM

        init?(name: String) {
            switch name {
            case "none": self = .none
            case "aes256-ctr": self = .aes256CTR
            case "aes256-gcm@openssh.com": self = .aes256GCM
            default: return nil
            }
        }

        var ivLength: Int { self == .aes256GCM ? 12 : 16 }
        var blockLength: Int { self == .none ? 8 : 16 }
        var tagLength: Int { self == .aes256GCM ? 16 : 0 }
    }
}

import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The age v1 file format (age-encryption.org/v1) with X25519 and SSH (ssh-ed25519, ssh-rsa)
/// recipients, interoperable with the `age` program both ways.
///
/// ```swift
/// let identity = AgeIdentity.generate()
/// let file = try Age.encrypt(Array("[batou]\nmembers = alice\n".utf8), to: [identity.recipient])
/// let text = try Age.decrypt(file, with: [identity])
/// ```
///
/// A file is a header — one stanza per recipient, each wrapping the random file key, and a
/// MAC over the header — followed by the payload in 64 KiB ChaCha20-Poly1305 chunks.
public enum Age {
    static let version = "age-encryption.org/v1"
    static let chunkSize = 65536
    static let tagSize = 16

    /// `plaintext` encrypted so that each of `recipients` can decrypt it; in ASCII armor
    /// (``AgeArmor``) when `armored`, as `age -a` writes it.
    public static func encrypt(_ plaintext: [UInt8], to recipients: [AgeRecipient], armored: Bool = false)
        throws(AgeError) -> [UInt8]
    {
        let file = try binaryFile(plaintext, to: recipients)
        return armored ? Array(AgeArmor.encode(file).utf8) : file
    }

    private static func binaryFile(_ plaintext: [UInt8], to recipients: [AgeRecipient]) throws(AgeError) -> [UInt8] {
        guard !recipients.isEmpty else { throw AgeError("An age file needs at least one recipient.") }
        let fileKey = randomBytes(16)
        var header = version + "\n"
        for recipient in recipients {
            header += try recipient.wrap(fileKey).text
        }
        header += "---"
        let mac = HMAC<SHA256>.authenticationCode(for: Array(header.utf8), using: headerKey(fileKey))
        header += " " + Base64.encode(Array(mac)) + "\n"
        let nonce = randomBytes(16)
        let key = payloadKey(fileKey, nonce: nonce)
        var file = Array(header.utf8) + nonce
        var chunks = stride(from: 0, to: plaintext.count, by: chunkSize).map {
            Array(plaintext[$0..<min($0 + chunkSize, plaintext.count)])
        }
        if chunks.isEmpty { chunks = [[]] }
        for (index, chunk) in chunks.enumerated() {
            file += try seal(chunk, key: key, counter: index, isLast: index == chunks.count - 1)
        }
        return file
    }

    /// The plaintext of `file`, binary or armored, decrypted with the first of `identities` it
    /// was encrypted to.
    ///
    /// An identity that fails (a wrong passphrase, a malformed stanza) does not stop the others
    /// from being tried; its error is thrown only when none of them succeeds.
    ///
    /// - Throws: ``AgeError`` when no identity matches or the file is damaged.
    public static func decrypt(_ file: [UInt8], with identities: [AgeIdentity]) throws(AgeError) -> [UInt8] {
        let file = AgeArmor.isArmored(file) ? try AgeArmor.decode(file) : file
        let header = try Header(parsing: file)
        var fileKey: [UInt8]?
        var failure: AgeError?
        search: for stanza in header.stanzas {
            for identity in identities {
                do {
                    fileKey = try identity.unwrap(stanza)
                    if fileKey != nil { break search }
                } catch {
                    failure = failure ?? error
                }
            }
        }
        guard let fileKey else {
            throw failure ?? AgeError("None of the identities can decrypt this file; it was encrypted to other recipients.")
        }
        guard HMAC<SHA256>.isValidAuthenticationCode(header.mac, authenticating: header.authenticatedBytes, using: headerKey(fileKey))
        else { throw AgeError("The file's header was altered: its MAC does not match.") }
        let body = file[header.length...]
        guard body.count >= 16 else { throw AgeError("The file is truncated: its payload is missing.") }
        let nonce = Array(body.prefix(16))
        let key = payloadKey(fileKey, nonce: nonce)
        let ciphertext = body.dropFirst(16)
        guard !ciphertext.isEmpty else { throw AgeError("The file is truncated: its payload is missing.") }
        let sealedChunk = chunkSize + tagSize
        var plaintext: [UInt8] = []
        var offset = ciphertext.startIndex
        var counter = 0
        while offset < ciphertext.endIndex {
            let end = min(offset + sealedChunk, ciphertext.endIndex)
            let chunk = try open(Array(ciphertext[offset..<end]), key: key, counter: counter, isLast: end == ciphertext.endIndex)
            if chunk.isEmpty && counter > 0 { throw AgeError("The file ends with an empty chunk, which age does not write.") }
            plaintext += chunk
            offset = end
            counter += 1
        }
        return plaintext
    }

    // MARK: - Keys and chunks

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    static func hkdf(_ secret: [UInt8], salt: [UInt8], info: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: secret), salt: salt, info: Array(info.utf8), outputByteCount: 32)
    }

    /// `fileKey` encrypted with a stanza's wrapping `key`: ChaCha20-Poly1305 with a zero nonce.
    static func wrap(_ fileKey: [UInt8], with key: SymmetricKey) throws(AgeError) -> [UInt8] {
        guard let box = try? ChaChaPoly.seal(fileKey, using: key, nonce: ChaChaPoly.Nonce(data: zeroNonce)) else {
            throw AgeError("The file key could not be wrapped.")
        }
        return Array(box.ciphertext) + Array(box.tag)
    }

    /// The file key in a stanza's `body`; `nil` when `key` is not the one it was wrapped with.
    static func unwrap(_ body: [UInt8], with key: SymmetricKey) -> [UInt8]? {
        guard body.count == 32, let nonce = try? ChaChaPoly.Nonce(data: zeroNonce),
            let box = try? ChaChaPoly.SealedBox(nonce: nonce, ciphertext: body.prefix(16), tag: body.suffix(16)),
            let fileKey = try? ChaChaPoly.open(box, using: key)
        else { return nil }
        return Array(fileKey)
    }

    private static let zeroNonce = [UInt8](repeating: 0, count: 12)

    private static func headerKey(_ fileKey: [UInt8]) -> SymmetricKey {
        hkdf(fileKey, salt: [], info: "header")
    }

    private static func payloadKey(_ fileKey: [UInt8], nonce: [UInt8]) -> SymmetricKey {
        hkdf(fileKey, salt: nonce, info: "payload")
    }

    /// STREAM's nonce: an 11-byte big-endian counter and a last-chunk flag.
    private static func chunkNonce(_ counter: Int, isLast: Bool) throws(AgeError) -> ChaChaPoly.Nonce {
        let bytes = (0..<11).map { UInt8(truncatingIfNeeded: UInt64(counter) >> (8 * (10 - $0))) } + [isLast ? 1 : 0]
        guard let nonce = try? ChaChaPoly.Nonce(data: bytes) else { throw AgeError("A chunk nonce could not be made.") }
        return nonce
    }

    private static func seal(_ chunk: [UInt8], key: SymmetricKey, counter: Int, isLast: Bool) throws(AgeError) -> [UInt8] {
        guard let box = try? ChaChaPoly.seal(chunk, using: key, nonce: chunkNonce(counter, isLast: isLast)) else {
            throw AgeError("A chunk could not be encrypted.")
        }
        return Array(box.ciphertext) + Array(box.tag)
    }

    private static func open(_ sealed: [UInt8], key: SymmetricKey, counter: Int, isLast: Bool) throws(AgeError) -> [UInt8] {
        guard sealed.count >= tagSize,
            let box = try? ChaChaPoly.SealedBox(
                nonce: chunkNonce(counter, isLast: isLast), ciphertext: sealed.dropLast(tagSize),
                tag: sealed.suffix(tagSize)),
            let chunk = try? ChaChaPoly.open(box, using: key)
        else { throw AgeError("The file is damaged or truncated: chunk \(counter + 1) does not decrypt.") }
        return Array(chunk)
    }
}

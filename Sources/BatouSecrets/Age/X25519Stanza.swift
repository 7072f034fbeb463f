import Crypto

/// The `X25519` recipient stanza: the file key wrapped with a key agreed between a fresh
/// ephemeral key and the recipient's public key.
enum X25519Stanza {
    static let label = "age-encryption.org/v1/X25519"

    static func wrap(_ fileKey: [UInt8], for recipient: AgeRecipient) throws(AgeError) -> Age.Stanza {
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        let share = Array(ephemeral.publicKey.rawRepresentation)
        guard let shared = try? ephemeral.sharedSecretFromKeyAgreement(with: recipient.publicKey) else {
            throw AgeError("The recipient \(recipient) is not a usable X25519 key.")
        }
        let key = wrappingKey(shared, share: share, recipient: Array(recipient.publicKey.rawRepresentation))
        guard let box = try? ChaChaPoly.seal(fileKey, using: key, nonce: ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)))
        else { throw AgeError("The file key could not be wrapped.") }
        return Age.Stanza(type: "X25519", arguments: [Base64.encode(share)], body: Array(box.ciphertext) + Array(box.tag))
    }

    /// The file key, if `stanza` was made for `identity`; `nil` if it was made for someone else.
    static func unwrap(_ stanza: Age.Stanza, with identity: AgeIdentity) throws(AgeError) -> [UInt8]? {
        guard stanza.arguments.count == 1, let share = Base64.decode(stanza.arguments[0]), share.count == 32,
            stanza.body.count == 32
        else { throw AgeError("The file's X25519 stanza is malformed.") }
        guard let publicShare = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: share),
            let shared = try? identity.privateKey.sharedSecretFromKeyAgreement(with: publicShare)
        else { return nil }
        let recipient = Array(identity.privateKey.publicKey.rawRepresentation)
        let key = wrappingKey(shared, share: share, recipient: recipient)
        guard let nonce = try? ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)),
            let box = try? ChaChaPoly.SealedBox(nonce: nonce, ciphertext: stanza.body.prefix(16), tag: stanza.body.suffix(16)),
            let fileKey = try? ChaChaPoly.open(box, using: key)
        else { return nil }
        return Array(fileKey)
    }

    private static func wrappingKey(_ shared: SharedSecret, share: [UInt8], recipient: [UInt8]) -> SymmetricKey {
        let secret = shared.withUnsafeBytes { Array($0) }
        return Age.hkdf(secret, salt: share + recipient, info: label)
    }
}

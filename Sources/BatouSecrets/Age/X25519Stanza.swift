import Crypto

/// The `X25519` recipient stanza: the file key wrapped with a key agreed between a fresh
/// ephemeral key and the recipient's public key.
enum X25519Stanza {
    static let type = "X25519"
    static let label = "age-encryption.org/v1/X25519"

    static func wrap(_ fileKey: [UInt8], for publicKey: Curve25519.KeyAgreement.PublicKey) throws(AgeError)
        -> Age.Stanza
    {
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        let share = Array(ephemeral.publicKey.rawRepresentation)
        guard let shared = try? ephemeral.sharedSecretFromKeyAgreement(with: publicKey) else {
            throw AgeError("The recipient \(AgeRecipient(publicKey: publicKey)) is not a usable X25519 key.")
        }
        let key = wrappingKey(shared, share: share, recipient: Array(publicKey.rawRepresentation))
        return Age.Stanza(type: type, arguments: [Base64.encode(share)], body: try Age.wrap(fileKey, with: key))
    }

    /// The file key, if `stanza` was made for `privateKey`; `nil` if it was made for someone else.
    static func unwrap(_ stanza: Age.Stanza, with privateKey: Curve25519.KeyAgreement.PrivateKey) throws(AgeError)
        -> [UInt8]?
    {
        guard stanza.arguments.count == 1, let share = Base64.decode(stanza.arguments[0]), share.count == 32,
            stanza.body.count == 32
        else { throw AgeError("The file's X25519 stanza is malformed.") }
        guard let publicShare = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: share),
            let shared = try? privateKey.sharedSecretFromKeyAgreement(with: publicShare)
        else { return nil }
        let key = wrappingKey(shared, share: share, recipient: Array(privateKey.publicKey.rawRepresentation))
        return Age.unwrap(stanza.body, with: key)
    }

    private static func wrappingKey(_ shared: SharedSecret, share: [UInt8], recipient: [UInt8]) -> SymmetricKey {
        let secret = shared.withUnsafeBytes { Array($0) }
        return Age.hkdf(secret, salt: share + recipient, info: label)
    }
}

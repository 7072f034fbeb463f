import Crypto

/// The `ssh-ed25519` recipient stanza: X25519 with the Ed25519 key in Montgomery form, the
/// shared secret tweaked by a value derived from the SSH key (age's `agessh` package).
///
/// `-> ssh-ed25519 TAG SHARE`, where TAG names the SSH key (``SSHPublicKey/tag``) and SHARE is
/// the ephemeral X25519 public key; the body is the wrapped file key.
enum SSHEd25519Stanza {
    static let type = "ssh-ed25519"
    static let label = "age-encryption.org/v1/ssh-ed25519"

    /// Arithmetic modulo the field prime 2²⁵⁵ − 19.
    private static let field = MontgomeryArithmetic(modulus: [0x7F] + [UInt8](repeating: 0xFF, count: 30) + [0xED])

    static func wrap(_ fileKey: [UInt8], for key: SSHPublicKey, point: [UInt8]) throws(AgeError) -> Age.Stanza {
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        let share = Array(ephemeral.publicKey.rawRepresentation)
        let recipient = try montgomery(point, of: key)
        guard let publicKey = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: recipient),
            let shared = try? ephemeral.sharedSecretFromKeyAgreement(with: publicKey),
            let tweaked = tweak(shared, key: key)
        else { throw AgeError("The recipient \(key.text) is not a usable Ed25519 key.") }
        let wrapped = try Age.wrap(fileKey, with: Age.hkdf(tweaked, salt: share + recipient, info: label))
        return Age.Stanza(type: type, arguments: [key.tag, Base64.encode(share)], body: wrapped)
    }

    /// The file key, if `stanza` was made for `key`; `nil` if it was made for someone else.
    static func unwrap(
        _ stanza: Age.Stanza, with privateKey: Curve25519.KeyAgreement.PrivateKey, of key: SSHPublicKey
    ) throws(AgeError) -> [UInt8]? {
        guard stanza.arguments.count == 2, let share = Base64.decode(stanza.arguments[1]), share.count == 32,
            stanza.body.count == 32
        else { throw AgeError("The file's ssh-ed25519 stanza is malformed.") }
        guard stanza.arguments[0] == key.tag,
            let publicShare = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: share),
            let shared = try? privateKey.sharedSecretFromKeyAgreement(with: publicShare),
            let tweaked = tweak(shared, key: key)
        else { return nil }
        let recipient = Array(privateKey.publicKey.rawRepresentation)
        return Age.unwrap(stanza.body, with: Age.hkdf(tweaked, salt: share + recipient, info: label))
    }

    /// The X25519 private key of an Ed25519 `seed`: the first half of its SHA-512, as Ed25519
    /// signing uses it (X25519 clamps it).
    static func privateKey(seed: [UInt8]) -> Curve25519.KeyAgreement.PrivateKey? {
        try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: Array(SHA512.hash(data: seed).prefix(32)))
    }

    // MARK: - Helpers

    /// The shared secret multiplied by a scalar derived from the SSH key, so that the secret
    /// is bound to the SSH key and not only to its Montgomery form.
    private static func tweak(_ shared: SharedSecret, key: SSHPublicKey) -> [UInt8]? {
        let tweak = Age.hkdf([], salt: key.wire, info: label).withUnsafeBytes { Array($0) }
        let point = shared.withUnsafeBytes { Array($0) }
        guard let scalar = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: tweak),
            let publicKey = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: point),
            let tweaked = try? scalar.sharedSecretFromKeyAgreement(with: publicKey)
        else { return nil }
        return tweaked.withUnsafeBytes { Array($0) }
    }

    /// The Montgomery u-coordinate (1 + y) / (1 − y) of the Edwards `point`, little-endian.
    private static func montgomery(_ point: [UInt8], of key: SSHPublicKey) throws(AgeError) -> [UInt8] {
        var y = Array(point.reversed())
        y[0] &= 0x7F  // the sign of x
        let one = field.toMontgomery([1])
        let value = field.toMontgomery(y)
        let denominator = field.subtract(one, value)
        guard denominator.contains(where: { $0 != 0 }) else {
            throw AgeError("The recipient \(key.text) is not a usable Ed25519 key.")
        }
        let u = field.multiply(field.add(one, value), field.inverse(denominator))
        return field.bytes(field.fromMontgomery(u)).reversed()
    }
}

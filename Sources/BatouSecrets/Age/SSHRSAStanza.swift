import Crypto
import CryptoExtras

/// The `ssh-rsa` recipient stanza: the file key encrypted with RSA-OAEP (SHA-256, labelled
/// "age-encryption.org/v1/ssh-rsa") to the SSH key.
///
/// `-> ssh-rsa TAG`, where TAG names the SSH key (``SSHPublicKey/tag``); the body is the RSA
/// ciphertext.
enum SSHRSAStanza {
    static let type = "ssh-rsa"
    static let label = "age-encryption.org/v1/ssh-rsa"

    /// swift-crypto's RSA takes no OAEP label, so the padding is ``OAEP``'s and the RSA
    /// operation on it ours: encryption needs only the public key.
    static func wrap(_ fileKey: [UInt8], for key: SSHPublicKey, modulus: [UInt8], exponent: [UInt8])
        throws(AgeError) -> Age.Stanza
    {
        let arithmetic = MontgomeryArithmetic(modulus: modulus)
        let encoded = try OAEP.encode(fileKey, label: label, length: arithmetic.byteCount)
        return Age.Stanza(type: type, arguments: [key.tag], body: arithmetic.power(encoded, exponent))
    }

    /// The file key, if `stanza` was made for `key`; `nil` if it was made for someone else.
    ///
    /// The RSA operation is BoringSSL's, blinded and constant-time: RSA decryption without
    /// padding is the same operation as signing without padding, which swift-crypto offers for
    /// blind signatures.
    static func unwrap(_ stanza: Age.Stanza, with privateKey: PrivateKey, of key: SSHPublicKey) throws(AgeError)
        -> [UInt8]?
    {
        guard stanza.arguments.count == 1, !stanza.body.isEmpty else {
            throw AgeError("The file's ssh-rsa stanza is malformed.")
        }
        guard stanza.arguments[0] == key.tag, stanza.body.count == (privateKey.keySizeInBits + 7) / 8,
            let encoded = try? privateKey.blindSignature(for: stanza.body).rawRepresentation
        else { return nil }
        return OAEP.decode(Array(encoded), label: label)
    }

    typealias PrivateKey = _RSA.BlindSigning.PrivateKey<SHA384>

    /// The private key made of an OpenSSH key file's numbers.
    static func privateKey(modulus: [UInt8], exponent: [UInt8], privateExponent: [UInt8], p: [UInt8], q: [UInt8])
        -> PrivateKey?
    {
        // The parameters concern blind signatures only; the raw operation ignores them.
        try? PrivateKey(
            n: modulus, e: exponent, d: privateExponent, p: p, q: q, parameters: .RSABSSA_SHA384_PSS_Deterministic)
    }
}

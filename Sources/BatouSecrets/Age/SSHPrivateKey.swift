import Crypto

/// The private half of an SSH key, ready to unwrap the `ssh-ed25519` or `ssh-rsa` stanzas
/// made for its public key.
struct SSHPrivateKey: Sendable {
    enum Storage: Sendable {
        /// The X25519 form of the Ed25519 key.
        case ed25519(Curve25519.KeyAgreement.PrivateKey)
        case rsa(SSHRSAStanza.PrivateKey)
    }

    let publicKey: SSHPublicKey
    let storage: Storage

    /// The file key, if `stanza` was made for this key; `nil` if it was made for someone else.
    func unwrap(_ stanza: Age.Stanza) throws(AgeError) -> [UInt8]? {
        switch (storage, stanza.type) {
        case (.ed25519(let privateKey), SSHEd25519Stanza.type):
            try SSHEd25519Stanza.unwrap(stanza, with: privateKey, of: publicKey)
        case (.rsa(let privateKey), SSHRSAStanza.type):
            try SSHRSAStanza.unwrap(stanza, with: privateKey, of: publicKey)
        default:
            nil
        }
    }
}

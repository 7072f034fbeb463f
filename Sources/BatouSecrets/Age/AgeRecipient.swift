import Crypto

/// Someone an age file is encrypted to: an X25519 public key, written `age1…`, or an SSH
/// public key, written `ssh-ed25519 AAAA…` or `ssh-rsa AAAA…` as in `authorized_keys`.
///
/// ```swift
/// let recipient = try AgeRecipient(parsing: "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p")
/// let colleague = try AgeRecipient(parsing: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI… bob@laptop")
/// ```
public struct AgeRecipient: Sendable, CustomStringConvertible {
    enum Storage: Sendable {
        case x25519(Curve25519.KeyAgreement.PublicKey)
        case ssh(SSHPublicKey)
    }

    let storage: Storage

    init(publicKey: Curve25519.KeyAgreement.PublicKey) {
        storage = .x25519(publicKey)
    }

    init(_ sshKey: SSHPublicKey) {
        storage = .ssh(sshKey)
    }

    /// Reads `text` as age reads recipients: `age1…`, or an SSH public key (`ssh-ed25519` or
    /// `ssh-rsa`, with or without a comment).
    /// - Throws: ``AgeError`` when `text` is neither, or an SSH key that age cannot encrypt to.
    public init(parsing text: String) throws(AgeError) {
        if text.hasPrefix("ssh-") || text.hasPrefix("ecdsa-") || text.hasPrefix("sk-") {
            self.init(try SSHPublicKey(parsing: text))
            return
        }
        guard let bytes = Bech32.key(in: text, prefix: "age"),
            let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: bytes)
        else { throw AgeError("'\(text)' is not an age recipient (age1…) or an SSH public key (ssh-ed25519, ssh-rsa).") }
        self.init(publicKey: key)
    }

    /// The recipient as age writes it: `age1…`, or the SSH key without its comment.
    public var description: String {
        switch storage {
        case .x25519(let publicKey): Bech32.encode(Array(publicKey.rawRepresentation), prefix: "age")
        case .ssh(let key): key.text
        }
    }

    /// The stanza that gives this recipient `fileKey`.
    func wrap(_ fileKey: [UInt8]) throws(AgeError) -> Age.Stanza {
        switch storage {
        case .x25519(let publicKey):
            try X25519Stanza.wrap(fileKey, for: publicKey)
        case .ssh(let key):
            switch key.kind {
            case .ed25519(let point): try SSHEd25519Stanza.wrap(fileKey, for: key, point: point)
            case .rsa(let modulus, let exponent):
                try SSHRSAStanza.wrap(fileKey, for: key, modulus: modulus, exponent: exponent)
            }
        }
    }
}

import BatouConfig
import Crypto

/// A private key that decrypts age files: an X25519 key, written `AGE-SECRET-KEY-1…`, or an
/// SSH key (ed25519 or rsa) from an OpenSSH private key file, with or without a passphrase.
///
/// ```swift
/// let identity = AgeIdentity.generate()
/// let file = try Age.encrypt(Array("secret".utf8), to: [identity.recipient])
///
/// let keys = try AgeIdentity.identities(inFile: text, named: "~/.ssh/id_ed25519") { _ in passphrase }
/// ```
public struct AgeIdentity: Sendable {
    enum Storage: Sendable {
        case x25519(Curve25519.KeyAgreement.PrivateKey)
        case ssh(SSHPrivateKey)
        case locked(LockedSSHKey)
    }

    let storage: Storage

    /// A new random X25519 identity.
    public static func generate() -> AgeIdentity {
        AgeIdentity(storage: .x25519(Curve25519.KeyAgreement.PrivateKey()))
    }

    init(storage: Storage) {
        self.storage = storage
    }

    /// Reads `text` as age-keygen writes identities.
    /// - Throws: ``AgeError`` when `text` is not an `AGE-SECRET-KEY-1…` identity.
    public init(parsing text: String) throws(AgeError) {
        guard let bytes = Bech32.key(in: text, prefix: "age-secret-key-"),
            let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes)
        else { throw AgeError("The identity is not an age secret key (AGE-SECRET-KEY-1…).") }
        storage = .x25519(key)
    }

    /// Every identity in an identity file's `text`, as `age -i` reads it: an OpenSSH private
    /// key, or `AGE-SECRET-KEY-1…` lines with `#` comments.
    ///
    /// An SSH key protected by a passphrase stays locked until a file made for it is
    /// decrypted; then `passphrase` is asked for it, once.
    ///
    /// - Throws: ``AgeError`` naming `file` (and the line) when it holds something else, or a
    ///   damaged key or one age cannot use.
    public static func identities(
        inFile text: String, named file: String,
        passphrase: (@Sendable (_ keyFile: String) throws(AgeError) -> String)? = nil
    ) throws(AgeError) -> [AgeIdentity] {
        if text.contains(OpenSSHPrivateKey.beginning) {
            let key = try OpenSSHPrivateKey(parsing: text, file: file)
            guard key.isEncrypted else { return [AgeIdentity(storage: .ssh(try key.decrypt()))] }
            return [AgeIdentity(storage: .locked(LockedSSHKey(key, passphrase: passphrase)))]
        }
        if text.contains("-----BEGIN") {
            throw AgeError(
                "\(file) is a private key in a format batou for Swift does not read; "
                    + "convert it to OpenSSH's with: ssh-keygen -p -f \(file)")
        }
        var identities: [AgeIdentity] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingWhitespace()
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            do {
                identities.append(try AgeIdentity(parsing: trimmed))
            } catch {
                throw AgeError("\(file):\(index + 1): The line is not an age secret key (AGE-SECRET-KEY-1…).")
            }
        }
        return identities
    }

    /// Whom this identity decrypts for.
    public var recipient: AgeRecipient {
        switch storage {
        case .x25519(let key): AgeRecipient(publicKey: key.publicKey)
        case .ssh(let key): AgeRecipient(key.publicKey)
        case .locked(let key): AgeRecipient(key.publicKey)
        }
    }

    /// The identity as age-keygen writes it, `AGE-SECRET-KEY-1…`; `nil` for an SSH key, which
    /// lives in its own file. Keep it secret.
    public var secretKeyText: String? {
        guard case .x25519(let key) = storage else { return nil }
        return Bech32.encode(Array(key.rawRepresentation), prefix: "age-secret-key-").uppercased()
    }

    /// The file key, if `stanza` was made for this identity; `nil` if it was made for someone else.
    /// A locked SSH key is unlocked only for a stanza that names it.
    func unwrap(_ stanza: Age.Stanza) throws(AgeError) -> [UInt8]? {
        switch storage {
        case .x25519(let key):
            stanza.type == X25519Stanza.type ? try X25519Stanza.unwrap(stanza, with: key) : nil
        case .ssh(let key):
            try key.unwrap(stanza)
        case .locked(let key):
            stanza.type == key.publicKey.type && stanza.arguments.first == key.publicKey.tag
                ? try key.unlock().unwrap(stanza) : nil
        }
    }
}

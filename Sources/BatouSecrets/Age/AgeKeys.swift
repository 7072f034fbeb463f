public import Crypto

/// Someone an age file is encrypted to: an X25519 public key, written `age1…`.
///
/// ```swift
/// let recipient = try AgeRecipient(parsing: "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p")
/// ```
public struct AgeRecipient: Sendable, CustomStringConvertible {
    let publicKey: Curve25519.KeyAgreement.PublicKey

    init(publicKey: Curve25519.KeyAgreement.PublicKey) {
        self.publicKey = publicKey
    }

    /// Reads `text` as age writes recipients.
    /// - Throws: ``AgeError`` when `text` is not an `age1…` recipient.
    public init(parsing text: String) throws(AgeError) {
        guard let bytes = Bech32.key(in: text, prefix: "age"),
            let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: bytes)
        else { throw AgeError("'\(text)' is not an age recipient (age1…).") }
        self.publicKey = key
    }

    /// The recipient as age writes it: `age1…`.
    public var description: String {
        Bech32.encode(Array(publicKey.rawRepresentation), prefix: "age")
    }
}

/// A private key that decrypts age files: an X25519 key, written `AGE-SECRET-KEY-1…`.
///
/// ```swift
/// let identity = AgeIdentity.generate()
/// let file = try Age.encrypt(Array("secret".utf8), to: [identity.recipient])
/// ```
public struct AgeIdentity: Sendable {
    let privateKey: Curve25519.KeyAgreement.PrivateKey

    /// A new random identity.
    public static func generate() -> AgeIdentity {
        AgeIdentity(privateKey: Curve25519.KeyAgreement.PrivateKey())
    }

    init(privateKey: Curve25519.KeyAgreement.PrivateKey) {
        self.privateKey = privateKey
    }

    /// Reads `text` as age-keygen writes identities.
    /// - Throws: ``AgeError`` when `text` is not an `AGE-SECRET-KEY-1…` identity.
    public init(parsing text: String) throws(AgeError) {
        guard let bytes = Bech32.key(in: text, prefix: "age-secret-key-"),
            let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes)
        else { throw AgeError("The identity is not an age secret key (AGE-SECRET-KEY-1…).") }
        self.privateKey = key
    }

    /// Every identity in an identity file's `text`: one per line, `#` comments ignored.
    /// - Throws: ``AgeError`` naming the first line that is not an identity.
    public static func identities(inFile text: String, named file: String) throws(AgeError) -> [AgeIdentity] {
        var identities: [AgeIdentity] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingSpaces()
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
    public var recipient: AgeRecipient { AgeRecipient(publicKey: privateKey.publicKey) }

    /// The identity as age-keygen writes it: `AGE-SECRET-KEY-1…`. Keep it secret.
    public var secretKeyText: String {
        Bech32.encode(Array(privateKey.rawRepresentation), prefix: "age-secret-key-").uppercased()
    }
}

/// An age file could not be made or read; the message says why.
public struct AgeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

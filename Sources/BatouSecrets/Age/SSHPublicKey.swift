import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An SSH public key that age encrypts to: `ssh-ed25519` or `ssh-rsa`, as in `authorized_keys`
/// and `.pub` files.
///
/// ```swift
/// let key = try SSHPublicKey(parsing: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI… alice@laptop")
/// key.tag   // what age's stanzas name the key by
/// ```
struct SSHPublicKey: Sendable {
    enum Kind: Sendable {
        /// The 32-byte Edwards point.
        case ed25519([UInt8])
        /// The modulus and public exponent, big-endian.
        case rsa(modulus: [UInt8], exponent: [UInt8])
    }

    let kind: Kind
    /// The key in the SSH wire format, which its tag and age's ed25519 tweak are made of.
    let wire: [UInt8]

    init(_ kind: Kind) {
        self.kind = kind
        switch kind {
        case .ed25519(let point):
            wire = SSHWire.string(Array("ssh-ed25519".utf8)) + SSHWire.string(point)
        case .rsa(let modulus, let exponent):
            wire = SSHWire.string(Array("ssh-rsa".utf8)) + SSHWire.string(Self.mpint(exponent))
                + SSHWire.string(Self.mpint(modulus))
        }
    }

    /// Reads a key in the SSH wire format.
    /// - Throws: ``AgeError`` when it is malformed or of a type age cannot encrypt to.
    init(wire: [UInt8]) throws(AgeError) {
        var reader = SSHWire.Reader(wire)
        let type = reader.text() ?? ""
        switch type {
        case "ssh-ed25519":
            guard let point = reader.string(), point.count == 32, reader.isAtEnd else {
                throw AgeError("The ssh-ed25519 key is malformed.")
            }
            self.init(.ed25519(point))
        case "ssh-rsa":
            guard let exponent = reader.unsignedInteger(), let modulus = reader.unsignedInteger(), reader.isAtEnd,
                !exponent.isEmpty, modulus.last.map({ $0 & 1 == 1 }) ?? false
            else { throw AgeError("The ssh-rsa key is malformed.") }
            guard modulus.count >= 256 else {
                throw AgeError("The ssh-rsa key has \(modulus.count * 8) bits; age needs at least 2048.")
            }
            self.init(.rsa(modulus: modulus, exponent: exponent))
        case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-dss",
            "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com":
            throw AgeError("\(type) keys cannot be used with age; use an ssh-ed25519 or ssh-rsa key.")
        default:
            throw AgeError("The SSH key is malformed or of an unknown type.")
        }
    }

    /// Reads a key as `authorized_keys` and `.pub` files hold it: `TYPE BASE64 [COMMENT]`.
    /// - Throws: ``AgeError`` when `text` is not an ssh-ed25519 or ssh-rsa key.
    init(parsing text: String) throws(AgeError) {
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count >= 2, let wire = Data(base64Encoded: String(fields[1])) else {
            throw AgeError("'\(text)' is not an SSH public key (TYPE BASE64 [COMMENT]).")
        }
        do {
            try self.init(wire: Array(wire))
        } catch {
            throw AgeError("'\(text)': \(error)")
        }
        guard fields[0] == type else {
            throw AgeError("'\(text)' says it is a \(fields[0]) key but holds a \(type) key.")
        }
    }

    /// `ssh-ed25519` or `ssh-rsa`.
    var type: String {
        switch kind {
        case .ed25519: "ssh-ed25519"
        case .rsa: "ssh-rsa"
        }
    }

    /// How age's stanzas name the key: the first 4 bytes of the SHA-256 of its wire format.
    var tag: String { Base64.encode(Array(SHA256.hash(data: wire).prefix(4))) }

    /// The key as `.pub` files hold it, without a comment.
    var text: String { type + " " + Data(wire).base64EncodedString() }

    /// `bytes` as a positive `mpint`: with a leading zero when the first bit is set.
    private static func mpint(_ bytes: [UInt8]) -> [UInt8] {
        bytes.first.map { $0 >= 0x80 } ?? false ? [0] + bytes : bytes
    }
}

import Synchronization

/// An SSH key whose private half is encrypted with a passphrase: unlocked the first time a
/// file made for it is decrypted, so that its passphrase is asked only when it is needed, and
/// at most once.
final class LockedSSHKey: Sendable {
    /// Gives the passphrase of the key file it is called with.
    typealias Passphrase = @Sendable (_ keyFile: String) throws(AgeError) -> String

    let file: OpenSSHPrivateKey
    private let passphrase: Passphrase?
    private let unlocked = Mutex<SSHPrivateKey?>(nil)

    init(_ file: OpenSSHPrivateKey, passphrase: Passphrase?) {
        self.file = file
        self.passphrase = passphrase
    }

    var publicKey: SSHPublicKey { file.publicKey }

    /// The private key, decrypted with the passphrase the first time.
    /// - Throws: ``AgeError`` naming the key file when there is no passphrase or it is wrong.
    func unlock() throws(AgeError) -> SSHPrivateKey {
        try unlocked.withLock { (key: inout SSHPrivateKey?) throws(AgeError) -> SSHPrivateKey in
            if let key { return key }
            guard let passphrase else { return try file.decrypt() }
            let unlockedKey = try file.decrypt(passphrase: passphrase(file.file))
            key = unlockedKey
            return unlockedKey
        }
    }
}

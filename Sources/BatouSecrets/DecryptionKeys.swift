import BatouConfig
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What decrypts an environment's secrets: for age, the identities in the files that
/// `BATOU_AGE_IDENTITIES` names (else the user's usual SSH keys), read when the first age
/// file is decrypted; for GPG, the user's own keyring (`GNUPGHOME` honoured) and gpg-agent,
/// which asks for passphrases.
///
/// ```swift
/// let keys = DecryptionKeys()
/// let secrets = try SecretsDirectory(environment: "production", in: base).read(with: keys)
/// ```
///
/// An environment encrypted with GPG therefore needs no age identity. The passphrase of an
/// encrypted SSH key is asked for only when a file made for that key is decrypted (see
/// ``IdentityPassphrase``).
public final class DecryptionKeys: Sendable {
    /// The files that hold age identities: age identity files or OpenSSH private keys.
    public let identityPaths: [String]
    private let identities = Mutex<Identities?>(nil)

    public init(identityPaths: [String] = DecryptionKeys.identityPaths()) {
        self.identityPaths = identityPaths
    }

    /// The identity files to decrypt with, as batou finds them: those named in
    /// `BATOU_AGE_IDENTITIES` (separated by commas), else those of the user's usual SSH keys
    /// that exist (`~/.ssh/id_rsa`, `id_ecdsa`, `id_ecdsa_sk`, `id_ed25519`, `id_ed25519_sk`, `id_dsa`).
    public static func identityPaths(
        in environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        if let listed = environment["BATOU_AGE_IDENTITIES"] {
            return listed.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.map {
                $0.hasPrefix("~/") ? home + $0.dropFirst() : $0
            }
        }
        return ["id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_dsa"]
            .map { "\(home)/.ssh/\($0)" }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// The cleartext of `ciphertext`, an age file found at `place`.
    ///
    /// - Throws: ``SecretsError`` when no identity can be read, or none decrypts the file; it
    ///   names `place` and every identity file that was passed over, and why.
    func decryptAge(_ ciphertext: [UInt8], at place: String) throws(SecretsError) -> [UInt8] {
        let identities = try loadedIdentities()
        do throws(AgeError) {
            return try Age.decrypt(ciphertext, with: identities.identities)
        } catch {
            throw SecretsError(["Cannot decrypt \(place): \(error)"] + identities.problems)
        }
    }

    /// The age identities, read from their files the first time they are needed.
    private func loadedIdentities() throws(SecretsError) -> Identities {
        try identities.withLock { cached throws(SecretsError) in
            if let cached { return cached }
            let loaded = try Identities(reading: identityPaths)
            cached = loaded
            return loaded
        }
    }
}

/// The identities read from identity files, and why the files that could not be used were not.
struct Identities {
    var identities: [AgeIdentity] = []
    var problems: [String] = []

    /// The identities in the files at `paths`. A file that cannot be used (unreadable, damaged,
    /// a key type age cannot use) is passed over, as batou passes over an identity that `age`
    /// fails with; why is told only when no identity is left or none decrypts.
    ///
    /// - Throws: ``SecretsError`` when no file holds a usable identity.
    init(reading paths: [String]) throws(SecretsError) {
        guard !paths.isEmpty else {
            throw SecretsError(
                "No age identity to decrypt the secrets with. Set BATOU_AGE_IDENTITIES to your age identity files "
                    + "or SSH private keys, separated by commas, or keep your SSH key in ~/.ssh/id_ed25519 or "
                    + "~/.ssh/id_rsa.")
        }
        for path in paths {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                problems.append("Cannot read the identity file \(path).")
                continue
            }
            do {
                identities += try AgeIdentity.identities(inFile: text, named: path, passphrase: IdentityPassphrase.forKey)
            } catch {
                problems.append(error.description)
            }
        }
        guard !identities.isEmpty else {
            throw SecretsError(["No age identity to decrypt the secrets with:"] + problems)
        }
    }
}

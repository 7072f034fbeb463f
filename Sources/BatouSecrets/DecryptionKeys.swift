import Synchronization

/// What decrypts an environment's secrets: for age, the identities in the files that
/// `BATOU_AGE_IDENTITIES` names, read when the first age file is decrypted; for GPG, the
/// user's own keyring (`GNUPGHOME` honoured) and gpg-agent, which asks for passphrases.
///
/// ```swift
/// let keys = DecryptionKeys()
/// let secrets = try SecretsDirectory(environment: "production", in: base).read(with: keys)
/// ```
///
/// An environment encrypted with GPG therefore needs no age identity.
public final class DecryptionKeys: Sendable {
    /// The files that hold age identities.
    public let identityPaths: [String]
    private let identities = Mutex<[AgeIdentity]?>(nil)

    public init(identityPaths: [String] = EnvironmentSecrets.identityPathsFromEnvironment()) {
        self.identityPaths = identityPaths
    }

    /// The age identities, read from their files the first time they are needed.
    ///
    /// - Throws: ``SecretsError`` when no identity file is named or one cannot be read.
    func ageIdentities() throws(SecretsError) -> [AgeIdentity] {
        try identities.withLock { cached throws(SecretsError) in
            if let cached { return cached }
            let loaded = try EnvironmentSecrets.loadIdentities(identityPaths)
            cached = loaded
            return loaded
        }
    }
}

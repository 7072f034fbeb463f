/// One encrypted file of an environment's secrets, encrypted as its name ends: `.age`,
/// `.age-diffable` or `.gpg`.
///
/// ```swift
/// let file = try SecretsFile(path: "environments/production/secrets.cfg.gpg")
/// print(try file.decrypt())
/// ```
public struct SecretsFile: Sendable, Hashable {
    /// How a file is encrypted.
    enum Encryption: Sendable, Hashable {
        case age, ageDiffable, gpg
    }

    /// Who a file is encrypted to: the environment's members, as its encryption needs them.
    enum Recipients {
        case age(AgeRecipients)
        case gpg(members: [String])
    }

    /// The path as messages show it; relative to the base directory, if any.
    public let path: String
    let baseDirectory: String?
    let encryption: Encryption

    /// The file at `path`, relative to `baseDirectory` when given.
    ///
    /// - Throws: ``SecretsError`` when the name ends in none of `.age`, `.age-diffable` and `.gpg`.
    public init(path: String, in baseDirectory: String? = nil) throws(SecretsError) {
        self.path = path
        self.baseDirectory = baseDirectory
        if path.hasSuffix(".age") {
            encryption = .age
        } else if path.hasSuffix(".age-diffable") {
            encryption = .ageDiffable
        } else if path.hasSuffix(".gpg") {
            encryption = .gpg
        } else {
            throw SecretsError(
                "\(path) is not a secrets file batou knows: its name must end in .age, .age-diffable or .gpg.")
        }
    }

    /// The file's cleartext, read under a shared lock and decrypted with `keys`.
    ///
    /// - Throws: ``SecretsError`` when the file is locked for writing, cannot be read, or does not decrypt.
    public func decrypt(with keys: DecryptionKeys = DecryptionKeys()) throws(SecretsError) -> String {
        let file = try LockedFile(path, in: baseDirectory, exclusive: false)
        defer { file.unlock() }
        return try decrypt(file.contents, with: keys)
    }

    /// The cleartext of `contents`, this file's bytes. An empty file holds empty cleartext,
    /// as in batou.
    func decrypt(_ contents: [UInt8], with keys: DecryptionKeys) throws(SecretsError) -> String {
        guard !contents.isEmpty else { return "" }
        let cleartext: [UInt8]
        switch encryption {
        case .age:
            cleartext = try keys.decryptAge(contents, at: path)
        case .ageDiffable:
            return try AgeDiffable.decrypt(try text(contents), file: path, with: keys)
        case .gpg:
            cleartext = try GPG.decrypt(contents, file: path)
        }
        return try text(cleartext)
    }

    /// The bytes of this file holding `text`, encrypted to `recipients`. An `age-diffable`
    /// file keeps the ciphertext of each value found unchanged in `previous`.
    func encrypt(
        _ text: String, to recipients: Recipients, keeping previous: [AgeDiffable.Key: AgeDiffable.Value] = [:]
    ) throws(SecretsError) -> [UInt8] {
        switch (encryption, recipients) {
        case (.age, .age(let age)):
            do throws(AgeError) {
                return try Age.encrypt(Array(text.utf8), to: age.recipients)
            } catch {
                throw SecretsError("Cannot encrypt \(path): \(error)")
            }
        case (.ageDiffable, .age(let age)):
            return Array(try AgeDiffable.encrypt(text, file: path, to: age.recipients, keeping: previous).utf8)
        case (.gpg, .gpg(let members)):
            return try GPG.encrypt(Array(text.utf8), to: members, file: path)
        case (.gpg, .age), (.age, .gpg), (.ageDiffable, .gpg):
            throw SecretsError("Cannot encrypt \(path): its name does not match the environment's secret provider.")
        }
    }

    private func text(_ bytes: [UInt8]) throws(SecretsError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SecretsError("\(path) does not hold UTF-8 text.")
        }
        return text
    }
}

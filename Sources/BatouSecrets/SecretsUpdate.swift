#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An environment's secrets files, locked for writing, and batou's two ways of writing them:
/// ``writeMain(_:reencrypt:)`` (batou's `write_config`) and ``writeSecretFile(_:_:)``
/// (`write_file`).
///
/// ```swift
/// try directory.update(with: keys, reporting: { print($0) }) { update in
///     let cleartext = try update.mainCleartext()
///     try update.writeMain(cleartext, reencrypt: true)
/// }
/// ```
///
/// Every file is written in one step (a temporary file renamed over it), and only when its
/// cleartext or the keys it is encrypted to changed, so that version control sees no change
/// otherwise.
public final class SecretsUpdate {
    /// batou's cleartext for an environment that has no secrets yet.
    public static let newMainTemplate = "[batou]\nsecret_provider = age\nmembers =\n"

    /// How the secrets are encrypted now; `nil` while the environment has none.
    public private(set) var provider: SecretProvider?
    private let directory: SecretsDirectory
    private let keys: DecryptionKeys
    private let report: (String) -> Void
    private var main: LockedFile?
    private var secretFiles: [String: LockedFile] = [:]
    /// The cleartext of each file decrypted or written so far, by path.
    private var cleartexts: [String: String] = [:]

    init(_ directory: SecretsDirectory, keys: DecryptionKeys, report: @escaping (String) -> Void) throws(SecretsError) {
        self.directory = directory
        self.keys = keys
        self.report = report
        provider = directory.provider
        guard let provider else { return }
        main = try LockedFile(directory.mainFile(of: provider), in: directory.baseDirectory, exclusive: true)
        for name in directory.secretFileNames {
            secretFiles[name] = try lock(directory.secretFile(name, of: provider))
        }
    }

    deinit {
        unlock()
    }

    /// The main file's cleartext, or ``newMainTemplate`` when there is none.
    ///
    /// - Throws: ``SecretsError`` when the file does not decrypt.
    public func mainCleartext() throws(SecretsError) -> String {
        guard let main else { return Self.newMainTemplate }
        return try cleartext(of: main)
    }

    /// The cleartext of the additional secret file `name`; empty when it is new.
    ///
    /// - Throws: ``SecretsError`` when the environment has no secrets or the file does not decrypt.
    public func secretFileCleartext(_ name: String) throws(SecretsError) -> String {
        guard let provider else { throw Self.noSecrets }
        return try cleartext(of: try secretFile(name, of: provider))
    }

    /// Writes the main file with `cleartext`, as batou's `write_config` does: sets
    /// `secret_provider` when missing, moves the secrets to the provider it names, encrypts to
    /// the members, and encrypts every secret file again when the keys changed or `reencrypt`.
    ///
    /// - Throws: ``SecretsError`` when the cleartext is malformed or names no members, a member's
    ///   key cannot be used, or a file cannot be written; files not yet written stay as they were.
    public func writeMain(_ cleartext: String, reencrypt force: Bool = false) throws(SecretsError) {
        let shownPath = directory.mainFile(of: provider ?? .age)
        var configuration = try SecretsConfiguration(parsing: cleartext, file: shownPath)
        var text = cleartext
        if configuration.providerName == nil {
            let provider = provider ?? .age
            text = configuration.settingProvider(provider)
            configuration = try SecretsConfiguration(parsing: text, file: shownPath)
            report("Setting secret provider to \(provider).")
        }
        let name = configuration.providerName ?? ""
        guard let target = SecretProvider(named: name) else {
            throw SecretsError(
                "\(shownPath): secret_provider = \(name) in [batou] is not a secret provider batou knows; use "
                    + SecretProvider.all.map(\.name).joined(separator: ", ") + ".")
        }
        let recipients = try Self.recipients(for: target, members: configuration.requiredMembers())
        guard let main, target == provider else {
            return try changeProvider(to: target, text, recipients: recipients, reencrypt: force)
        }
        let reencrypt = force || keysChanged(recipients, main: main)
        try write(text, to: main, recipients: recipients, reencrypt: reencrypt)
        if reencrypt {
            for (_, file) in secretFiles.sorted(by: { $0.key < $1.key }) where file.exists {
                try write(try self.cleartext(of: file), to: file, recipients: recipients, reencrypt: true)
            }
        }
        try saveAgeKeys(recipients)
    }

    /// Writes the main file with its members changed by `change`, one per line as batou writes
    /// them, as `secrets add` and `secrets remove` do.
    ///
    /// - Throws: ``SecretsError`` as ``writeMain(_:reencrypt:)`` does.
    public func changeMembers(_ change: ([String]) -> [String]) throws(SecretsError) {
        let configuration = try SecretsConfiguration(
            parsing: try mainCleartext(), file: directory.mainFile(of: provider ?? .age))
        try writeMain(configuration.settingMembers(change(configuration.members ?? [])))
    }

    /// Writes the additional secret file `name` with `text`, encrypted to the members of the
    /// main file, as batou's `write_file` does.
    ///
    /// - Throws: ``SecretsError`` when the environment has no secrets or members, a member's key
    ///   cannot be used, or the file cannot be written.
    public func writeSecretFile(_ name: String, _ text: String) throws(SecretsError) {
        guard let provider, let main else { throw Self.noSecrets }
        let members = try directory.configuration(of: main, with: keys).requiredMembers()
        let recipients = try Self.recipients(for: provider, members: members)
        if case .age(let age) = recipients { ageKeysChanged(age) }
        try write(text, to: try secretFile(name, of: provider), recipients: recipients, reencrypt: false)
        try saveAgeKeys(recipients)
    }

    /// Ends the locks; empty files that locking created are removed again.
    func unlock() {
        main?.unlock()
        secretFiles.values.forEach { $0.unlock() }
    }

    // MARK: - Writing

    private static let noSecrets = SecretsError(
        "Cannot edit secret files for environment without secret configuration.")

    private static func recipients(for provider: SecretProvider, members: [String]) throws(SecretsError)
        -> SecretsFile.Recipients
    {
        provider == .gpg ? .gpg(members: members) : .age(try AgeRecipients(members: members))
    }

    /// Encrypts `text` into `file` unless it holds that text already and `reencrypt` is false.
    private func write(_ text: String, to file: LockedFile, recipients: SecretsFile.Recipients, reencrypt: Bool)
        throws(SecretsError)
    {
        // What cannot be decrypted for comparing is written anew, as in batou.
        if !reencrypt, file.exists, (try? cleartext(of: file)) == text { return }
        let secretsFile = try SecretsFile(path: file.path, in: directory.baseDirectory)
        var previous: [AgeDiffable.Key: AgeDiffable.Value] = [:]
        if !reencrypt, file.exists, secretsFile.encryption == .ageDiffable {
            previous =
                (try? AgeDiffable.values(
                    of: String(decoding: file.contents, as: UTF8.self), file: file.path, with: keys)) ?? [:]
        }
        let bytes = try secretsFile.encrypt(text, to: recipients, keeping: previous)
        if !file.exists || bytes != file.contents { try file.replace(with: bytes) }
        cleartexts[file.path] = text
    }

    /// batou's `change_secret_provider`: writes the main file and every secret file with
    /// `target`, then deletes the files of the old provider. When a file cannot be written, the
    /// new files are removed again and the old ones stay as they were.
    private func changeProvider(
        to target: SecretProvider, _ text: String, recipients: SecretsFile.Recipients, reencrypt force: Bool
    ) throws(SecretsError) {
        let old = provider?.name ?? "none"
        report("Changing secret provider from \(old) to \(target).")
        // Both age providers keep secret files as secret-NAME.age: those are encrypted again only if the keys changed.
        let reencryptsKeptFiles = force || keysChanged(recipients, main: nil)
        // Files that did not exist before, removed again if the move fails.
        var created: [LockedFile] = []
        let newMain: LockedFile
        var newSecretFiles: [String: LockedFile] = [:]
        do {
            newMain = try lock(directory.mainFile(of: target))
            if !newMain.exists { created.append(newMain) }
            try write(text, to: newMain, recipients: recipients, reencrypt: true)
            for (name, file) in secretFiles.sorted(by: { $0.key < $1.key }) where file.exists {
                let path = directory.secretFile(name, of: target)
                let newFile = path == file.path ? file : try lock(path)
                if newFile !== file, !newFile.exists { created.append(newFile) }
                try write(
                    try cleartext(of: file), to: newFile, recipients: recipients,
                    reencrypt: newFile !== file || reencryptsKeptFiles)
                newSecretFiles[name] = newFile
            }
        } catch {
            for file in created { try? file.remove() }
            throw error
        }
        try main?.remove()
        for file in secretFiles.values where !newSecretFiles.values.contains(where: { $0 === file }) {
            try file.remove()
        }
        (main, secretFiles, provider) = (newMain, newSecretFiles, target)
        try saveAgeKeys(recipients)
        report("Secret provider changed from \(old) to \(target).")
    }

    // MARK: - Keys

    /// Whether the files must be encrypted again because the members' keys are not the ones
    /// the main file is encrypted to.
    private func keysChanged(_ recipients: SecretsFile.Recipients, main: LockedFile?) -> Bool {
        switch recipients {
        case .age(let age):
            return ageKeysChanged(age)
        case .gpg(let members):
            guard let main, main.exists else { return true }
            return !GPG.isEncrypted(main.contents, toExactly: members)
        }
    }

    /// Whether `age_keys.txt` records other keys than `recipients`, with batou's warnings.
    @discardableResult
    private func ageKeysChanged(_ recipients: AgeRecipients) -> Bool {
        guard let recorded = FileManager.default.contents(atPath: ageKeysLocation) else {
            report(
                "WARNING: The age encryption public-key metadata file does not exist!\n"
                    + "This is not a problem if you are setting up the environment for the first time.\n"
                    + "Please make sure that the new keys are correct and check the file in once you are done.")
            return true
        }
        guard Array(recorded) == Array(recipients.keysFileText.utf8) else {
            report(
                "WARNING: The age encryption public-key metadata file has changed!\n"
                    + "This means that some secrets are now encrypted with a different set of keys.\n"
                    + "Please make sure that the new keys are correct and check the file in once you are done.")
            return true
        }
        return false
    }

    /// Records the keys of age `recipients` in `age_keys.txt`, once the files are encrypted to them.
    private func saveAgeKeys(_ recipients: SecretsFile.Recipients) throws(SecretsError) {
        guard case .age(let age) = recipients else { return }
        let text = Array(age.keysFileText.utf8)
        guard FileManager.default.contents(atPath: ageKeysLocation).map(Array.init) != text else { return }
        try AtomicFile.write(
            text, to: ageKeysLocation, mode: 0o644, shownAs: "\(directory.directory)/\(AgeRecipients.keysFileName)")
    }

    private var ageKeysLocation: String {
        "\(directory.baseDirectory)/\(directory.directory)/\(AgeRecipients.keysFileName)"
    }

    // MARK: - Files

    private func lock(_ path: String) throws(SecretsError) -> LockedFile {
        try LockedFile(path, in: directory.baseDirectory, exclusive: true)
    }

    /// The locked secret file `name`, locked now if it is new.
    private func secretFile(_ name: String, of provider: SecretProvider) throws(SecretsError) -> LockedFile {
        if let file = secretFiles[name] { return file }
        let file = try lock(directory.secretFile(name, of: provider))
        secretFiles[name] = file
        return file
    }

    private func cleartext(of file: LockedFile) throws(SecretsError) -> String {
        if let known = cleartexts[file.path] { return known }
        let text = try SecretsFile(path: file.path, in: directory.baseDirectory).decrypt(file.contents, with: keys)
        cleartexts[file.path] = text
        return text
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The encrypted files of one environment's secrets, in `environments/ENV/`: the main file
/// `secrets.cfg.PROVIDER` and the additional secret files `secret-NAME.age` (or `.gpg` for GPG).
///
/// ```swift
/// let directory = try SecretsDirectory(environment: "production", in: base)
/// let (main, files) = try directory.read(with: DecryptionKeys())
/// ```
///
/// Files are read under shared locks; ``update(with:reporting:_:)`` locks them for writing.
public struct SecretsDirectory: Sendable {
    /// The environment's name.
    public let environment: String
    /// How the secrets are encrypted; `nil` when the environment has no secrets file.
    public let provider: SecretProvider?
    /// The names of the additional secret files (`secret-NAME.age` → `NAME`), sorted.
    public let secretFileNames: [String]
    let baseDirectory: String
    /// `environments/ENV`, as messages show it.
    let directory: String

    /// The secrets files of `environment` under `baseDirectory`.
    ///
    /// - Throws: ``SecretsError`` when there are several main secrets files, or one of a provider
    ///   batou does not know.
    public init(environment: String, in baseDirectory: String) throws(SecretsError) {
        self.environment = environment
        self.baseDirectory = baseDirectory
        directory = "environments/\(environment)"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: baseDirectory + "/" + directory)) ?? [])
            .sorted()
        let candidates = names.filter { $0.hasPrefix("secrets.cfg.") }
        guard candidates.count <= 1 else {
            throw SecretsError(
                "Several secrets files in \(directory): \(candidates.joined(separator: ", ")). Keep exactly one.")
        }
        guard let candidate = candidates.first else {
            provider = nil
            secretFileNames = []
            return
        }
        let name = String(candidate.dropFirst("secrets.cfg.".count))
        guard let provider = SecretProvider(named: name) else {
            throw SecretsError(
                "\(directory)/\(candidate): '\(name)' is not a secret provider batou knows; name the file "
                    + SecretProvider.all.map(\.mainFileName).joined(separator: ", ") + ".")
        }
        self.provider = provider
        let suffix = provider.secretFileSuffix
        secretFileNames = names.filter {
            $0.hasPrefix("secret-") && $0.hasSuffix(suffix) && $0.count > "secret-".count + suffix.count
        }
        .map { String($0.dropFirst("secret-".count).dropLast(suffix.count)) }
    }

    /// The main secrets file's path as messages show it, if there is one.
    public var mainFile: String? { provider.map(mainFile(of:)) }

    /// The cleartext of the main file and of every additional secret file, by name.
    ///
    /// - Throws: ``SecretsError`` for the first file that is locked for writing or does not decrypt.
    public func read(with keys: DecryptionKeys) throws(SecretsError) -> (main: String, secretFiles: [String: String]) {
        guard let provider, let mainFile else { return ("", [:]) }
        let main = try SecretsFile(path: mainFile, in: baseDirectory).decrypt(with: keys)
        var secretFiles: [String: String] = [:]
        for name in secretFileNames {
            secretFiles[name] = try SecretsFile(path: secretFile(name, of: provider), in: baseDirectory).decrypt(
                with: keys)
        }
        return (main, secretFiles)
    }

    /// `[batou] members` of the main file, read without decrypting the values of an `age-diffable` file.
    ///
    /// - Throws: ``SecretsError`` when the main file does not decrypt or is malformed.
    public func members(with keys: DecryptionKeys) throws(SecretsError) -> [String] {
        guard let mainFile else { return [] }
        let file = try LockedFile(mainFile, in: baseDirectory, exclusive: false)
        defer { file.unlock() }
        return try configuration(of: file, with: keys).members ?? []
    }

    /// Locks every file of the secrets for writing, runs `body` with them, and unlocks them.
    /// Messages for the user (as batou prints them while writing) go to `report`.
    ///
    /// - Throws: ``SecretsError`` when a file is locked by someone else, or what `body` throws.
    public func update<Result>(
        with keys: DecryptionKeys, reporting report: @escaping (String) -> Void,
        _ body: (SecretsUpdate) throws(SecretsError) -> Result
    ) throws(SecretsError) -> Result {
        let update = try SecretsUpdate(self, keys: keys, report: report)
        defer { update.unlock() }
        return try body(update)
    }

    // MARK: - Paths

    func mainFile(of provider: SecretProvider) -> String {
        "\(directory)/\(provider.mainFileName)"
    }

    func secretFile(_ name: String, of provider: SecretProvider) -> String {
        "\(directory)/secret-\(name)\(provider.secretFileSuffix)"
    }

    /// The cleartext configuration of the locked main `file`: for `age-diffable`, its own text,
    /// whose `[batou]` section is cleartext.
    func configuration(of file: LockedFile, with keys: DecryptionKeys) throws(SecretsError) -> SecretsConfiguration {
        let secretsFile = try SecretsFile(path: file.path, in: baseDirectory)
        let text =
            secretsFile.encryption == .ageDiffable
            ? String(decoding: file.contents, as: UTF8.self) : try secretsFile.decrypt(file.contents, with: keys)
        return try SecretsConfiguration(parsing: text, file: file.path)
    }
}

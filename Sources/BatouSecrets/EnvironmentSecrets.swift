public import BatouConfig

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An environment's decrypted secrets: `environments/ENV/secrets.cfg.age` and its
/// `secret-NAME.age` files, as batou reads them.
///
/// ```swift
/// let secrets = try EnvironmentSecrets.load(environment: "production", in: deploymentDirectory)
/// secrets.componentSections   // overrides, like [component:NAME] in environment.cfg
/// ```
///
/// Decrypted text exists only in memory. Identities come from `BATOU_AGE_IDENTITIES`
/// (comma-separated paths of files with `AGE-SECRET-KEY-1…` lines).
public struct EnvironmentSecrets: Sendable {
    /// The main secrets file, relative to the deployment; `nil` when the environment has none.
    public var file: String?
    /// `[batou] members`: who the secrets are encrypted to.
    public var members: [String] = []
    /// Component overrides, like `[component:NAME]` in the environment file.
    public var componentSections: [ComponentSection] = []
    /// `[host:NAME]` sections: data for hosts, keys with or without `data-`.
    public var hostSections: [IniSection] = []
    /// The texts of the additional secret files, by name (`secret-NAME.age` → `NAME`).
    public var secretFiles: [String: String] = [:]
    /// Every word of every override value and every line of every secret file, to mask diffs.
    public var secretData: Set<String> = []

    /// No secrets, as for an environment without a secrets file.
    public init() {}

    init(file: String) {
        self.file = file
    }

    /// Reads and decrypts the secrets of `environment` under `baseDirectory`.
    ///
    /// - Throws: ``SecretsError`` with every problem found: several or unsupported secrets
    ///   files, no identity that decrypts, a damaged file, or malformed lines (file:line).
    public static func load(
        environment: String, in baseDirectory: String,
        identityPaths: [String] = EnvironmentSecrets.identityPathsFromEnvironment()
    ) throws(SecretsError) -> EnvironmentSecrets {
        let directory = "environments/\(environment)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: baseDirectory + "/" + directory)) ?? []
        let candidates = names.filter { $0.hasPrefix("secrets.cfg.") }.sorted()
        guard !candidates.isEmpty else { return EnvironmentSecrets() }
        guard candidates.count == 1 else {
            throw SecretsError(
                "Several secrets files in \(directory): \(candidates.joined(separator: ", ")). Keep exactly one.")
        }
        let file = "\(directory)/\(candidates[0])"
        guard candidates[0] == "secrets.cfg.age" else {
            throw SecretsError(
                "\(file): batou for Swift reads age secrets (secrets.cfg.age) so far; "
                    + "\(candidates[0].dropFirst("secrets.cfg.".count)) secrets are not supported yet.")
        }
        let identities = try loadIdentities(identityPaths)
        var secrets = EnvironmentSecrets(file: file)
        let text = try decrypt(file, in: baseDirectory, with: identities)
        try secrets.read(text, file: file)
        for name in names.sorted() where name.hasPrefix("secret-") && name.hasSuffix(".age") {
            let secretName = String(name.dropFirst("secret-".count).dropLast(".age".count))
            let content = try decrypt("\(directory)/\(name)", in: baseDirectory, with: identities)
            secrets.secretFiles[secretName] = content
            secrets.secretData.formUnion(content.split(whereSeparator: \.isNewline).map(String.init))
        }
        return secrets
    }

    /// `BATOU_AGE_IDENTITIES`, split at commas.
    public static func identityPathsFromEnvironment() -> [String] {
        (ProcessInfo.processInfo.environment["BATOU_AGE_IDENTITIES"] ?? "")
            .split(separator: ",")
            .map { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
            .filter { !$0.isEmpty }
    }

    // MARK: - Reading

    static func loadIdentities(_ paths: [String]) throws(SecretsError) -> [AgeIdentity] {
        guard !paths.isEmpty else {
            throw SecretsError(
                "No age identity to decrypt the secrets with. Set BATOU_AGE_IDENTITIES to the files that hold "
                    + "your AGE-SECRET-KEY-1… lines, separated by commas.")
        }
        var identities: [AgeIdentity] = []
        for path in paths {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw SecretsError("Cannot read the age identity file \(path) (from BATOU_AGE_IDENTITIES).")
            }
            do {
                identities += try AgeIdentity.identities(inFile: text, named: path)
            } catch {
                throw SecretsError(error.description + " SSH keys as identities are not supported yet.")
            }
        }
        return identities
    }

    /// The text of `file` (relative to `baseDirectory`, if given), decrypted with `identities`.
    static func decrypt(_ file: String, in baseDirectory: String?, with identities: [AgeIdentity])
        throws(SecretsError) -> String
    {
        guard let data = FileManager.default.contents(atPath: baseDirectory.map { $0 + "/" + file } ?? file) else {
            throw SecretsError("Cannot read \(file).")
        }
        let plaintext: [UInt8]
        do {
            plaintext = try Age.decrypt(Array(data), with: identities)
        } catch {
            throw SecretsError("Cannot decrypt \(file): \(error)")
        }
        guard let text = String(validating: plaintext, as: UTF8.self) else {
            throw SecretsError("\(file) does not hold UTF-8 text.")
        }
        return text
    }

    private mutating func read(_ text: String, file: String) throws(SecretsError) {
        var diagnostics = ConfigDiagnostics()
        let document = IniDocument(parsing: text, file: file, diagnostics: &diagnostics)
        guard diagnostics.errors.isEmpty else { throw SecretsError(diagnostics.errors.map(\.description)) }
        for section in document.sections {
            if section.name == "batou" {
                members = section["members"]?.listItems ?? []
            } else if section.name.hasPrefix("host:") {
                hostSections.append(section)
            } else {
                let name = section.name.hasPrefix("component:") ? String(section.name.dropFirst("component:".count)) : section.name
                componentSections.append(ComponentSection(name: name, line: section.line, overrides: section.entries))
                for entry in section.entries {
                    secretData.formUnion(entry.value.split(whereSeparator: \.isWhitespace).map(String.init))
                }
            }
        }
    }
}

/// The secrets could not be read; each message says where and why.
public struct SecretsError: Error, Sendable, CustomStringConvertible {
    public var messages: [String]

    public init(_ message: String) {
        self.messages = [message]
    }

    public init(_ messages: [String]) {
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "\n") }
}

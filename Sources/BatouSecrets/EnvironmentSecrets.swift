public import BatouConfig

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An environment's decrypted secrets: `environments/ENV/secrets.cfg.age` (or
/// `.age-diffable`, or `.gpg`) and its `secret-NAME.age` (or `.gpg`) files, as batou reads them.
///
/// ```swift
/// let secrets = try EnvironmentSecrets.load(environment: "production", in: deploymentDirectory)
/// secrets.componentSections   // overrides, like [component:NAME] in environment.cfg
/// ```
///
/// Decrypted text exists only in memory. Identities are age identity files or OpenSSH private
/// keys (ed25519, rsa), from `BATOU_AGE_IDENTITIES` or the user's `~/.ssh` (see
/// ``DecryptionKeys``); GPG uses the user's keyring and gpg-agent.
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
    ///   files, no key that decrypts, a damaged file, or malformed lines (file:line).
    public static func load(
        environment: String, in baseDirectory: String, keys: DecryptionKeys = DecryptionKeys()
    ) throws(SecretsError) -> EnvironmentSecrets {
        let directory = try SecretsDirectory(environment: environment, in: baseDirectory)
        guard let file = directory.mainFile else { return EnvironmentSecrets() }
        let cleartexts = try directory.read(with: keys)
        var secrets = EnvironmentSecrets(file: file)
        try secrets.read(cleartexts.main, file: file)
        for (name, content) in cleartexts.secretFiles {
            secrets.secretFiles[name] = content
            secrets.secretData.formUnion(content.split(whereSeparator: \.isNewline).map(String.init))
        }
        return secrets
    }

    // MARK: - Reading

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
public struct SecretsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var messages: [String]

    public init(_ message: String) {
        self.messages = [message]
    }

    public init(_ messages: [String]) {
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "\n") }
}

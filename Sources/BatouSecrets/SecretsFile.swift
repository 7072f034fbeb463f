import BatouConfig

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One encrypted secrets file on disk: read with the user's identities, written to the
/// environment's members.
public struct SecretsFile: Sendable {
    /// The file's path.
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// Whether the file exists.
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// The file's cleartext, decrypted with the identities in `identityPaths`.
    public func decrypt(identityPaths: [String] = EnvironmentSecrets.identityPathsFromEnvironment())
        throws(SecretsError) -> String
    {
        try EnvironmentSecrets.decrypt(path, in: nil, with: EnvironmentSecrets.loadIdentities(identityPaths))
    }

    /// Encrypts `text` to `members` (`age1…` recipients) and replaces the file in one step.
    public func encrypt(_ text: String, to members: [String]) throws(SecretsError) {
        guard !members.isEmpty else {
            throw SecretsError("Please add at least one recipient to [batou] members in the secrets file.")
        }
        var recipients: [AgeRecipient] = []
        for member in members {
            guard member.hasPrefix("age1") else {
                throw SecretsError(
                    "The member '\(member)' is not an age recipient (age1…); SSH keys, key URLs and GPG members "
                        + "are not supported yet.")
            }
            do {
                recipients.append(try AgeRecipient(parsing: member))
            } catch {
                throw SecretsError(error.description)
            }
        }
        let encrypted: [UInt8]
        do {
            encrypted = try Age.encrypt(Array(text.utf8), to: recipients)
        } catch {
            throw SecretsError(error.description)
        }
        do {
            // Written to a temporary file and renamed: the old file stays whole until the new one is.
            try Data(encrypted).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SecretsError("Cannot write \(path): \(error)")
        }
    }

    /// The members (`[batou] members`) of a secrets file's cleartext; throws its malformed lines.
    public static func members(of text: String, file: String) throws(SecretsError) -> [String] {
        var diagnostics = ConfigDiagnostics()
        let document = IniDocument(parsing: text, file: file, diagnostics: &diagnostics)
        guard diagnostics.errors.isEmpty else { throw SecretsError(diagnostics.errors.map(\.description)) }
        guard let members = document.section("batou")?["members"] else {
            throw SecretsError("Please add a [batou] section with members to the secrets file.")
        }
        return members.listItems
    }
}

import BatouConfig

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// batou's `age-diffable` main secrets file (`secrets.cfg.age-diffable`): an INI file whose
/// `[batou]` section is cleartext and whose every other value is a complete age file of its
/// own, base64-encoded, so that a diff shows which keys changed.
///
/// ```ini
/// [batou]
/// members = age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
/// secret_provider = age-diffable
///
/// [component:hello]
/// magic_word = YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBS…
/// ```
///
/// An empty value stays empty, as batou leaves it. A value whose cleartext did not change
/// keeps its ciphertext when the file is written again, unless the keys changed.
enum AgeDiffable {
    /// A value's place in the file.
    struct Key: Hashable {
        var section: String
        var key: String
    }

    /// A value's cleartext and the base64 text it is stored as.
    struct Value {
        var cleartext: String
        var ciphertext: String
    }

    /// The cleartext of the file `text`, with every value decrypted in its place.
    ///
    /// - Throws: ``SecretsError`` naming the file, line and key of a value that does not decrypt.
    static func decrypt(_ text: String, file: String, with keys: DecryptionKeys) throws(SecretsError) -> String {
        let values = try self.values(of: text, file: file, with: keys)
        return try SecretsConfiguration(parsing: text, file: file).replacingValues { section, entry in
            values[Key(section: section.name, key: entry.key)]?.cleartext ?? ""
        }
    }

    /// Every value of the file `text`, decrypted.
    ///
    /// - Throws: ``SecretsError`` naming the file, line and key of a value that does not decrypt.
    static func values(of text: String, file: String, with keys: DecryptionKeys) throws(SecretsError) -> [Key: Value] {
        var values: [Key: Value] = [:]
        for section in try SecretsConfiguration(parsing: text, file: file).document.sections
        where section.name != "batou" {
            for entry in section.entries {
                let place = "\(file):\(entry.line): [\(section.name)] \(entry.key)"
                values[Key(section: section.name, key: entry.key)] = Value(
                    cleartext: try decrypt(entry.value, at: place, with: keys), ciphertext: entry.value)
            }
        }
        return values
    }

    /// The file for `cleartext`: its values encrypted to `recipients`, and those found unchanged
    /// in `previous` stored as they were.
    ///
    /// - Throws: ``SecretsError`` when `cleartext` is malformed or a value cannot be encrypted.
    static func encrypt(
        _ cleartext: String, file: String, to recipients: [AgeRecipient], keeping previous: [Key: Value]
    ) throws(SecretsError) -> String {
        try SecretsConfiguration(parsing: cleartext, file: file).replacingValues {
            section, entry throws(SecretsError) in
            if let old = previous[Key(section: section.name, key: entry.key)], old.cleartext == entry.value {
                return old.ciphertext
            }
            guard !entry.value.isEmpty else { return "" }
            do {
                return Data(try Age.encrypt(Array(entry.value.utf8), to: recipients)).base64EncodedString()
            } catch {
                throw SecretsError("Cannot encrypt \(file): \(error)")
            }
        }
    }

    // MARK: - Helpers

    private static func decrypt(_ ciphertext: String, at place: String, with keys: DecryptionKeys)
        throws(SecretsError) -> String
    {
        guard !ciphertext.isEmpty else { return "" }
        guard let bytes = Data(base64Encoded: ciphertext) else {
            throw SecretsError(
                "Cannot decrypt \(place): the value is not base64-encoded age. Restore the file, for example "
                    + "from version control.")
        }
        let cleartext = try keys.decryptAge(Array(bytes), at: place)
        guard let text = String(validating: cleartext, as: UTF8.self) else {
            throw SecretsError("\(place) does not hold UTF-8 text.")
        }
        return text
    }
}

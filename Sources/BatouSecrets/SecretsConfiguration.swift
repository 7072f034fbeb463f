import BatouConfig

/// The cleartext of a main secrets file, changed the way batou's ConfigUpdater changes it:
/// a value is replaced where it stands, and every other line, comments and layout included,
/// stays as it was.
///
/// ```swift
/// let configuration = try SecretsConfiguration(parsing: "[batou]\nmembers = alice\n", file: "secrets.cfg")
/// configuration.settingMembers(["alice", "bob"])   // "[batou]\nmembers =\n    alice,\n    bob\n"
/// ```
struct SecretsConfiguration {
    let document: IniDocument
    private let lines: [Substring]

    /// Parses `text`; `file` names it in messages.
    ///
    /// - Throws: ``SecretsError`` with every malformed line (file:line).
    init(parsing text: String, file: String) throws(SecretsError) {
        var diagnostics = ConfigDiagnostics()
        document = IniDocument(parsing: text, file: file, diagnostics: &diagnostics)
        guard diagnostics.errors.isEmpty else { throw SecretsError(diagnostics.errors.map(\.description)) }
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    /// `[batou] members`, split as batou splits lists; `nil` when there is no such key.
    var members: [String]? { document.section("batou")?["members"]?.listItems }

    /// `[batou] secret_provider`, if given.
    var providerName: String? { document.section("batou")?["secret_provider"]?.value }

    /// The members, or why the secrets cannot be encrypted to them.
    ///
    /// - Throws: ``SecretsError`` when `members` is missing or empty.
    func requiredMembers() throws(SecretsError) -> [String] {
        guard let members else {
            throw SecretsError("Please add a [batou] section with members to the secrets file.")
        }
        guard !members.isEmpty else {
            throw SecretsError("Please add at least one recipient to [batou] members in the secrets file.")
        }
        return members
    }

    /// The text with `members` set as batou writes it: one member per indented line.
    func settingMembers(_ members: [String]) -> String {
        setting("members", to: members.isEmpty ? "" : "\n" + members.joined(separator: ",\n"))
    }

    /// The text with `secret_provider` set to `provider`.
    func settingProvider(_ provider: SecretProvider) -> String {
        setting("secret_provider", to: provider.name)
    }

    /// The text with the value of every key outside `[batou]` replaced by `transform`'s result.
    func replacingValues<Failure: Error>(
        _ transform: (IniSection, IniEntry) throws(Failure) -> String
    ) throws(Failure) -> String {
        var replacements: [Int: (lastLine: Int, text: String)] = [:]
        for section in document.sections where section.name != "batou" {
            for entry in section.entries {
                replacements[entry.line] = (entry.lastLine, Self.line(entry.key, try transform(section, entry)))
            }
        }
        return replacing(replacements)
    }

    /// `key = value` as an INI line, with the lines of a multi-line value indented below it.
    static func line(_ key: String, _ value: String) -> String {
        let valueLines = value.split(separator: "\n", omittingEmptySubsequences: false)
        let first = valueLines.first.map { $0.isEmpty ? "\(key) =" : "\(key) = \($0)" } ?? "\(key) ="
        return ([first] + valueLines.dropFirst().map { $0.isEmpty ? "" : "    " + $0 }).joined(separator: "\n")
    }

    // MARK: - Helpers

    /// The text with `key` in `[batou]` set to `value`: replaced where it is, else added after
    /// the section's last key, or in a new `[batou]` section at the top.
    private func setting(_ key: String, to value: String) -> String {
        let line = Self.line(key, value)
        guard let section = document.section("batou") else {
            return "[batou]\n\(line)\n" + lines.joined(separator: "\n")
        }
        if let entry = section[key] {
            return replacing([entry.line: (entry.lastLine, line)])
        }
        let after = section.entries.last?.lastLine ?? section.line
        return replacing([after: (after, lines[after - 1] + "\n" + line)])
    }

    /// The text with the lines from each key of `replacements` to its `lastLine` replaced by its text.
    private func replacing(_ replacements: [Int: (lastLine: Int, text: String)]) -> String {
        var result: [Substring] = []
        var number = 1
        while number <= lines.count {
            if let replacement = replacements[number] {
                result.append(Substring(replacement.text))
                number = replacement.lastLine + 1
            } else {
                result.append(lines[number - 1])
                number += 1
            }
        }
        return result.joined(separator: "\n")
    }
}

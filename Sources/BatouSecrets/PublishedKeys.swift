import BatouTransport

/// The SSH keys someone publishes at an `https://` address, such as GitHub's
/// `https://github.com/alice.keys`, downloaded with `curl` as batou downloads them: every line
/// that starts with `ssh-`, sorted.
///
/// ```swift
/// let keys = try PublishedKeys.sshKeys(at: "https://github.com/alice.keys")
/// ```
///
/// The download is made over HTTPS only, redirects included, with the system's certificate
/// authorities (`CURL_CA_BUNDLE` names others).
enum PublishedKeys {
    /// How long a download may take, in seconds.
    static let timeout = 30

    /// - Throws: ``SecretsError`` naming `address` when it cannot be downloaded or lists no SSH key.
    static func sshKeys(at address: String) throws(SecretsError) -> [String] {
        let arguments = [
            "curl", "--silent", "--show-error", "--fail", "--location", "--proto", "=https", "--proto-redir",
            "=https", "--max-time", String(timeout), "--", address,
        ]
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(arguments)
        } catch {
            throw SecretsError(
                "Cannot download the keys of the member '\(address)': curl cannot be run (\(error)). Install curl "
                    + "(on Debian: apt-get install curl).")
        }
        guard outcome.status == 0 else {
            // curl's first line says what failed; the lines after it, how to read about it.
            let said = outcome.errors.split(whereSeparator: \.isNewline).first.map { " (\($0))" } ?? ""
            throw SecretsError(
                "Cannot download the keys of the member '\(address)'\(said). Check the address and the network, "
                    + "or write the member's SSH keys into [batou] members.")
        }
        let keys = String(decoding: outcome.output, as: UTF8.self).split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix("ssh-") }.map(String.init).sorted()
        guard !keys.isEmpty else {
            throw SecretsError(
                "The key list '\(address)' holds no SSH public key (no line starts with ssh-); the member could "
                    + "not decrypt the secrets. Correct the address or remove the member.")
        }
        return keys
    }
}

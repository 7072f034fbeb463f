import BatouTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `gpg` program, through which batou reads and writes `secrets.cfg.gpg` and
/// `secret-NAME.gpg`: it decrypts with the user's keyring (`GNUPGHOME` honoured) and
/// gpg-agent, which asks for passphrases, and encrypts to the members' public keys.
///
/// ```swift
/// let ciphertext = try GPG.encrypt(Array("[batou]\n".utf8), to: ["alice@example.com"], file: "secrets.cfg.gpg")
/// let cleartext = try GPG.decrypt(ciphertext, file: "secrets.cfg.gpg")
/// ```
///
/// Cleartext and ciphertext pass through pipes, never through files. gpg reports what
/// happened on a status channel (`--status-fd`), which is what the errors are made from.
enum GPG {
    /// The programs tried, in order, as batou tries them.
    static let candidates = ["gpg", "gpg2"]

    /// The first of ``candidates`` that runs, found once.
    static let program: String? = candidates.first { candidate in
        (try? ChildProcess.run([candidate, "--version"]))?.status == 0
    }

    /// Decrypts `ciphertext`, the content of `file`.
    ///
    /// - Throws: ``SecretsError`` naming `file` when gpg is missing, none of the user's secret
    ///   keys fits, or the file is damaged.
    static func decrypt(_ ciphertext: [UInt8], file: String) throws(SecretsError) -> [UInt8] {
        // gpg-agent's pinentry needs the terminal, which gpg cannot find from a pipe.
        var environment: [String: String] = [:]
        if getenv("GPG_TTY") == nil, isatty(0) == 1, let terminal = ttyname(0) {
            environment["GPG_TTY"] = String(cString: terminal)
        }
        let outcome = try run(
            ["--status-fd", "2", "--decrypt"], input: ciphertext, environment: environment, file: file)
        let status = Status(outcome.errors)
        guard outcome.status == 0, status.has("DECRYPTION_OKAY") else {
            throw decryptionError(status, outcome, file: file)
        }
        return outcome.output
    }

    /// Encrypts `cleartext` for `file` to `members`: key ids, fingerprints or user ids
    /// (such as e-mail addresses) of public keys in the user's keyring.
    ///
    /// - Throws: ``SecretsError`` naming `file` and the member when gpg is missing or cannot use
    ///   a member's key.
    static func encrypt(_ cleartext: [UInt8], to members: [String], file: String) throws(SecretsError) -> [UInt8] {
        // In batch mode gpg fails instead of asking on the terminal whether to use an untrusted key.
        let arguments = ["--batch", "--status-fd", "2", "--encrypt"] + members.flatMap { ["--recipient", $0] }
        let outcome = try run(arguments, input: cleartext, file: file)
        let status = Status(outcome.errors)
        guard outcome.status == 0, status.has("END_ENCRYPTION") else {
            throw encryptionError(status, outcome, file: file)
        }
        return outcome.output
    }

    /// Whether `ciphertext` is encrypted to exactly the keys of `members`: every key it is
    /// encrypted to belongs to a member, and every member has a key among them. When that
    /// cannot be told, the answer is no, so that the file is encrypted again.
    static func isEncrypted(_ ciphertext: [UInt8], toExactly members: [String]) -> Bool {
        guard let listed = try? run(["--batch", "--list-only", "--list-packets"], input: ciphertext, file: "") else {
            return false
        }
        let keyIDs = Set(
            String(decoding: listed.output, as: UTF8.self).split(separator: "\n")
                .filter { $0.hasPrefix(":pubkey enc packet:") }
                .compactMap { $0.split(separator: " ").last.map(String.init) })
        guard !keyIDs.isEmpty else { return false }
        var covered: Set<String> = []
        for member in members {
            let memberKeys = encryptionKeyIDs(of: member)
            guard !memberKeys.isDisjoint(with: keyIDs) else { return false }
            covered.formUnion(memberKeys)
        }
        return keyIDs.isSubset(of: covered)
    }

    // MARK: - Helpers

    /// The ids of the keys (primary key and subkeys) of `member` that can encrypt.
    private static func encryptionKeyIDs(of member: String) -> Set<String> {
        guard let listed = try? run(["--batch", "--with-colons", "--list-keys", member], file: "") else { return [] }
        var keyIDs: Set<String> = []
        for line in String(decoding: listed.output, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count > 11, fields[0] == "pub" || fields[0] == "sub", fields[11].contains("e") else {
                continue
            }
            keyIDs.insert(String(fields[4]))
        }
        return keyIDs
    }

    private static func run(
        _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:], file: String
    ) throws(SecretsError) -> ChildProcess.Outcome {
        guard let program else {
            throw SecretsError(
                "\(file) is encrypted with GPG, but neither `gpg` nor `gpg2` can be run. Install GnuPG "
                    + "(on Debian: apt-get install gnupg) and import your key.")
        }
        do {
            return try ChildProcess.run([program] + arguments, input: input, environment: environment)
        } catch {
            throw SecretsError("Cannot run \(program) for \(file): \(error)")
        }
    }

    private static func decryptionError(_ status: Status, _ outcome: ChildProcess.Outcome, file: String) -> SecretsError
    {
        let encryptedTo = status.arguments("ENC_TO").compactMap(\.first)
        if !encryptedTo.isEmpty, status.arguments("NO_SECKEY").count == encryptedTo.count {
            return SecretsError(
                "Cannot decrypt \(file): it is encrypted to the GPG keys \(encryptedTo.joined(separator: ", ")), "
                    + "and your keyring has the secret key of none of them. Ask a member to add your key "
                    + "(./batou secrets add KEYID), or set GNUPGHOME to the keyring that holds yours.")
        }
        let said = lastMessage(outcome.errors).map { " (gpg: \($0))" } ?? ""
        if status.has("NODATA") || status.has("DECRYPTION_FAILED") || outcome.status == 0 {
            return SecretsError(
                "Cannot decrypt \(file) with GPG: the file is damaged or truncated\(said). Restore it, for "
                    + "example from version control.")
        }
        return SecretsError("Cannot decrypt \(file) with GPG\(said).")
    }

    private static func encryptionError(_ status: Status, _ outcome: ChildProcess.Outcome, file: String) -> SecretsError
    {
        let problems = status.arguments("INV_RECP").compactMap { arguments -> String? in
            guard arguments.count >= 2 else { return nil }
            let member = arguments.dropFirst().joined(separator: " ")
            switch arguments[0] {
            case "1":
                return "your keyring has no public key for the member '\(member)'; import it (gpg --import) "
                    + "or correct [batou] members"
            case "10":
                return "the key of the member '\(member)' is not trusted; certify it (gpg --lsign-key \(member))"
            case "4", "5":
                return "the key of the member '\(member)' is \(arguments[0] == "4" ? "revoked" : "expired"); "
                    + "ask them for a current one (gpg --import) or remove them from [batou] members"
            default:
                return "gpg cannot encrypt to the member '\(member)'"
            }
        }
        guard problems.isEmpty else {
            return SecretsError(
                "Cannot encrypt \(file) with GPG: \(problems.joined(separator: "; ")). Nothing was written.")
        }
        let said = lastMessage(outcome.errors).map { " (gpg: \($0))" } ?? ""
        return SecretsError("Cannot encrypt \(file) with GPG\(said). Nothing was written.")
    }

    /// gpg's last message on standard error, without its `gpg: ` prefix and final full stop.
    private static func lastMessage(_ errors: String) -> String? {
        errors.split(separator: "\n").last { $0.hasPrefix("gpg: ") }.map { line in
            String(line.dropFirst("gpg: ".count).reversed().drop { $0 == "." || $0 == " " }.reversed())
        }
    }

    /// gpg's `[GNUPG:] KEYWORD ARGUMENTS…` lines.
    private struct Status {
        let lines: [[String]]

        init(_ errors: String) {
            lines = errors.split(separator: "\n").filter { $0.hasPrefix("[GNUPG:] ") }.map { line in
                line.dropFirst("[GNUPG:] ".count).split(separator: " ").map(String.init)
            }
        }

        func has(_ keyword: String) -> Bool {
            lines.contains { $0.first == keyword }
        }

        /// The arguments of every line with `keyword`.
        func arguments(_ keyword: String) -> [[String]] {
            lines.filter { $0.first == keyword }.map { Array($0.dropFirst()) }
        }
    }
}

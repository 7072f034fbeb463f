import BatouConfig
import BatouTransport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The passphrase of an encrypted SSH key, found as batou finds it: the value of
/// `BATOU_AGE_IDENTITY_PASSPHRASE`, read from 1Password with `op read` when it is an `op://…`
/// reference, else asked on the terminal.
///
/// ```swift
/// // BATOU_AGE_IDENTITY_PASSPHRASE=op://Private/deploy-key/password
/// let passphrase = try IdentityPassphrase.forKey("/home/alice/.ssh/id_ed25519")
/// ```
enum IdentityPassphrase {
    /// The variable that holds the passphrase, or a 1Password reference to it.
    static let variable = "BATOU_AGE_IDENTITY_PASSPHRASE"

    /// The passphrase of the key in `keyFile`.
    ///
    /// - Throws: ``AgeError`` when 1Password cannot give it, or there is neither the variable
    ///   nor a terminal to ask on.
    @Sendable static func forKey(_ keyFile: String) throws(AgeError) -> String {
        if let value = ProcessInfo.processInfo.environment[variable] {
            return value.hasPrefix("op://") ? try readFromOnePassword(value, for: keyFile) : value
        }
        guard let passphrase = TerminalPrompt.secret("Enter passphrase for \(keyFile): ") else {
            throw AgeError(
                "The SSH key \(keyFile) is protected by a passphrase. Set \(variable) to it, or run batou on a "
                    + "terminal to be asked for it.")
        }
        return passphrase
    }

    /// What `op read reference` prints, without the spaces and line breaks around it, as batou takes it.
    private static func readFromOnePassword(_ reference: String, for keyFile: String) throws(AgeError) -> String {
        let failure = "\(variable) refers to 1Password (\(reference)) for the passphrase of \(keyFile)"
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(["op", "read", reference])
        } catch {
            throw AgeError(
                "\(failure), but the 1Password CLI `op` cannot be run (\(error)). Install it, or set \(variable) "
                    + "to the passphrase itself.")
        }
        guard outcome.status == 0 else {
            let said = outcome.errors.split(whereSeparator: \.isNewline).last.map { ": \($0)" } ?? ""
            throw AgeError(
                "\(failure), but `op read` failed\(said). Sign in with `op signin` and check the reference.")
        }
        return String(decoding: outcome.output, as: UTF8.self).trimmingWhitespace()
    }
}

import BatouSecrets
import BatouTransport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `secrets edit`: decrypts an environment's secrets file to a private temporary file, opens
/// an editor on it, checks the result, and encrypts it again to the members. The files stay
/// locked while the editor is open, and the cleartext is removed when the command ends.
public struct SecretsEditor {
    public var baseDirectory: String
    public var environment: String
    /// `NAME` to edit `secret-NAME.age` (or `.gpg`) instead of the main secrets file.
    public var secretFile: String?
    /// The editor command; the file's path is appended.
    public var editor: String

    public init(baseDirectory: String, environment: String, secretFile: String?, editor: String) {
        self.baseDirectory = baseDirectory
        self.environment = environment
        self.secretFile = secretFile
        self.editor = editor
    }

    /// Runs the edit; returns the exit status after printing what happened.
    public func run() -> Int32 {
        do throws(SecretsError) {
            try edit()
            return 0
        } catch {
            OutputChannel.standardError.write("ERROR: \(error)\n")
            return 1
        }
    }

    /// `secrets decrypttostdout`: prints the cleartext of `file`; returns the exit status.
    public static func printCleartext(of file: String) -> Int32 {
        do throws(SecretsError) {
            let cleartext = try SecretsFile(path: file).decrypt()
            OutputChannel.standardOutput.write(cleartext.isEmpty ? "(unable to decrypt content)\n" : cleartext)
            return 0
        } catch {
            OutputChannel.standardError.write("ERROR: \(error)\n")
            return 1
        }
    }

    private func edit() throws(SecretsError) {
        let environmentFile = "\(baseDirectory)/environments/\(environment)/environment.cfg"
        guard FileManager.default.fileExists(atPath: environmentFile) else {
            throw SecretsError("Environment \(environment) does not exist.")
        }
        let directory = try SecretsDirectory(environment: environment, in: baseDirectory)
        try directory.update(with: DecryptionKeys(), reporting: { OutputChannel.standardOutput.write($0 + "\n") }) {
            update throws(SecretsError) in
            let original =
                if let secretFile { try update.secretFileCleartext(secretFile) } else { try update.mainCleartext() }
            try edit(original) { text throws(SecretsError) in
                if let secretFile {
                    try update.writeSecretFile(secretFile, text)
                } else {
                    try update.writeMain(text)
                }
            }
        }
    }

    /// Opens the editor on `original` until `save` accepts the text or nothing was changed.
    private func edit(_ original: String, save: (String) throws(SecretsError) -> Void) throws(SecretsError) {
        let scratch = try PrivateDirectory()
        defer { scratch.remove() }
        // The editor sees the name inside the encryption's: secrets.cfg → .cfg, secret-foo.yaml → .yaml.
        let suffix = secretFile.map { name in name.contains(".") ? "." + (name.split(separator: ".").last ?? "") : "" } ?? ".cfg"
        let path = scratch.path + "/edit" + suffix
        var text = original
        while true {
            do {
                try text.write(toFile: path, atomically: false, encoding: .utf8)
            } catch {
                throw SecretsError("Cannot write the temporary file for editing: \(error)")
            }
            let status = ChildProcess.runOnTerminal("\(editor) \(shellQuoted(path))")
            guard status == 0 else { throw SecretsError("The editor ended with status \(status); nothing was changed.") }
            text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            guard text != original else {
                OutputChannel.standardOutput.write("No changes from original cleartext. Not updating.\n")
                return
            }
            do throws(SecretsError) {
                return try save(text)
            } catch {
                // As batou does: say what is wrong and open the editor again on the same text.
                OutputChannel.standardOutput.write("\n\nAn error occurred: \(error)\nThe editor opens again.\n")
            }
        }
    }
}

/// A directory only this user can read, for cleartext that must not outlive the command.
private struct PrivateDirectory {
    let path: String

    init() throws(SecretsError) {
        path = FileManager.default.temporaryDirectory.path + "/batou-secrets-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw SecretsError("Cannot create a private temporary directory: \(error)")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

import BatouSecrets
import BatouTransport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `secrets edit`: decrypts an environment's secrets file to a private temporary file, opens
/// an editor on it, checks the result, and encrypts it again to the members. The cleartext
/// is removed when the command ends.
public struct SecretsEditor {
    public var baseDirectory: String
    public var environment: String
    /// `NAME` to edit `secret-NAME.age` instead of the main secrets file.
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
            OutputChannel.standardOutput.write(try SecretsFile(path: file).decrypt())
            return 0
        } catch {
            OutputChannel.standardError.write("ERROR: \(error)\n")
            return 1
        }
    }

    private func edit() throws(SecretsError) {
        let directory = "\(baseDirectory)/environments/\(environment)"
        guard FileManager.default.fileExists(atPath: directory + "/environment.cfg") else {
            throw SecretsError("Environment \(environment) does not exist.")
        }
        let main = SecretsFile(path: directory + "/secrets.cfg.age")
        let target = secretFile.map { SecretsFile(path: "\(directory)/secret-\($0).age") } ?? main
        if secretFile != nil, !main.exists {
            throw SecretsError("Cannot edit secret files for environment without secret configuration.")
        }
        let original = target.exists ? try target.decrypt() : (secretFile == nil ? "[batou]\nmembers =\n" : "")
        let scratch = try PrivateDirectory()
        defer { scratch.remove() }
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
                let mainText = secretFile == nil ? text : try main.decrypt()
                let members = try SecretsFile.members(of: mainText, file: "secrets.cfg")
                try target.encrypt(text, to: members)
                return
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

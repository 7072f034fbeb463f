import BatouSecrets

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `secrets summary`, `add`, `remove` and `reencrypt`: who can read each environment's
/// secrets, changed the way batou changes it.
///
/// ```swift
/// let management = SecretsManagement(baseDirectory: ".")
/// let status = management.add("alice@example.com", environments: "production,staging")
/// ```
///
/// `environments` is batou's comma-separated list of names; empty means every environment.
/// A problem with one environment is reported, and the others are still handled.
public struct SecretsManagement {
    /// The deployment, which holds `environments/`.
    public var baseDirectory: String
    var output = OutputChannel.standardOutput
    var errors = OutputChannel.standardError
    private let keys = DecryptionKeys()

    public init(baseDirectory: String) {
        self.baseDirectory = baseDirectory
    }

    /// Prints the members and secret files of every environment, as batou does; returns the exit status.
    public func summary() -> Int32 {
        var status: Int32 = 0
        for environment in allEnvironments() {
            output.write(environment + "\n")
            do throws(SecretsError) {
                let directory = try SecretsDirectory(environment: environment, in: baseDirectory)
                guard directory.provider != nil else {
                    output.write("\tNo secrets found.\n")
                    continue
                }
                let members = try directory.members(with: keys)
                output.write(
                    "\t members\n" + list(members) + "\t secret files\n" + list(directory.secretFileNames) + "\n")
            } catch {
                errors.write("ERROR: \(error)\n")
                status = 1
            }
        }
        return status
    }

    /// Adds `member` (an age recipient, or a GPG key id or user id) to the environments'
    /// members and encrypts their files to it; returns the exit status.
    public func add(_ member: String, environments: String) -> Int32 {
        update(environments) { update throws(SecretsError) in
            try update.changeMembers { members in members.contains(member) ? members : members + [member] }
        }
    }

    /// Removes `member` from the environments' members and encrypts their files to the rest;
    /// returns the exit status.
    public func remove(_ member: String, environments: String) -> Int32 {
        update(environments) { update throws(SecretsError) in
            try update.changeMembers { members in members.filter { $0 != member } }
        }
    }

    /// Encrypts every file of the environments again where the members' keys changed, or
    /// every file with `force`; returns the exit status.
    public func reencrypt(environments: String, force: Bool) -> Int32 {
        guard let names = filter(environments) else { return 1 }
        output.write("Re-encrypting environments [\(names.map { "'\($0)'" }.joined(separator: ", "))]\n")
        return update(names) { update throws(SecretsError) in
            try update.writeMain(update.mainCleartext(), reencrypt: force)
        }
    }

    // MARK: - Helpers

    private func update(_ environments: String, _ change: (SecretsUpdate) throws(SecretsError) -> Void) -> Int32 {
        guard let names = filter(environments) else { return 1 }
        return update(names, change)
    }

    /// Runs `change` on each environment's locked secrets; environments without secrets are skipped.
    private func update(_ names: [String], _ change: (SecretsUpdate) throws(SecretsError) -> Void) -> Int32 {
        var status: Int32 = 0
        for environment in names {
            do throws(SecretsError) {
                let directory = try SecretsDirectory(environment: environment, in: baseDirectory)
                guard directory.provider != nil else {
                    output.write("Skipping environment \(environment): it has no secrets.\n")
                    continue
                }
                try directory.update(with: keys, reporting: { [output] in output.write($0 + "\n") }, change)
            } catch {
                errors.write("ERROR: \(error)\n")
                status = 1
            }
        }
        return status
    }

    /// The names in batou's comma-separated `environments`, every environment when empty; `nil`
    /// after reporting names that are no environment.
    private func filter(_ environments: String) -> [String]? {
        let all = allEnvironments()
        let names = environments.split(separator: ",")
            .map { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
            .filter { !$0.isEmpty }
        guard !names.isEmpty else { return all }
        let unknown = names.filter { !all.contains($0) }
        guard unknown.isEmpty else {
            errors.write(
                "ERROR: Unknown environment(s): \(unknown.joined(separator: ", ")). The environments are: "
                    + (all.isEmpty ? "none" : all.joined(separator: ", ")) + ".\n")
            return nil
        }
        return names
    }

    /// The environments of the deployment: the directories under `environments/` with an `environment.cfg`.
    private func allEnvironments() -> [String] {
        let directory = baseDirectory + "/environments"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().filter { name in
            FileManager.default.fileExists(atPath: "\(directory)/\(name)/environment.cfg")
        }
    }

    /// batou's list lines: `\t\t- item` each, or `\t\t(none)`.
    private func list(_ items: [String]) -> String {
        items.isEmpty ? "\t\t(none)\n" : items.map { "\t\t- \($0)\n" }.joined()
    }
}

import Foundation
import Testing

@testable import BatouSecrets

/// A deployment in a temporary directory with environments that have an `environment.cfg`,
/// and an age identity to read and write their secrets.
final class TestDeployment {
    let scratch: Scratch
    let identity: AgeIdentity
    let keys: DecryptionKeys
    /// What the last ``update(_:_:)`` reported, line by line.
    private(set) var reports: [String] = []

    init(environments: [String] = ["test"], identity: AgeIdentity = AgeIdentity.generate()) throws {
        scratch = try Scratch()
        self.identity = identity
        try scratch.write(try #require(identity.secretKeyText) + "\n", to: "key.txt")
        keys = DecryptionKeys(identityPaths: [scratch.path("key.txt")])
        for environment in environments {
            try FileManager.default.createDirectory(
                at: scratch.url("environments/\(environment)"), withIntermediateDirectories: true)
            try scratch.write("[hosts]\nlocalhost = hello\n", to: "environments/\(environment)/environment.cfg")
        }
    }

    var directory: String { scratch.root.path }
    var recipient: String { identity.recipient.description }

    /// The secrets files of `environment`.
    func secrets(_ environment: String = "test") throws -> SecretsDirectory {
        try SecretsDirectory(environment: environment, in: directory)
    }

    /// Runs `body` on the locked secrets of `environment`, keeping what it reports.
    func update(in environment: String = "test", _ body: (SecretsUpdate) throws(SecretsError) -> Void) throws {
        reports = []
        try secrets(environment).update(with: keys, reporting: { self.reports.append($0) }, body)
    }

    /// Creates the secrets of `environment` from `cleartext`, with `files` as secret files.
    func create(_ cleartext: String, in environment: String = "test", files: [String: String] = [:]) throws {
        try update(in: environment) { update throws(SecretsError) in try update.writeMain(cleartext) }
        try update(in: environment) { update throws(SecretsError) in
            for (name, text) in files { try update.writeSecretFile(name, text) }
        }
    }

    func contents(_ path: String) -> Data? {
        FileManager.default.contents(atPath: scratch.path(path))
    }

    func text(_ path: String) -> String? {
        contents(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names in `environments/ENV/`, sorted.
    func files(_ environment: String = "test") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.path("environments/\(environment)")).sorted()
    }
}

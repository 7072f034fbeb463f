/// How an environment's secrets are encrypted, as `[batou] secret_provider` names it:
/// `age`, `age-diffable` or `gpg`.
///
/// ```swift
/// SecretProvider(named: "age-diffable")?.mainFileName   // "secrets.cfg.age-diffable"
/// ```
///
/// The main secrets file is `secrets.cfg.NAME`. Additional secret files are `secret-NAME.gpg`
/// for GPG and `secret-NAME.age` for both age providers.
public struct SecretProvider: Hashable, Sendable, CustomStringConvertible {
    enum Storage: String, CaseIterable, Sendable {
        case age
        case ageDiffable = "age-diffable"
        case gpg
    }

    let storage: Storage

    /// Each file encrypted with age as a whole.
    public static var age: Self { .init(storage: .age) }
    /// The main file as INI with each value encrypted with age on its own, so that a diff
    /// shows which keys changed; secret files as with ``age``.
    public static var ageDiffable: Self { .init(storage: .ageDiffable) }
    /// Each file encrypted with the `gpg` program to the members' public keys.
    public static var gpg: Self { .init(storage: .gpg) }

    /// Every provider batou knows.
    static var all: [SecretProvider] { Storage.allCases.map(SecretProvider.init(storage:)) }

    init(storage: Storage) {
        self.storage = storage
    }

    /// The provider `name` stands for, if batou knows it.
    public init?(named name: String) {
        guard let storage = Storage(rawValue: name) else { return nil }
        self.storage = storage
    }

    /// The name, as `[batou] secret_provider` gives it.
    public var name: String { storage.rawValue }

    public var description: String { name }

    /// The name of the main secrets file: `secrets.cfg.age`, `secrets.cfg.age-diffable` or `secrets.cfg.gpg`.
    public var mainFileName: String { "secrets.cfg." + name }

    /// How the names of additional secret files end: `.gpg`, or `.age` for both age providers.
    var secretFileSuffix: String { storage == .gpg ? ".gpg" : ".age" }
}

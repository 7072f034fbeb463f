import ArgumentParser

/// `batou secrets …`: manage an environment's encrypted secrets.
struct SecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Manage encrypted secret files (age, with keys from BATOU_AGE_IDENTITIES).",
        subcommands: [EditSecretsCommand.self, DecryptSecretsCommand.self]
    )
}

/// `batou secrets edit ENVIRONMENT [FILE]`.
struct EditSecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit an environment's secrets: decrypt, open an editor, check, encrypt to the members.",
        discussion: "The cleartext lives in a private temporary file that is removed when the command ends."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: [.short, .long], help: "The editor to use (default: $EDITOR, else vi).")
    var editor: String?

    @Argument(help: "The environment whose secrets to edit.")
    var environment: String

    @Argument(help: "NAME of an additional secret file secret-NAME.age to edit instead of secrets.cfg.age.")
    var file: String?
}

/// `batou secrets decrypttostdout FILE`.
struct DecryptSecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypttostdout",
        abstract: "Decrypt a secrets file and print its cleartext."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The encrypted file, such as environments/production/secrets.cfg.age.")
    var file: String
}

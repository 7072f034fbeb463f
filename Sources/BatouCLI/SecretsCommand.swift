import ArgumentParser

/// `batou secrets …`: manage an environment's encrypted secrets.
struct SecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Manage encrypted secret files. Relies on age identities (BATOU_AGE_IDENTITIES) or GPG being "
            + "configured correctly.",
        subcommands: [
            EditSecretsCommand.self, SummarySecretsCommand.self, AddSecretsCommand.self, RemoveSecretsCommand.self,
            ReencryptSecretsCommand.self, DecryptSecretsCommand.self,
        ]
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

    @Argument(help: "NAME of an additional secret file secret-NAME.age (or .gpg) to edit instead of the main file.")
    var file: String?
}

/// `batou secrets summary`.
struct SummarySecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Give a summary of secret files and who has access."
    )

    @OptionGroup var global: GlobalOptions
}

/// `batou secrets add KEYID [--environments ENVIRONMENTS]`.
struct AddSecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user's key to one or more secret files."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var member: MemberOptions
}

/// `batou secrets remove KEYID [--environments ENVIRONMENTS]`.
struct RemoveSecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a user's key from one or more secret files."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var member: MemberOptions
}

/// What `secrets add` and `secrets remove` take.
struct MemberOptions: ParsableArguments {
    @Argument(help: "The user's key: an age recipient (age1…), or for GPG a key ID or email address.")
    var keyid: String

    @Option(help: "The environments to update, separated by commas. Update all if not specified.")
    var environments = ""
}

/// `batou secrets reencrypt [--environments ENVIRONMENTS] [--force]`.
struct ReencryptSecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reencrypt",
        abstract: "Re-encrypt all secret files with the current members."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The environments to update, separated by commas. Update all if not specified.")
    var environments = ""

    @Flag(name: [.short, .long], help: "Force re-encryption even if keys have not changed.")
    var force = false
}

/// `batou secrets decrypttostdout FILE`.
struct DecryptSecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypttostdout",
        abstract: "Decrypt a secret file to stdout, useful for git diff."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The encrypted file (.age, .age-diffable or .gpg), such as environments/prod/secrets.cfg.age.")
    var file: String
}

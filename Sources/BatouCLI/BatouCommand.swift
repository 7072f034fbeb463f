import ArgumentParser

/// `batou`: the root of the command line, with its subcommands.
struct BatouCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batou",
        abstract: "batou: multi-(host|component|environment|version|platform) deployment",
        discussion: """
            Deploys the environments of this deployment: ./batou deploy ENVIRONMENT.
            Environments live in environments/ENVIRONMENT/environment.cfg.
            """,
        version: "batou 0.1.0",
        subcommands: [DeployCommand.self, SecretsCommand.self, AgentCommand.self]
    )

    @OptionGroup var global: GlobalOptions
}

/// Options that every subcommand accepts, before or after its name.
struct GlobalOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "Enable debug mode: show the run's internal steps.")
    var debug = false
}

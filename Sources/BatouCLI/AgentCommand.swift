import ArgumentParser

/// `batou agent`: what a host runs when the controller deploys to it over SSH. Not for people.
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Serve a controller's requests on standard input (started by `deploy` on each host).",
        shouldDisplay: false
    )

    @Option(help: "The deployment directory on this host (the environment's target_directory).")
    var directory: String
}

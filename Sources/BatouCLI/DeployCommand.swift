import ArgumentParser
import BatouEngine

/// `batou deploy ENVIRONMENT`, with batou's options.
struct DeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy an environment.",
        discussion: """
            Configures the model of every host in the environment, then verifies each component \
            and updates those that differ from it. A second deploy of an unchanged model changes nothing.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: [.short, .long], help: "Alternative platform to choose. Empty for no platform.")
    var platform: String?

    @Option(name: [.short, .long], help: "Override the environment's timeout setting.")
    var timeout: Int?

    @Flag(name: [.customShort("c"), .long], help: "Only perform a deployment model and environment consistency check.")
    var consistencyOnly = false

    @Flag(name: [.customShort("P"), .long], help: "Only predict what updates would happen. Do not change anything.")
    var predictOnly = false

    @Flag(
        name: [.customShort("L"), .long],
        help: "With --consistency-only or --predict-only: treat every host as this machine (connect_method = local).")
    var local = false

    @Option(
        name: [.short, .long],
        help: "How many root components may deploy at the same time. Overrides the environment's `jobs` (default 1).")
    var jobs: Int?

    @Flag(name: .long, help: "Print one JSON object per line instead of batou's human output.")
    var json = false

    @Argument(help: "The environment to deploy: environments/ENVIRONMENT/environment.cfg.")
    var environment: String

    func validate() throws {
        if local && !consistencyOnly && !predictOnly {
            throw ValidationError("The --local option is only to be used with --consistency-only or --predict-only.")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1.")
        }
    }

    var options: DeploymentOptions {
        DeploymentOptions(
            environmentName: environment,
            mode: consistencyOnly ? .consistencyCheck : predictOnly ? .predict : .deploy,
            forcesLocal: local, jobs: jobs, platform: platform, timeout: timeout, isDebugging: global.debug)
    }
}

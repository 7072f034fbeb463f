/// One fact of a deployment, as the terminal shows it and `--json` prints it.
public enum Event: Sendable, Hashable, Codable {
    /// The run started: batou's self-identification line.
    case started(version: String, platform: String)
    /// A new part of the run, shown as a `===== title =====` line.
    case section(String, style: SectionStyle = .plain)
    /// A step of the run itself, such as loading the environment.
    case step(String, icon: String)
    /// A host is about to be configured.
    case connecting(host: String, method: String, index: Int, count: Int)
    /// An ignored host: configured, never deployed.
    case hostIgnored(host: String, index: Int, count: Int)
    /// A root component starts deploying.
    case scheduling(host: String, root: String)
    /// A root component that is not deployed, and why.
    case skipping(host: String, root: String, reason: String)
    /// A component needed an update (and got it, unless predicting).
    case changed(host: String, component: String)
    /// The unified diff of a file a component changes.
    case diff(host: String, component: String, file: String, lines: [String])
    /// A notice about a component's change, such as why no diff is shown.
    case notice(host: String, component: String, message: String)
    /// A message a component logged; without host during configure.
    case log(host: String?, component: String, message: String)
    /// A component that took long, with its timings in seconds.
    case slowComponent(host: String, component: String, timings: ComponentTimings)
    /// Something worth knowing that does not stop the run.
    case warning(String)
    /// Something that makes the run fail.
    case problem(Problem)
    /// The run's durations in seconds.
    case summary(RunTimings)
    /// The run ended: `DEPLOYMENT FINISHED`, or failed during `failedStep`.
    case finished(action: String, failedStep: String?)

    /// How a section line is emphasised.
    public enum SectionStyle: String, Sendable, Hashable, Codable {
        case plain, success, failure
    }
}

/// How long one component took, in seconds; `nil` for what never ran.
public struct ComponentTimings: Sendable, Hashable, Codable {
    public var total: Double
    public var verify: Double?
    public var update: Double?
    public var subComponents: Double?
}

/// How long the steps of a run took, in seconds.
public struct RunTimings: Sendable, Hashable, Codable {
    public var connect: Double
    public var deploy: Double?

    /// The sum of the steps, as batou reports it.
    public var total: Double { connect + (deploy ?? 0) }
}

/// Where events go: the terminal, a JSON stream, or a test's recording.
public protocol EventSink: Sendable {
    func emit(_ event: Event)
}

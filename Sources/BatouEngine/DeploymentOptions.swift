/// What a `deploy` run is asked to do.
public struct DeploymentOptions: Sendable, Hashable {
    /// Whether the run deploys, predicts, or only checks the model.
    public enum Mode: Sendable, Hashable {
        /// Verify and update every component.
        case deploy
        /// Verify every component and show what would change; never update.
        case predict
        /// Load and configure the model; deploy nothing.
        case consistencyCheck
    }

    /// The environment's name (`.cfg` removed, as batou does).
    public var environmentName: String
    public var mode: Mode
    /// `--local`: deploy every host of the environment on this machine.
    public var forcesLocal: Bool
    /// `--jobs`: how many root components may deploy at once; overrides `jobs`.
    public var jobs: Int?
    /// `--platform`: overrides the environment's platform; empty for none.
    public var platform: String?
    /// `--timeout`: overrides the environment's timeout.
    public var timeout: Int?
    /// `--debug`: show the run's internal steps.
    public var isDebugging: Bool

    public init(
        environmentName: String, mode: Mode = .deploy, forcesLocal: Bool = false, jobs: Int? = nil,
        platform: String? = nil, timeout: Int? = nil, isDebugging: Bool = false
    ) {
        self.environmentName = environmentName.replacing(".cfg", with: "")
        self.mode = mode
        self.forcesLocal = forcesLocal
        self.jobs = jobs
        self.platform = platform
        self.timeout = timeout
        self.isDebugging = isDebugging
    }

    /// The run's name in section lines: `DEPLOYMENT`, `DEPLOYMENT PREDICTION`, `CONSISTENCY CHECK`.
    var action: String {
        let name =
            switch mode {
            case .deploy: "DEPLOYMENT"
            case .predict: "DEPLOYMENT PREDICTION"
            case .consistencyCheck: "CONSISTENCY CHECK"
            }
        return forcesLocal ? name + " (local)" : name
    }
}

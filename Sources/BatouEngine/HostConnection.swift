/// Where a host's roots deploy: in this process, or by an agent on the host.
protocol HostConnection: Sendable {
    /// Deploys the root `name`; returns its problem if it failed.
    func deploy(root name: String) async -> Problem?
    /// Ends the connection, releasing the host's lock.
    func close() async
}

/// Problems found together.
struct ProblemList: Error {
    var problems: [Problem]
    /// Whether they are problems of the model (which stop the run) rather than of reaching a host.
    var isConfiguration: Bool

    init(_ problems: [Problem], isConfiguration: Bool = false) {
        self.problems = problems
        self.isConfiguration = isConfiguration
    }
}

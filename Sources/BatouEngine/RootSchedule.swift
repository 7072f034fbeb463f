import BatouModel

/// Decides which root components may start deploying: those whose dependencies have
/// deployed, at most `jobs` at a time, and at most a root's rolling limit of its instances
/// across hosts. A root that fails stops everything that depends on it, and nothing else.
/// Ignored roots take their turn like the others but are skipped, and never hold anyone up.
struct RootSchedule {
    enum State: Equatable {
        case waiting, running, succeeded, failed
        /// Not deployed; ignored roots count as done for those that depend on them.
        case skipped(blocksDependents: Bool)
    }

    /// What to do with the root whose turn it is.
    enum Turn: Equatable {
        case deploy(RootIdentity)
        case skip(RootIdentity)
    }

    /// Roots in the order they are preferred when several could start.
    let order: [RootIdentity]
    let dependencies: [RootIdentity: Set<RootIdentity>]
    let jobs: Int
    /// The most instances of a root (by name) that may deploy at once.
    let rollingLimits: [String: Int]
    let ignored: Set<RootIdentity>
    private(set) var states: [RootIdentity: State] = [:]

    init(
        order: [RootIdentity], dependencies: [RootIdentity: Set<RootIdentity>], ignored: Set<RootIdentity>, jobs: Int,
        rollingLimits: [String: Int]
    ) {
        self.order = order
        self.dependencies = dependencies
        self.jobs = max(1, jobs)
        self.rollingLimits = rollingLimits
        self.ignored = ignored
        for root in order { states[root] = .waiting }
    }

    /// Whether every root has finished, failed, or been skipped.
    var isFinished: Bool {
        !states.values.contains { $0 == .waiting || $0 == .running }
    }

    /// The next root whose turn it is now, marked as running (or skipped); `nil` when none may start.
    mutating func next() -> Turn? {
        let running = order.filter { states[$0] == .running }
        let turn = order.first { root in
            guard states[root] == .waiting, isReady(root) else { return false }
            if ignored.contains(root) { return true }
            let limit = rollingLimits[root.name] ?? Int.max
            return running.count < jobs && running.filter { $0.name == root.name }.count < limit
        }
        guard let turn else { return nil }
        if ignored.contains(turn) {
            states[turn] = .skipped(blocksDependents: false)
            return .skip(turn)
        }
        states[turn] = .running
        return .deploy(turn)
    }

    private func isReady(_ root: RootIdentity) -> Bool {
        dependencies[root, default: []].allSatisfy {
            states[$0] == .succeeded || states[$0] == .skipped(blocksDependents: false)
        }
    }

    /// Records that `root` finished; returns the roots that will now never deploy because
    /// they depend on it (directly or not), if it failed.
    mutating func finish(_ root: RootIdentity, succeeded: Bool) -> [RootIdentity] {
        states[root] = succeeded ? .succeeded : .failed
        guard !succeeded else { return [] }
        var blocked: [RootIdentity] = []
        var changed = true
        while changed {
            changed = false
            for candidate in order where states[candidate] == .waiting {
                let isBlocked = dependencies[candidate, default: []].contains {
                    states[$0] == .failed || states[$0] == .skipped(blocksDependents: true)
                }
                if isBlocked {
                    states[candidate] = .skipped(blocksDependents: true)
                    blocked.append(candidate)
                    changed = true
                }
            }
        }
        return blocked
    }
}

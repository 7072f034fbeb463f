import BatouModel

/// Which root components must deploy before which, from who requires what.
///
/// A root that requires a key depends on every root that provides it (on the required host,
/// if one was named); `reverse` requirements turn the edge around. Dependencies cross hosts.
struct DependencyGraph {
    /// Roots in the order the environment lists them.
    let roots: [RootIdentity]
    /// For each root, the roots it depends on, with the keys that make it depend on them.
    private(set) var dependencies: [RootIdentity: [RootIdentity: Set<String>]] = [:]

    init(roots: [RootIdentity], resources: ResourceRegistry) {
        self.roots = roots
        for root in roots { dependencies[root] = [:] }
        for requirement in resources.requirements {
            for provider in resources.provisions[requirement.key, default: []].map(\.root)
            where requirement.host == nil || requirement.host == provider.host {
                let (dependent, dependency) =
                    requirement.isReversed ? (provider, requirement.root) : (requirement.root, provider)
                dependencies[dependent, default: [:]][dependency, default: []].insert(requirement.key)
            }
        }
    }

    /// The roots `root` must wait for.
    func dependencies(of root: RootIdentity) -> Set<RootIdentity> {
        Set(dependencies[root, default: [:]].keys)
    }

    // MARK: - Cycles

    /// One dependency cycle, as the roots in it with the keys that lead from each to the next.
    struct Cycle: Equatable {
        /// `steps[i]` depends on `steps[i + 1]` (and the last on the first) through `keys[i]`.
        var steps: [RootIdentity]
        var keys: [String]

        /// A sentence naming every root and key of the cycle.
        var description: String {
            let parts = steps.indices.map { index in
                let subject = index == 0 ? "\(steps[0])" : "which"
                let provider = steps.count == 1 ? "itself" : "\(steps[(index + 1) % steps.count])"
                return "\(subject) requires '\(keys[index])' from \(provider)"
            }
            return "Found a dependency cycle: " + parts.joined(separator: ", ") + ". "
                + "To break it, require one of these keys with `reverse: true`, or stop requiring it."
        }
    }

    /// Every cycle, one per group of roots that depend on each other, in environment order.
    var cycles: [Cycle] {
        stronglyConnectedComponents().compactMap(cycle(within:))
    }

    private func cycle(within group: Set<RootIdentity>) -> Cycle? {
        guard let start = roots.first(where: group.contains) else { return nil }
        if group.count == 1 {
            guard let keys = dependencies[start]?[start] else { return nil }
            return Cycle(steps: [start], keys: [keys.sorted()[0]])
        }
        // Walk from the start along edges inside the group until the walk closes.
        var path: [RootIdentity] = [start]
        var keys: [String] = []
        var visited: Set<RootIdentity> = [start]
        var current = start
        while true {
            let edges = dependencies[current, default: [:]].filter { group.contains($0.key) }
            let ordered = roots.filter { edges[$0] != nil }
            guard let next = ordered.first(where: { $0 == start }) ?? ordered.first(where: { !visited.contains($0) })
                ?? ordered.first
            else { return nil }
            keys.append(edges[next, default: []].sorted()[0])
            if let index = path.firstIndex(of: next) {
                return Cycle(steps: Array(path[index...]), keys: Array(keys[index...]))
            }
            path.append(next)
            visited.insert(next)
            current = next
        }
    }

    /// Tarjan's algorithm: groups of roots that all depend on each other.
    private func stronglyConnectedComponents() -> [Set<RootIdentity>] {
        var index = 0
        var indices: [RootIdentity: Int] = [:]
        var lowLinks: [RootIdentity: Int] = [:]
        var stack: [RootIdentity] = []
        var onStack: Set<RootIdentity> = []
        var groups: [Set<RootIdentity>] = []

        func visit(_ root: RootIdentity) {
            indices[root] = index
            lowLinks[root] = index
            index += 1
            stack.append(root)
            onStack.insert(root)
            for next in roots where dependencies[root]?[next] != nil {
                if indices[next] == nil {
                    visit(next)
                    lowLinks[root] = min(lowLinks[root, default: 0], lowLinks[next, default: 0])
                } else if onStack.contains(next) {
                    lowLinks[root] = min(lowLinks[root, default: 0], indices[next, default: 0])
                }
            }
            guard lowLinks[root] == indices[root] else { return }
            var group: Set<RootIdentity> = []
            while let member = stack.popLast() {
                onStack.remove(member)
                group.insert(member)
                if member == root { break }
            }
            if group.count > 1 || dependencies[root]?[root] != nil { groups.append(group) }
        }

        for root in roots where indices[root] == nil { visit(root) }
        return groups.sorted { first, second in
            (roots.firstIndex(where: first.contains) ?? 0) < (roots.firstIndex(where: second.contains) ?? 0)
        }
    }
}

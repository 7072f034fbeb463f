import BatouModel

/// Configures every root component of an environment, on every host, until resources stop
/// changing — batou's fixed point — and orders the roots by who requires what.
///
/// Each round configures fresh instances of the roots that need it: all of them at first,
/// then those whose required resources changed or were still missing. Only the last
/// round's problems count.
struct ModelConfiguration {
    var loaded: LoadedEnvironment
    var registry: ComponentRegistry
    var isPredicting: Bool
    var sink: any EventSink
    /// Resources to start from: empty for the whole model, the controller's for one host's agent.
    var resources = ResourceRegistry()
    /// Whether the roots are the whole model, so that unused resources and cycles can be judged.
    var isWholeModel = true

    /// The configured model, ready to deploy, or the problems that stop it.
    struct Model {
        var roots: [ConfiguredRoot]
        var graph: DependencyGraph
        var problems: [Problem]
        var warnings: [String]
        /// The resources as they settled, for agents configuring one host each.
        var provisions: [String: [ResourceRegistry.Provision]]
    }

    /// Rounds after which a model whose resources keep changing is given up on.
    static let maximumRounds = 100

    func configure() -> Model {
        let configurations = settle()
        let identities = loaded.roots.map(\.identity)
        let graph = DependencyGraph(roots: identities, resources: resources)
        let roots = loaded.roots.compactMap { assignment -> ConfiguredRoot? in
            guard let configured = configurations.latest[assignment.identity] else { return nil }
            return ConfiguredRoot(
                identity: assignment.identity, host: assignment.host, component: configured.component,
                output: configured.output, isIgnored: assignment.isIgnored)
        }
        for root in roots { root.output.flushConfigureLogs() }
        let outcomes = identities.compactMap { configurations.latest[$0]?.outcome }
        return Model(
            roots: roots, graph: graph,
            problems: problems(of: outcomes, unsettled: configurations.unsettled, graph: graph),
            warnings: outcomes.flatMap(\.warnings), provisions: resources.provisions)
    }

    /// The latest configuration of each root, and the roots still unsettled when it stopped.
    private struct Configurations {
        var latest: [RootIdentity: (component: Component, output: HostOutput, outcome: RootConfigurator.Outcome)] = [:]
        var unsettled: Set<RootIdentity> = []
    }

    /// Configures rounds of roots until no required resource changes any more.
    private func settle() -> Configurations {
        let configurator = RootConfigurator(
            environment: loaded.environment, isPredicting: isPredicting, resources: resources)
        let identities = loaded.roots.map(\.identity)
        var configurations = Configurations()
        // A round that starts as an earlier one did — same roots, same resources — would end as it did.
        var seenRounds: [Round] = []
        var workingSet = identities
        while !workingSet.isEmpty {
            guard seenRounds.count < Self.maximumRounds else {
                configurations.unsettled = Set(workingSet)
                break
            }
            seenRounds.append(Round(roots: Set(workingSet), provisions: resources.provisions))
            var again: Set<RootIdentity> = []
            for assignment in loaded.roots where workingSet.contains(assignment.identity) {
                let identity = assignment.identity
                guard let component = registry.makeComponent(named: assignment.name) else { continue }
                let provided = resources.reset(identity)
                let output = HostOutput(host: assignment.host.name, sink: sink, buffersConfigureLogs: true)
                let outcome = configurator.configure(
                    component, named: assignment.name, on: assignment.host, features: assignment.features,
                    overrides: loaded.overrides[assignment.name] ?? [], output: output)
                configurations.latest[identity] = (component, output, outcome)
                if outcome.isWaitingForResource { again.insert(identity) }
                let nowProvided = resources.provided(by: identity)
                for key in Set(provided.keys).union(nowProvided.keys) where provided[key] != nowProvided[key] {
                    again.formUnion(resources.roots(requiring: key, from: identity))
                }
            }
            again.formUnion(resources.unsatisfiedRequirements.map(\.root))
            if seenRounds.contains(Round(roots: again, provisions: resources.provisions)) {
                configurations.unsettled = again
                break
            }
            workingSet = identities.filter(again.contains)
        }
        return configurations
    }

    /// Everything wrong with the settled model: the roots' own problems, then those of resources.
    private func problems(
        of outcomes: [RootConfigurator.Outcome], unsettled: Set<RootIdentity>, graph: DependencyGraph
    ) -> [Problem] {
        var problems = outcomes.flatMap(\.problems) + unsatisfiedProblems(resources)
        let waiting = Set(resources.unsatisfiedRequirements.map(\.root))
        let oscillating = loaded.roots.map(\.identity).filter { unsettled.contains($0) && !waiting.contains($0) }
        if !oscillating.isEmpty {
            problems.append(
                Problem(
                    "The configuration did not settle: these root components kept changing what they provide: "
                        + oscillating.map(\.description).joined(separator: ", ") + "."))
        }
        guard isWholeModel else { return problems }
        // A root that failed may not have required what it would have; its providers look unused.
        if outcomes.allSatisfy(\.problems.isEmpty) { problems += unusedProblems(resources) }
        return problems + graph.cycles.map { Problem($0.description) }
    }

    /// What a round of configuration starts from.
    private struct Round: Equatable {
        var roots: Set<RootIdentity>
        var provisions: [String: [ResourceRegistry.Provision]]
    }

    private func unsatisfiedProblems(_ resources: ResourceRegistry) -> [Problem] {
        var byKey: [String: [RootIdentity]] = [:]
        var order: [String] = []
        for requirement in resources.unsatisfiedRequirements {
            let place = requirement.host.map { "'\(requirement.key)' on \($0)" } ?? "'\(requirement.key)'"
            if byKey[place] == nil { order.append(place) }
            byKey[place, default: []].append(requirement.root)
        }
        return order.map { place in
            let roots = byKey[place, default: []].map(\.description).joined(separator: ", ")
            return Problem(
                "Unsatisfied resource requirement: \(roots) require\(byKey[place, default: []].count == 1 ? "s" : "") "
                    + "\(place), but no component provides it. Add a component that provides it to the environment, "
                    + "or require it with `strict: false`.")
        }
    }

    private func unusedProblems(_ resources: ResourceRegistry) -> [Problem] {
        let unused = resources.unusedProvisions
        guard !unused.isEmpty else { return [] }
        let lines = unused.map { key, provision in
            "    '\(key)' provided by \(provision.root) with value \(provision.value)"
        }
        return [
            Problem(
                "Unused provided resources; no component requires them, so remove them or require them:\n"
                    + lines.joined(separator: "\n"))
        ]
    }
}

/// A configured root component, ready to deploy.
struct ConfiguredRoot {
    var identity: RootIdentity
    var host: Host
    var component: Component
    var output: HostOutput
    var isIgnored: Bool
}

extension LoadedEnvironment.RootAssignment {
    var identity: RootIdentity { RootIdentity(name: name, host: host.name) }
}

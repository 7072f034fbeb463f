import BatouModel
import BatouTransport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One `deploy` run: load the environment, configure the model, deploy, summarise —
/// batou's steps, each reported as events, stopping at the first step that fails.
///
/// ```swift
/// let run = DeploymentRun(baseDirectory: ".", registry: registry,
///                         options: DeploymentOptions(environmentName: "dev"), sink: TerminalRenderer())
/// let succeeded = run.run()
/// ```
public struct DeploymentRun {
    public var baseDirectory: String
    public var registry: ComponentRegistry
    public var options: DeploymentOptions
    public var sink: any EventSink

    public init(baseDirectory: String, registry: ComponentRegistry, options: DeploymentOptions, sink: any EventSink) {
        self.baseDirectory = baseDirectory
        self.registry = registry
        self.options = options
        self.sink = sink
    }

    /// The steps of a run, named as in `DEPLOYMENT FAILED (during …)`.
    enum Step: String {
        case load, connect, deploy
    }

    /// A failed step and what made it fail.
    struct StepFailure: Error {
        var step: Step
        var problems: [Problem]
        /// Configuration problems end with batou's `N ERRORS - CONFIGURATION FAILED` line.
        var isConfigurationFailure = false
    }

    /// Makes Ctrl-C (and SIGTERM) stop the run cleanly: no further roots start, programs on the
    /// hosts end, and the run reports what happened. Call it once, before ``run()``.
    public static func handleInterruptions() {
        Interruption.install()
    }

    /// Runs every step and reports the outcome; returns whether the run succeeded.
    public func run() async -> Bool {
        let masking = SecretMaskingSink(wrapping: sink)
        var run = self
        run.sink = masking
        return await run.runAndReport(masking: masking)
    }

    /// Runs every step, its output passing through `masking`, and reports the outcome.
    private func runAndReport(masking: SecretMaskingSink) async -> Bool {
        sink.emit(.started(version: BatouVersion.current, platform: BatouVersion.platform))
        do {
            let lock = try DeploymentLock(in: baseDirectory)
            defer { lock.release() }
            try await runSteps(hidingSecretsWith: masking)
            sink.emit(.section("\(options.action) FINISHED", style: .success))
            sink.emit(.finished(action: options.action, failedStep: nil))
            return true
        } catch let failure as StepFailure {
            let problems = Problem.merged(failure.problems)
            for problem in problems { sink.emit(.problem(problem)) }
            if failure.isConfigurationFailure {
                let count = problems.count
                sink.emit(.section("\(count) ERROR\(count == 1 ? "" : "S") - CONFIGURATION FAILED", style: .failure))
            }
            sink.emit(.section("\(options.action) FAILED (during \(failure.step.rawValue))", style: .failure))
            sink.emit(.finished(action: options.action, failedStep: failure.step.rawValue))
            return false
        } catch {
            sink.emit(.problem(Problem(String(describing: error))))
            sink.emit(.section("\(options.action) FAILED (during load)", style: .failure))
            sink.emit(.finished(action: options.action, failedStep: Step.load.rawValue))
            return false
        }
    }

    private func runSteps(hidingSecretsWith masking: SecretMaskingSink) async throws {
        let clock = ContinuousClock()
        sink.emit(.section("Preparing"))
        sink.emit(.step("main: Loading environment `\(options.environmentName)`...", icon: "📦"))
        sink.emit(.step("main: Loading secrets ...", icon: "🔑"))
        let loaded: LoadedEnvironment
        do {
            loaded = try EnvironmentLoader(baseDirectory: baseDirectory, registry: registry, options: options).load()
        } catch {
            for warning in error.warnings { sink.emit(.warning(warning)) }
            throw StepFailure(step: .load, problems: error.problems)
        }
        masking.hide(loaded.secretValues)
        for warning in loaded.warnings { sink.emit(.warning(warning)) }
        let jobs = options.jobs ?? loaded.jobs ?? 1
        if options.isDebugging {
            sink.emit(.step("main: Number of jobs: \(jobs)", icon: "⚙️"))
        }

        let connectStart = clock.now
        let model = try configure(loaded)
        let hosts = await connect(model, loaded: loaded)
        let connect = connectStart.duration(to: clock.now).seconds
        try await stopIfInterrupted(during: .connect, closing: hosts)
        guard hosts.configurationProblems.isEmpty else {
            await hosts.close()
            throw StepFailure(step: .connect, problems: hosts.configurationProblems, isConfigurationFailure: true)
        }

        var deploy: Double?
        var deployProblems: [Problem] = []
        if options.mode != .consistencyCheck {
            let deployStart = clock.now
            deployProblems = await deployRoots(of: model, on: hosts, jobs: jobs)
            deploy = deployStart.duration(to: clock.now).seconds
        }
        try await stopIfInterrupted(during: .deploy, closing: hosts)
        await hosts.close()
        let problems = hosts.unreachable.sorted { $0.key < $1.key }.flatMap(\.value) + deployProblems
        guard problems.isEmpty else {
            throw StepFailure(step: hosts.unreachable.isEmpty ? .deploy : .connect, problems: problems)
        }
        sink.emit(.section("Summary"))
        sink.emit(.summary(RunTimings(connect: connect, deploy: deploy)))
    }

    /// After Ctrl-C, ends the run with one message: connections that ended and roots that
    /// never started are the interruption's doing, not problems of their own.
    private func stopIfInterrupted(during step: Step, closing hosts: ConnectedHosts) async throws(StepFailure) {
        guard Interruption.isInterrupted else { return }
        await hosts.close()
        throw StepFailure(
            step: step,
            problems: [
                Problem(
                    "The deployment was interrupted. The agents on the hosts have ended and released their locks; "
                        + "root components that had not started were not deployed.")
            ])
    }

    // MARK: - Connect and configure

    private func configure(_ loaded: LoadedEnvironment) throws(StepFailure) -> ModelConfiguration.Model {
        let environment = loaded.environment
        sink.emit(.section("Connecting hosts and configuring model ..."))
        guard !environment.hosts.isEmpty else {
            throw StepFailure(step: .connect, problems: [Problem("No host found in environment.")])
        }
        let hosts = environment.hosts.sorted { $0.name < $1.name }
        for (index, host) in hosts.enumerated() {
            if host.isIgnored {
                sink.emit(.hostIgnored(host: host.name, index: index + 1, count: hosts.count))
            } else {
                sink.emit(
                    .connecting(
                        host: host.name, method: environment.connectMethod.description, index: index + 1,
                        count: hosts.count))
            }
        }
        let model = ModelConfiguration(
            loaded: loaded, registry: registry, isPredicting: options.mode == .predict, sink: sink
        ).configure()
        for warning in model.warnings { sink.emit(.warning(warning)) }
        guard model.problems.isEmpty else {
            throw StepFailure(step: .connect, problems: model.problems, isConfigurationFailure: true)
        }
        return model
    }

    // MARK: - Deploy

    /// Deploys the roots in dependency order, independent ones at the same time; returns the problems.
    private func deployRoots(of model: ModelConfiguration.Model, on hosts: ConnectedHosts, jobs: Int) async -> [Problem] {
        sink.emit(.section(options.mode == .predict ? "Predicting deployment actions" : "Deploying"))
        let roots = Dictionary(model.roots.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        var schedule = RootSchedule(
            order: model.roots.map(\.identity),
            dependencies: Dictionary(
                uniqueKeysWithValues: model.roots.map { ($0.identity, model.graph.dependencies(of: $0.identity)) }),
            ignored: Set(model.roots.filter { $0.host.isIgnored || $0.isIgnored }.map(\.identity)), jobs: jobs,
            rollingLimits: rollingLimits(of: model.roots))
        for root in model.roots where hosts.unreachable[root.host.name] != nil && !root.isIgnored {
            reportBlocked(schedule.finish(root.identity, succeeded: false), by: root.identity)
        }
        var problems: [Problem] = []
        await withTaskGroup(of: (RootIdentity, Problem?).self) { group in
            func startReadyRoots() {
                while !Interruption.isInterrupted, let turn = schedule.next() {
                    switch turn {
                    case .skip(let identity):
                        let reason = roots[identity]?.host.isIgnored == true ? "Host ignored" : "Component ignored"
                        sink.emit(.skipping(host: identity.host, root: identity.name, reason: reason))
                    case .deploy(let identity):
                        guard let connection = hosts.connections[identity.host] else { continue }
                        sink.emit(.scheduling(host: identity.host, root: identity.name))
                        group.addTask { (identity, await connection.deploy(root: identity.name)) }
                    }
                }
            }
            startReadyRoots()
            for await (identity, problem) in group {
                if let problem { problems.append(problem) }
                reportBlocked(schedule.finish(identity, succeeded: problem == nil), by: identity)
                startReadyRoots()
            }
        }
        return problems
    }

    private func reportBlocked(_ blocked: [RootIdentity], by failed: RootIdentity) {
        for root in blocked {
            sink.emit(.skipping(host: root.host, root: root.name, reason: "Not deployed because \(failed) failed"))
        }
    }

    /// The rolling limit of each root component, the smallest its instances ask for.
    private func rollingLimits(of roots: [ConfiguredRoot]) -> [String: Int] {
        var limits: [String: Int] = [:]
        for root in roots {
            guard let limit = root.component.rollingLimit else { continue }
            limits[root.identity.name] = min(limits[root.identity.name] ?? limit, limit)
        }
        return limits
    }
}

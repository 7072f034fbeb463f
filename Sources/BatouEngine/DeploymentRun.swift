import BatouModel

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

    /// Runs every step and reports the outcome; returns whether the run succeeded.
    public func run() -> Bool {
        sink.emit(.started(version: BatouVersion.current, platform: BatouVersion.platform))
        do {
            let lock = try DeploymentLock(in: baseDirectory)
            defer { lock.release() }
            try runSteps()
            sink.emit(.section("\(options.action) FINISHED", style: .success))
            sink.emit(.finished(action: options.action, failedStep: nil))
            return true
        } catch let failure as StepFailure {
            for problem in Problem.merged(failure.problems) { sink.emit(.problem(problem)) }
            if failure.isConfigurationFailure {
                let count = Problem.merged(failure.problems).count
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

    private func runSteps() throws {
        let clock = ContinuousClock()
        sink.emit(.section("Preparing"))
        sink.emit(.step("main: Loading environment `\(options.environmentName)`...", icon: "📦"))
        let loaded: LoadedEnvironment
        do {
            loaded = try EnvironmentLoader(baseDirectory: baseDirectory, registry: registry, options: options).load()
        } catch {
            for warning in error.warnings { sink.emit(.warning(warning)) }
            throw StepFailure(step: .load, problems: error.problems)
        }
        for warning in loaded.warnings { sink.emit(.warning(warning)) }
        if options.isDebugging {
            sink.emit(.step("main: Number of jobs: \(options.jobs ?? loaded.jobs ?? 1)", icon: "⚙️"))
        }

        let connectStart = clock.now
        let model = try configure(loaded)
        let connect = connectStart.duration(to: clock.now).seconds

        var deploy: Double?
        if options.mode != .consistencyCheck {
            let deployStart = clock.now
            try deployRoots(of: model, in: loaded.environment)
            deploy = deployStart.duration(to: clock.now).seconds
        }
        sink.emit(.section("Summary"))
        sink.emit(.summary(RunTimings(connect: connect, deploy: deploy)))
    }

    // MARK: - Connect and configure

    /// A configured root component, ready to deploy.
    struct ConfiguredRoot {
        var name: String
        var host: Host
        var component: Component
        var isIgnored: Bool
    }

    private func configure(_ loaded: LoadedEnvironment) throws(StepFailure) -> [ConfiguredRoot] {
        let environment = loaded.environment
        sink.emit(.section("Connecting hosts and configuring model ..."))
        guard !environment.hosts.isEmpty else {
            throw StepFailure(step: .connect, problems: [Problem("No host found in environment.")])
        }
        guard environment.connectMethod == .local else {
            throw StepFailure(
                step: .connect,
                problems: [
                    Problem(
                        "connect_method = \(environment.connectMethod) is not available in this version of batou for Swift. "
                            + "Use connect_method = local, or --local with --predict-only or --consistency-only.")
                ])
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
        let configurator = RootConfigurator(environment: environment, isPredicting: options.mode == .predict)
        var roots: [ConfiguredRoot] = []
        var problems: [Problem] = []
        for assignment in loaded.roots {
            guard let component = registry.makeComponent(named: assignment.name) else { continue }
            let output = HostOutput(host: assignment.host.name, sink: sink)
            problems += configurator.configure(
                component, named: assignment.name, on: assignment.host, features: assignment.features,
                overrides: loaded.overrides[assignment.name] ?? [], output: output)
            roots.append(
                ConfiguredRoot(
                    name: assignment.name, host: assignment.host, component: component,
                    isIgnored: assignment.isIgnored))
        }
        guard problems.isEmpty else {
            throw StepFailure(step: .connect, problems: problems, isConfigurationFailure: true)
        }
        return roots
    }

    // MARK: - Deploy

    private func deployRoots(of roots: [ConfiguredRoot], in environment: Environment) throws(StepFailure) {
        sink.emit(.section(options.mode == .predict ? "Predicting deployment actions" : "Deploying"))
        for root in roots {
            if root.host.isIgnored {
                sink.emit(.skipping(host: root.host.name, root: root.name, reason: "Host ignored"))
                continue
            }
            if root.isIgnored {
                sink.emit(.skipping(host: root.host.name, root: root.name, reason: "Component ignored"))
                continue
            }
            sink.emit(.scheduling(host: root.host.name, root: root.name))
            let deployer = ComponentDeployer(host: root.host.name, isPredicting: options.mode == .predict, sink: sink)
            do {
                try deployer.deployRoot(root.component)
            } catch {
                throw StepFailure(step: .deploy, problems: [error])
            }
        }
    }
}


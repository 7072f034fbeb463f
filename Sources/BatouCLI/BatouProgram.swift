import ArgumentParser
import BatouEngine
import BatouModel

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The batou command line with a deployment's components compiled in.
///
/// ```swift
/// BatouProgram(components: [Hello.self]).run()
/// ```
///
/// Relative paths (`environments/`, `components/`, `work/`) are taken from the current
/// directory, which the deployment's `./batou` script sets to the deployment's own.
public struct BatouProgram {
    /// The deployment's root components.
    public var components: [Component.Type]

    public init(components: [Component.Type]) {
        self.components = components
    }

    /// Runs the command line `arguments` and exits with batou's status:
    /// 0 on success, 1 when a deployment fails, 2 for a usage error.
    public func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        exit(await status(for: arguments))
    }

    /// The exit status of running `arguments`, after the run's output is written.
    public func status(for arguments: [String]) async -> Int32 {
        do {
            var command = try BatouCommand.parseAsRoot(arguments)
            switch command {
            case let deploy as DeployCommand:
                return await runDeploy(deploy)
            case let agent as AgentCommand:
                return await runAgent(agent)
            case let edit as EditSecretsCommand:
                let editor = edit.editor ?? ProcessInfo.processInfo.environment["EDITOR"] ?? "vi"
                return SecretsEditor(
                    baseDirectory: FileManager.default.currentDirectoryPath, environment: edit.environment,
                    secretFile: edit.file, editor: editor
                ).run()
            case is SummarySecretsCommand:
                return SecretsManagement(baseDirectory: FileManager.default.currentDirectoryPath).summary()
            case let add as AddSecretsCommand:
                return SecretsManagement(baseDirectory: FileManager.default.currentDirectoryPath)
                    .add(add.member.keyid, environments: add.member.environments)
            case let remove as RemoveSecretsCommand:
                return SecretsManagement(baseDirectory: FileManager.default.currentDirectoryPath)
                    .remove(remove.member.keyid, environments: remove.member.environments)
            case let reencrypt as ReencryptSecretsCommand:
                return SecretsManagement(baseDirectory: FileManager.default.currentDirectoryPath)
                    .reencrypt(environments: reencrypt.environments, force: reencrypt.force)
            case let decrypt as DecryptSecretsCommand:
                return SecretsEditor.printCleartext(of: decrypt.file)
            case is SecretsCommand:
                // batou secrets without a subcommand shows its usage and fails.
                OutputChannel.standardOutput.write(SecretsCommand.usageString() + "\n")
                return 1
            case is BatouCommand:
                // batou without a subcommand shows its usage and fails.
                OutputChannel.standardOutput.write(BatouCommand.usageString() + "\n")
                return 1
            default:
                try command.run()  // ArgumentParser's own commands, such as help.
                return 0
            }
        } catch {
            let message = BatouCommand.fullMessage(for: error)
            if BatouCommand.exitCode(for: error) == .success {
                OutputChannel.standardOutput.write(message + "\n")
                return 0
            }
            OutputChannel.standardError.write(message + "\n")
            return 2
        }
    }

    private func runDeploy(_ command: DeployCommand) async -> Int32 {
        guard let registry = makeRegistry() else { return 1 }
        DeploymentRun.handleInterruptions()
        let sink: any EventSink = command.json ? JSONRenderer() : TerminalRenderer()
        let run = DeploymentRun(
            baseDirectory: FileManager.default.currentDirectoryPath, registry: registry, options: command.options,
            sink: sink)
        return await run.run() ? 0 : 1
    }

    private func runAgent(_ command: AgentCommand) async -> Int32 {
        guard let registry = makeRegistry() else { return 1 }
        return await AgentServer(registry: registry, directory: command.directory).run()
    }

    private func makeRegistry() -> ComponentRegistry? {
        do {
            return try ComponentRegistry(components)
        } catch {
            OutputChannel.standardError.write("ERROR: \(error)\n")
            return nil
        }
    }
}

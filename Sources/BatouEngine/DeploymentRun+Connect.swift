import BatouModel
import BatouTransport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

extension DeploymentRun {
    /// Connects every host that is not ignored: in this process for `local`, through an agent
    /// shipped over OpenSSH for `ssh`, all hosts at the same time.
    func connect(_ model: ModelConfiguration.Model, loaded: LoadedEnvironment) async -> ConnectedHosts {
        let environment = loaded.environment
        let hosts = environment.hosts.filter { !$0.isIgnored }
        var connected = ConnectedHosts()
        guard environment.connectMethod == .ssh else {
            for host in hosts {
                let roots = model.roots.filter { $0.host.name == host.name }
                connected.connections[host.name] = InProcessHost(
                    host: host.name,
                    roots: .init(components: Dictionary(roots.map { ($0.identity.name, $0.component) }, uniquingKeysWith: { first, _ in first })),
                    deployer: ComponentDeployer(host: host.name, isPredicting: options.mode == .predict, sink: sink))
            }
            return connected
        }
        let binary: AgentBinary
        do {
            binary = try AgentBinary()
        } catch {
            for host in hosts { connected.unreachable[host.name] = [Problem(error.message, hosts: [host.name])] }
            return connected
        }
        let files = DataFiles.manifest(of: baseDirectory)
        let owner = lockOwner()
        let controlDirectory = "/tmp/batou-ssh-\(getpid())"
        // Private: whoever can reach the sockets can use the connections.
        try? FileManager.default.createDirectory(
            atPath: controlDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        connected.controlDirectory = controlDirectory
        let configFile = ["ssh_config_\(environment.name)", "ssh_config"]
            .map { baseDirectory + "/" + $0 }.first { FileManager.default.fileExists(atPath: $0) }
        await withTaskGroup(of: (String, Result<RemoteHost, ProblemList>).self) { group in
            for host in hosts {
                let configuration = AgentConfiguration(
                    environment: environment, host: host.name,
                    roots: loaded.roots.filter { $0.host.name == host.name }.map {
                        .init(name: $0.name, features: $0.features, isIgnored: $0.isIgnored)
                    },
                    overrides: loaded.overrides, provisions: model.provisions, isPredicting: options.mode == .predict)
                let ssh = SSHCommand(host: host.fqdn, configFile: configFile, controlDirectory: controlDirectory)
                connected.sshConnections.append(ssh)
                let (sink, baseDirectory) = (self.sink, self.baseDirectory)
                let requiresSudo = loaded.requiresSudo[host.name]
                group.addTask {
                    do throws(ProblemList) {
                        let shell: RemoteShell
                        do throws(Problem) {
                            shell = try await RemoteShell(ssh: ssh, host: host.name)
                                .becoming(host.serviceUser, requiresSudo: requiresSudo)
                        } catch {
                            throw ProblemList([error])
                        }
                        let remote = try await RemoteHost.connect(
                            shell: shell, binary: binary, targetDirectory: environment.targetDirectory, owner: owner,
                            files: files, baseDirectory: baseDirectory, configuration: configuration, sink: sink)
                        return (host.name, .success(remote))
                    } catch {
                        return (host.name, .failure(error))
                    }
                }
            }
            for await (host, result) in group {
                switch result {
                case .success(let remote): connected.connections[host] = remote
                case .failure(let failure) where failure.isConfiguration:
                    connected.configurationProblems += failure.problems
                case .failure(let failure): connected.unreachable[host] = failure.problems
                }
            }
        }
        return connected
    }

    /// Who deploys, for the hosts' locks: user, machine, environment and time.
    private func lockOwner() -> LockOwner {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count)
        let machine = String(decoding: name.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let user = ProcessInfo.processInfo.environment["USER"] ?? "uid \(getuid())"
        return LockOwner(
            user: user, machine: machine, environment: options.environmentName,
            since: Date().formatted(.iso8601))
    }
}

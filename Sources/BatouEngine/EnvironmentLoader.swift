#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BatouConfig
import BatouModel

/// Reads `environments/NAME/environment.cfg` and reports everything wrong with it at once.
struct EnvironmentLoader {
    var baseDirectory: String
    var registry: ComponentRegistry
    var options: DeploymentOptions

    func load() throws(EnvironmentLoadFailure) -> LoadedEnvironment {
        let name = options.environmentName
        let relativeFile = "environments/\(name)/environment.cfg"
        let text: String
        do {
            text = try String(contentsOfFile: baseDirectory + "/" + relativeFile, encoding: .utf8)
        } catch {
            throw EnvironmentLoadFailure(problems: [Problem(missingEnvironmentMessage(file: relativeFile))], warnings: [])
        }
        let file = EnvironmentFile(parsing: text, file: relativeFile)
        var errors = file.diagnostics.errors
        let settings = file.settings
        let connectMethod = options.forcesLocal ? .local : ConnectMethod(named: settings.connectMethod) ?? .ssh
        let platform = options.platform.map { $0.isEmpty ? nil : $0 } ?? settings.platform
        var environment = Environment(
            name: name, baseDirectory: baseDirectory, connectMethod: connectMethod, hostDomain: settings.hostDomain,
            serviceUser: settings.serviceUser, platform: platform, timeout: options.timeout ?? settings.timeout,
            targetDirectory: settings.targetDirectory)
        var roots: [LoadedEnvironment.RootAssignment] = []
        var requiresSudo: [String: Bool] = [:]
        for entry in file.hosts {
            let host = Host(
                name: entry.name, fqdn: settings.hostDomain.map { "\(entry.name).\($0)" }, data: entry.data,
                platform: entry.platform ?? platform, serviceUser: entry.serviceUser ?? settings.serviceUser,
                isIgnored: entry.isIgnored)
            environment.hosts.append(host)
            requiresSudo[entry.name] = entry.requireSudo ?? settings.requireSudo
            for assignment in entry.components {
                guard registry.contains(assignment.name) else {
                    errors.append(
                        ConfigError(
                            file: relativeFile, line: assignment.line,
                            message: "Unknown component '\(assignment.name)'." + hint(for: assignment.name)))
                    continue
                }
                roots.append(
                    .init(name: assignment.name, host: host, features: assignment.features, isIgnored: assignment.isIgnored))
            }
        }
        var overrides: [String: [LoadedEnvironment.Override]] = [:]
        for section in file.componentSections {
            guard registry.contains(section.name) else {
                errors.append(
                    ConfigError(
                        file: relativeFile, line: section.line,
                        message: "Override section [component:\(section.name)] is for an unknown component."
                            + hint(for: section.name)))
                continue
            }
            overrides[section.name] = section.overrides.map {
                .init(key: $0.key, value: $0.value, location: "\(relativeFile):\($0.line)")
            }
        }
        let warnings = file.diagnostics.warnings.map(\.description)
        guard errors.isEmpty else {
            let problems = errors.sorted { $0.line < $1.line }.map { Problem($0.description) }
            throw EnvironmentLoadFailure(problems: problems, warnings: warnings)
        }
        return LoadedEnvironment(
            environment: environment, roots: roots, overrides: overrides, jobs: settings.jobs,
            requiresSudo: requiresSudo, warnings: warnings)
    }

    private func missingEnvironmentMessage(file: String) -> String {
        let known = (try? FileManager.default.contentsOfDirectory(atPath: baseDirectory + "/environments"))?
            .filter { FileManager.default.fileExists(atPath: "\(baseDirectory)/environments/\($0)/environment.cfg") }
            .sorted() ?? []
        let list = known.isEmpty ? "This deployment has no environments yet." : "Environments: \(known.joined(separator: ", "))."
        return "Missing environment '\(options.environmentName)': there is no \(file). \(list)"
    }

    private func hint(for name: String) -> String {
        if let suggestion = Suggestion.closest(to: name, among: registry.names) {
            return " Did you mean '\(suggestion)'?"
        }
        let known = registry.names.isEmpty ? "none" : registry.names.joined(separator: ", ")
        return " This deployment knows: \(known). To add a component, list its type in your Deployment's `components`."
    }
}

/// An environment that could not be loaded: every problem, and the warnings found on the way.
struct EnvironmentLoadFailure: Error {
    var problems: [Problem]
    var warnings: [String]
}

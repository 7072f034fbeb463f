#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BatouConfig
import BatouModel
import BatouSecrets

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
        var secretProblems: [Problem] = []
        var secrets = EnvironmentSecrets()
        do throws(SecretsError) {
            secrets = try EnvironmentSecrets.load(environment: name, in: baseDirectory)
        } catch {
            secretProblems += error.messages.map { Problem($0) }
        }
        let secretHostData = hostData(of: secrets, hosts: Set(file.hosts.map(\.name)), problems: &secretProblems)
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
                name: entry.name, fqdn: settings.hostDomain.map { "\(entry.name).\($0)" },
                data: entry.data.merging(secretHostData[entry.name] ?? [:]) { $1 },
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
        mergeOverrides(of: secrets, into: &overrides, problems: &secretProblems)
        let hostDataWords = secretHostData.values.flatMap { $0.values }.flatMap { value in
            value.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        }
        environment.secretData = secrets.secretData.union(hostDataWords)
        environment.secretFiles = secrets.secretFiles
        let warnings = file.diagnostics.warnings.map(\.description)
        guard errors.isEmpty && secretProblems.isEmpty else {
            let problems = errors.sorted { $0.line < $1.line }.map { Problem($0.description) } + secretProblems
            throw EnvironmentLoadFailure(problems: problems, warnings: warnings)
        }
        var secretValues = Set(overrides.values.joined().filter(\.isSecret).map(\.value))
        for data in secretHostData.values { secretValues.formUnion(data.values) }
        for text in secrets.secretFiles.values {
            secretValues.formUnion(text.split(whereSeparator: \.isNewline).map(String.init))
        }
        return LoadedEnvironment(
            environment: environment, roots: roots, overrides: overrides, jobs: settings.jobs,
            requiresSudo: requiresSudo, warnings: warnings, secretValues: secretValues)
    }

    /// `[host:NAME]` data of the secrets by host, keys without `data-`; unknown hosts are problems.
    private func hostData(of secrets: EnvironmentSecrets, hosts: Set<String>, problems: inout [Problem])
        -> [String: [String: String]]
    {
        var data: [String: [String: String]] = [:]
        for section in secrets.hostSections {
            let host = String(section.name.dropFirst("host:".count))
            guard hosts.contains(host) else {
                problems.append(
                    Problem("\(secrets.file ?? ""):\(section.line): Secrets section [\(section.name)] is for an unknown host."))
                continue
            }
            for entry in section.entries {
                let key = entry.key.hasPrefix("data-") ? String(entry.key.dropFirst("data-".count)) : entry.key
                data[host, default: [:]][key] = entry.value
            }
        }
        return data
    }

    /// Adds the secrets' component overrides; a key also set in the environment file is a problem.
    private func mergeOverrides(
        of secrets: EnvironmentSecrets, into overrides: inout [String: [LoadedEnvironment.Override]],
        problems: inout [Problem]
    ) {
        let file = secrets.file ?? ""
        for section in secrets.componentSections {
            guard registry.contains(section.name) else {
                problems.append(
                    Problem(
                        "\(file):\(section.line): Secrets section [component:\(section.name)] is for an unknown component."
                            + hint(for: section.name)))
                continue
            }
            for entry in section.overrides {
                if let existing = overrides[section.name]?.first(where: { $0.key == entry.key }) {
                    problems.append(
                        Problem(
                            "\(file):\(entry.line): [component:\(section.name)] \(entry.key) is set both in the secrets "
                                + "and at \(existing.location). Set it in one place."))
                    continue
                }
                overrides[section.name, default: []].append(
                    .init(key: entry.key, value: entry.value, location: "\(file):\(entry.line)", isSecret: true))
            }
        }
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

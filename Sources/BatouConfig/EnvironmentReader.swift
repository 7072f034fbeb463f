/// Gives the sections of an environment file their meaning, collecting every problem.
struct EnvironmentReader {
    let file: String
    var diagnostics: ConfigDiagnostics

    static let settingKeys = [
        "connect_method", "host_domain", "service_user", "require_sudo", "platform", "timeout", "jobs",
        "target_directory", "branch", "update_method", "repository_url", "repository_root",
        "require_v4", "require_v6",
    ]
    static let hostKeys = [
        "components", "ignore", "platform", "service_user", "require_sudo",
        "provisioner", "provision-dynamic-hostname", "provision-aliases",
    ]
    static let connectMethods = ["local", "ssh"]

    init(file: String, diagnostics: ConfigDiagnostics) {
        self.file = file
        self.diagnostics = diagnostics
    }

    // MARK: - [environment]

    mutating func readSettings(_ section: IniSection?) -> EnvironmentSettings {
        var settings = EnvironmentSettings()
        for entry in section?.entries ?? [] {
            switch entry.key {
            case "connect_method":
                if Self.connectMethods.contains(entry.value) {
                    settings.connectMethod = entry.value
                } else {
                    error(entry, "connect_method '\(entry.value)' is not supported; use 'local' or 'ssh'.")
                }
            case "host_domain": settings.hostDomain = entry.value
            case "service_user": settings.serviceUser = entry.value
            case "require_sudo": settings.requireSudo = boolean(entry)
            case "platform": settings.platform = entry.value
            case "timeout": settings.timeout = integer(entry, atLeast: 0) ?? settings.timeout
            case "jobs": settings.jobs = integer(entry, atLeast: 1)
            case "target_directory": settings.targetDirectory = entry.value
            case "branch": settings.branch = entry.value
            case let key where Self.settingKeys.contains(key):
                break  // batou's settings for shipping a repository; a Swift deployment ships its binary.
            default:
                warning(entry, unknownKey: "[environment]", known: Self.settingKeys)
            }
        }
        if settings.platform == nil { settings.platform = settings.hostDomain }
        return settings
    }

    // MARK: - Hosts

    mutating func readHosts(_ document: IniDocument) -> [HostEntry] {
        var hosts: [HostEntry] = []
        func add(_ host: HostEntry, definedAs place: String) {
            if let first = hosts.first(where: { $0.name == host.name }) {
                diagnostics.error(
                    file, host.line,
                    "Host '\(host.name)' is defined twice: \(place) here and already on line \(first.line).")
            } else {
                hosts.append(host)
            }
        }
        for entry in document.section("hosts")?.entries ?? [] {
            let isIgnored = entry.key.hasPrefix("!")
            let name = isIgnored ? entry.key.dropFirst().trimmingWhitespace() : entry.key
            guard !name.isEmpty else {
                error(entry, "A host name is missing before '='.")
                continue
            }
            let host = HostEntry(
                name: name, line: entry.line, isIgnored: isIgnored, components: componentList(entry))
            add(host, definedAs: "in [hosts]")
        }
        for section in document.sections where section.name.hasPrefix("host:") {
            let name = String(section.name.dropFirst("host:".count)).trimmingWhitespace()
            guard !name.isEmpty else {
                diagnostics.error(file, section.line, "Section [host:] needs a host name, such as [host:web1].")
                continue
            }
            add(readHostSection(section, name: name), definedAs: "as [\(section.name)]")
        }
        return hosts
    }

    private mutating func readHostSection(_ section: IniSection, name: String) -> HostEntry {
        var host = HostEntry(name: name, line: section.line, isIgnored: false, components: [])
        for entry in section.entries {
            switch entry.key {
            case "components": host.components = componentList(entry)
            case "ignore": host.isIgnored = boolean(entry) ?? false
            case "platform": host.platform = entry.value
            case "service_user": host.serviceUser = entry.value
            case "require_sudo": host.requireSudo = boolean(entry)
            case let key where key.hasPrefix("data-"):
                let dataKey = String(key.dropFirst("data-".count))
                if dataKey.isEmpty {
                    error(entry, "Host data needs a name after 'data-', such as 'data-alias'.")
                } else {
                    host.data[dataKey] = entry.value
                }
            case let key where Self.hostKeys.contains(key):
                break  // provisioning, which batou for Swift leaves to other tools.
            default:
                warning(entry, unknownKey: "[\(section.name)]", known: Self.hostKeys + ["data-NAME"])
            }
        }
        return host
    }

    /// Reads `[!]component[:feature]` items, merging repeated names as batou does.
    private mutating func componentList(_ entry: IniEntry) -> [ComponentAssignment] {
        var assignments: [ComponentAssignment] = []
        for item in entry.listItems {
            let isIgnored = item.hasPrefix("!")
            let body = isIgnored ? item.dropFirst() : Substring(item)
            let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingWhitespace()
            let feature = parts.count > 1 ? parts[1].trimmingWhitespace() : nil
            guard !name.isEmpty else {
                error(entry, "Component list item '\(item)' has no component name.")
                continue
            }
            if feature == "" {
                error(entry, "Component list item '\(item)' has ':' but no feature after it.")
                continue
            }
            if let index = assignments.firstIndex(where: { $0.name == name }) {
                assignments[index].isIgnored = assignments[index].isIgnored || isIgnored
                assignments[index].features += feature.map { [$0] } ?? []
            } else {
                assignments.append(
                    ComponentAssignment(
                        name: name, features: feature.map { [$0] } ?? [], isIgnored: isIgnored, line: entry.line))
            }
        }
        return assignments
    }

    // MARK: - [component:NAME]

    mutating func readComponentSections(_ document: IniDocument) -> [ComponentSection] {
        document.sections.compactMap { section in
            guard section.name.hasPrefix("component:") else { return nil }
            let name = String(section.name.dropFirst("component:".count)).trimmingWhitespace()
            guard !name.isEmpty else {
                diagnostics.error(
                    file, section.line, "Section [component:] needs a component name, such as [component:hello].")
                return nil
            }
            return ComponentSection(name: name, line: section.line, overrides: section.entries)
        }
    }

    // MARK: - Other sections

    mutating func rejectUnknownSections(_ document: IniDocument) {
        for section in document.sections {
            let name = section.name
            if ["environment", "hosts"].contains(name) || name.hasPrefix("host:") || name.hasPrefix("component:") {
                continue
            }
            if ["vfs", "resolver"].contains(name) || name.hasPrefix("provisioner:") {
                diagnostics.error(
                    file, section.line,
                    "Section [\(name)] is not supported by batou for Swift; remove it from the environment.")
            } else {
                let hint = Suggestion.closest(to: name, among: ["environment", "hosts"]).map { " Did you mean [\($0)]?" }
                diagnostics.error(
                    file, section.line,
                    "Unknown section [\(name)].\(hint ?? "") "
                        + "Sections are [environment], [hosts], [host:NAME] and [component:NAME].")
            }
        }
    }

    // MARK: - Values

    private mutating func integer(_ entry: IniEntry, atLeast minimum: Int) -> Int? {
        guard let value = Int(entry.value), value >= minimum else {
            error(entry, "\(entry.key) must be a whole number of at least \(minimum), not '\(entry.value)'.")
            return nil
        }
        return value
    }

    private mutating func boolean(_ entry: IniEntry) -> Bool? {
        switch entry.value.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default:
            error(entry, "\(entry.key) must be True or False, not '\(entry.value)'.")
            return nil
        }
    }

    private mutating func error(_ entry: IniEntry, _ message: String) {
        diagnostics.error(file, entry.line, message)
    }

    private mutating func warning(_ entry: IniEntry, unknownKey section: String, known: [String]) {
        let hint = Suggestion.closest(to: entry.key, among: known).map { " Did you mean '\($0)'?" } ?? ""
        diagnostics.warning(file, entry.line, "Unknown key '\(entry.key)' in \(section) is ignored.\(hint)")
    }
}

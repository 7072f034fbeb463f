/// An environment file (`environments/NAME/environment.cfg`) read with batou's meaning.
///
/// ```swift
/// let text = """
///     [environment]
///     connect_method = local
///
///     [hosts]
///     localhost = hello
///     """
/// let environment = EnvironmentFile(parsing: text, file: "environments/local/environment.cfg")
/// environment.hosts[0].components[0].name  // "hello"
/// environment.diagnostics.errors           // []
/// ```
///
/// Reading never stops at the first problem: everything wrong with the file is in
/// `diagnostics`, each with its line, and what could be read is still available.
public struct EnvironmentFile: Sendable, Hashable {
    /// The file name used in messages.
    public var file: String
    /// The `[environment]` section.
    public var settings: EnvironmentSettings
    /// Hosts from `[hosts]` and `[host:NAME]`, in the order they appear.
    public var hosts: [HostEntry]
    /// The `[component:NAME]` sections, in the order they appear.
    public var componentSections: [ComponentSection]
    /// Every problem found while reading the file.
    public var diagnostics: ConfigDiagnostics

    public init(parsing text: String, file: String) {
        var diagnostics = ConfigDiagnostics()
        let document = IniDocument(parsing: text, file: file, diagnostics: &diagnostics)
        var reader = EnvironmentReader(file: file, diagnostics: diagnostics)
        self.settings = reader.readSettings(document.section("environment"))
        self.hosts = reader.readHosts(document)
        self.componentSections = reader.readComponentSections(document)
        reader.rejectUnknownSections(document)
        self.diagnostics = reader.diagnostics
        self.file = file
    }
}

/// The values of `[environment]`, with batou's defaults.
public struct EnvironmentSettings: Sendable, Hashable {
    /// `connect_method`: how hosts are reached; batou's default is `ssh`.
    public var connectMethod = "ssh"
    /// `host_domain`: appended to host names to form their fully qualified names.
    public var hostDomain: String?
    /// `service_user`: the user components are deployed as.
    public var serviceUser: String?
    /// `require_sudo`: whether `sudo` is needed to become the service user.
    public var requireSudo: Bool?
    /// `platform`: the hosts' platform; defaults to `host_domain`.
    public var platform: String?
    /// `timeout`: seconds that slow network operations of components may take.
    public var timeout = 3
    /// `jobs`: how many root components may deploy at the same time.
    public var jobs: Int?
    /// `target_directory`: where the deployment lives on remote hosts.
    public var targetDirectory = "~/deployment"
    /// `branch`: the version-control branch that is deployed.
    public var branch: String?

    public init() {}
}

/// A host and what it runs, from `[hosts]` or a `[host:NAME]` section.
public struct HostEntry: Sendable, Hashable {
    /// The host's name without the leading `!`.
    public var name: String
    /// Where the host was defined.
    public var line: Int
    /// Whether the host is configured but never deployed (`!name` or `ignore = True`).
    public var isIgnored: Bool
    /// The root components in the order they are listed.
    public var components: [ComponentAssignment]
    /// `data-KEY = value` entries, without the `data-` prefix.
    public var data: [String: String] = [:]
    /// `platform`, when the host sets one.
    public var platform: String?
    /// `service_user`, when the host sets one.
    public var serviceUser: String?
    /// `require_sudo`, when the host sets it.
    public var requireSudo: Bool?
}

/// One item of a component list: `[!]name[:feature]`, with repeated names merged.
public struct ComponentAssignment: Sendable, Hashable {
    /// The component's lower-case name.
    public var name: String
    /// Features from every `name:feature` item, in order.
    public var features: [String]
    /// Whether any item named the component with a leading `!`.
    public var isIgnored: Bool
    /// The line of the list that first named the component.
    public var line: Int
}

/// A `[component:NAME]` section: overrides of a root component's attributes.
public struct ComponentSection: Sendable, Hashable {
    /// The component's lower-case name.
    public var name: String
    /// The line of the section header.
    public var line: Int
    /// The overrides in the order they appear.
    public var overrides: [IniEntry]

    public init(name: String, line: Int, overrides: [IniEntry]) {
        self.name = name
        self.line = line
        self.overrides = overrides
    }
}

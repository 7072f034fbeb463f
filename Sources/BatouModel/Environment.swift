/// The environment a deployment runs in, as components see it.
///
/// ```swift
/// override func configure() throws {
///     self += File("motd", content: "Welcome to \(host.fqdn) in \(environment.name)\n")
/// }
/// ```
public struct Environment: Sendable, Hashable, Codable {
    /// The environment's name: `dev` for `environments/dev/environment.cfg`.
    public var name: String
    /// The deployment's directory (the one holding `environments/` and `components/`).
    public var baseDirectory: String
    /// How hosts are reached.
    public var connectMethod: ConnectMethod
    /// `host_domain`, appended to host names to form their fully qualified names.
    public var hostDomain: String?
    /// `service_user`: the user components deploy as.
    public var serviceUser: String?
    /// `platform`: the hosts' default platform.
    public var platform: String?
    /// `timeout` in seconds, for slow network operations of components.
    public var timeout: Int
    /// `target_directory`: where the deployment lives on remote hosts.
    public var targetDirectory: String
    /// Every host, ignored ones included, in the order the environment lists them.
    public var hosts: [Host]
    /// Every word of every value that came from the environment's secrets (batou's
    /// `secret_data`): a diff that shows one of them is not shown.
    public var secretData: Set<String> = []
    /// The texts of the environment's additional secret files (`secret-NAME.age`), by name.
    public var secretFiles: [String: String] = [:]

    public init(
        name: String, baseDirectory: String, connectMethod: ConnectMethod = .local, hostDomain: String? = nil,
        serviceUser: String? = nil, platform: String? = nil, timeout: Int = 3,
        targetDirectory: String = "~/deployment", hosts: [Host] = []
    ) {
        self.name = name
        self.baseDirectory = baseDirectory
        self.connectMethod = connectMethod
        self.hostDomain = hostDomain
        self.serviceUser = serviceUser
        self.platform = platform
        self.timeout = timeout
        self.targetDirectory = targetDirectory
        self.hosts = hosts
    }

    /// `<deployment>/work`, which holds each root component's working directory.
    public var workdirBase: String { baseDirectory + "/work" }

    /// The host called `name`, if the environment has one.
    public func host(named name: String) -> Host? {
        hosts.first { $0.name == name }
    }
}

/// A host of an environment.
public struct Host: Sendable, Hashable, Codable {
    /// The name used in the environment file.
    public var name: String
    /// The fully qualified name: `name.host_domain`, or the name alone.
    public var fqdn: String
    /// `data-KEY = value` entries of `[host:NAME]`.
    public var data: [String: String]
    /// The platform, for platform-specific components.
    public var platform: String?
    /// The user components deploy as on this host.
    public var serviceUser: String?
    /// Whether the host is configured but never deployed.
    public var isIgnored: Bool

    public init(
        name: String, fqdn: String? = nil, data: [String: String] = [:], platform: String? = nil,
        serviceUser: String? = nil, isIgnored: Bool = false
    ) {
        self.name = name
        self.fqdn = fqdn ?? name
        self.data = data
        self.platform = platform
        self.serviceUser = serviceUser
        self.isIgnored = isIgnored
    }
}

/// How the deployment reaches its hosts.
public struct ConnectMethod: Hashable, Sendable, Codable, CustomStringConvertible {
    enum Storage: Hashable, Sendable, Codable {
        case local, ssh
    }

    let storage: Storage

    /// Every host is this machine; components deploy in this process.
    public static var local: Self { .init(storage: .local) }
    /// Hosts are reached with OpenSSH.
    public static var ssh: Self { .init(storage: .ssh) }

    /// The method named as in `connect_method`, if it is one batou for Swift knows.
    public init?(named name: String) {
        switch name {
        case "local": storage = .local
        case "ssh": storage = .ssh
        default: return nil
        }
    }

    init(storage: Storage) {
        self.storage = storage
    }

    public var description: String {
        switch storage {
        case .local: "local"
        case .ssh: "ssh"
        }
    }
}

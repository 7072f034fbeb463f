/// What a component tree knows about where it deploys.
package struct ComponentContext {
    package var environment: Environment
    package var host: Host
    /// The root component this tree belongs to, as resources know it.
    package var root: RootIdentity
    package var defdir: String
    package var workdir: String
    package var isPredicting: Bool
    package var output: any ComponentOutput
    package var resources: ResourceRegistry

    package init(
        environment: Environment, host: Host, rootName: String, isPredicting: Bool, output: any ComponentOutput,
        resources: ResourceRegistry
    ) {
        self.environment = environment
        self.host = host
        self.root = RootIdentity(name: rootName, host: host.name)
        self.defdir = "\(environment.baseDirectory)/components/\(rootName)"
        self.workdir = "\(environment.workdirBase)/\(rootName)"
        self.isPredicting = isPredicting
        self.output = output
        self.resources = resources
    }
}

/// Where components' messages and diffs go while they configure and deploy.
package protocol ComponentOutput: AnyObject {
    func log(_ message: String, from component: Component)
    func diff(_ lines: [String], of file: String, from component: Component)
    func notice(_ message: String, from component: Component)
}

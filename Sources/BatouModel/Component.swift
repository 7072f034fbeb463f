/// A part of a deployment: it declares a target state and brings a host into it.
///
/// ```swift
/// final class Hello: Component {
///     @Attribute var greeting = "Hello world"   // [component:hello] greeting = Moin
///
///     override func configure() throws {
///         self += File("hello", content: greeting)
///     }
/// }
/// ```
///
/// A component lives through two phases, as in batou:
/// - **configure** computes the target state and adds sub-components with `+=`. It never
///   touches the host and may run more than once, so it must be free of side effects.
/// - **deploy** first deploys the sub-components, in the order they were added, then calls
///   `verify`, which throws ``UpdateNeeded`` when the host differs from the target state;
///   only then `update` runs (never when predicting). A component whose sub-components
///   changed counts as changed too.
///
/// Components are classes, so that `self += File(...)` reads as it does in batou and
/// `@Attribute` values can be found and overridden by reflection. A component tree
/// belongs to one deployment of one root on one host and is never shared between threads.
/// `verify` and `update` are synchronous because their work — files, processes — blocks;
/// the engine gives each deploying root its own thread rather than Swift's small
/// cooperative pool, where blocking calls would stall every other host.
open class Component {
    /// The component this one was added to; `nil` for a root component.
    public private(set) weak var parent: Component?
    /// The sub-components in the order they were added, which is the order they deploy in.
    public private(set) var subComponents: [Component] = []
    /// Whether the last deploy updated this component or one of its sub-components
    /// (also when only predicted).
    public package(set) var changed = false
    /// The directory relative paths are mapped into; a root's is `work/<root name>`.
    /// Sub-components start with their parent's and may set their own in `configure`.
    public var workdir = ""
    /// Features chosen with `name:feature` in the environment's host lists.
    /// A root component's default applies when the environment names none.
    public var features: [String] = []
    /// For a root component: how many of its instances, across all hosts, may deploy at the
    /// same time — at most 1 of 6 web servers behind a load balancer, say. `nil` leaves it
    /// to `--jobs`. Set it in `configure`, perhaps from an `@Attribute`.
    public var rollingLimit: Int?

    /// Where the tree deploys; set on root components only (see `requireContext`).
    var context: ComponentContext?
    /// The first error a sub-component's `configure` raised, reported after this one's.
    var deferredError: (any Error)?

    public required init() {
        ConfigureSession.current?.componentCreated(self)
    }

    // MARK: - Lifecycle

    /// Computes the target state: adds sub-components, reads attributes. Never touches the host.
    open func configure() throws {}

    /// Checks whether the host is in the target state; throws ``UpdateNeeded`` when it is not.
    /// Never changes anything.
    open func verify() throws {}

    /// Brings the host into the target state. Runs only after `verify` threw ``UpdateNeeded``.
    open func update() throws {}

    /// The value shown in parentheses in breadcrumbs, batou's namevar (`File('work/hello')`).
    open var breadcrumbValue: String? { nil }

    /// The sub-component this component gets on hosts of `platform` (batou's `@platform`),
    /// added after `configure` as the last sub-component.
    ///
    /// ```swift
    /// override class func platformComponent(for platform: String) -> Component? {
    ///     platform == "debian" ? DebianService() : nil
    /// }
    /// ```
    ///
    /// Unlike batou's decorator, a subclass inherits its superclass's platform components
    /// unless it overrides this method too.
    open class func platformComponent(for platform: String) -> Component? { nil }

    /// Handlers this component has for events of other components of the same root,
    /// batou's `handle_event`.
    ///
    /// ```swift
    /// override var eventHandlers: [EventHandler] {
    ///     [.beforeUpdate(of: .precursors) { [unowned self] component in try stopProgram() }]
    /// }
    /// ```
    open var eventHandlers: [EventHandler] { [] }

    // MARK: - Sub-components

    /// Adds `component` as the next sub-component and configures it right away.
    ///
    /// An error from the sub-component's `configure` is reported when this component's
    /// own `configure` returns, naming the sub-component.
    public static func += (parent: Component, component: Component) {
        parent.add(component)
    }

    /// Adds `component` as the next sub-component, configures it, and returns it.
    ///
    /// ```swift
    /// let script = add(File("run.sh", content: script, mode: 0o755))
    /// ```
    @discardableResult
    public func add<C: Component>(_ component: C) -> C {
        subComponents.append(component)
        component.parent = self
        component.workdir = workdir
        do {
            try component.prepare()
        } catch {
            deferredError = deferredError ?? error
        }
        return component
    }

    /// Runs `configure` and surfaces the first error of a sub-component added meanwhile.
    package func prepare() throws {
        subComponents = []
        deferredError = nil
        do {
            if let session = ConfigureSession.current {
                try session.configuring(self) { try configure() }
            } else {
                try configure()
            }
        } catch let failure as ComponentFailure {
            throw failure
        } catch {
            throw ComponentFailure(breadcrumbs: breadcrumbs, error: error)
        }
        if let error = deferredError { throw error }
        if let platform = host.platform, let component = type(of: self).platformComponent(for: platform) {
            add(component)
            if let error = deferredError { throw error }
        }
    }

    // MARK: - Context

    /// The environment this component is deployed in.
    public var environment: Environment { requireContext().environment }
    /// The host this component is deployed on.
    public var host: Host { requireContext().host }
    /// The root component's directory of files: `components/<root name>/` in the deployment.
    public var defdir: String { requireContext().defdir }
    /// Whether this deploy only predicts: `update` will not run.
    public var isPredicting: Bool { requireContext().isPredicting }

    /// The root component this one belongs to.
    public var root: Component { parent?.root ?? self }

    /// `path` as an absolute path: `~` expanded, relative paths taken from `workdir`.
    ///
    /// ```swift
    /// map("hello")   // "/srv/deployment/work/hello/hello"
    /// ```
    public func map(_ path: String) -> String {
        if path == "~" || path.hasPrefix("~/") {
            return Path.normalize(Path.homeDirectory + path.dropFirst())
        }
        return Path.resolve(path, against: workdir)
    }

    /// `path` resolved against `defdir`, for files a component reads from the deployment.
    public func definitionFile(_ path: String) -> String {
        Path.resolve(path, against: defdir)
    }

    // MARK: - Output

    /// Shows a message from this component, with the host's name in front.
    public func log(_ message: String) {
        requireContext().output.log(message, from: self)
    }

    /// Shows the lines of a unified diff of `file` under this component's breadcrumbs.
    public func reportDiff(_ lines: [String], of file: String) {
        requireContext().output.diff(lines, of: file, from: self)
    }

    /// Shows a notice about this component's change, such as why no diff is shown.
    public func notice(_ message: String) {
        requireContext().output.notice(message, from: self)
    }

    // MARK: - Assertions for verify

    /// Throws ``UpdateNeeded`` when a direct sub-component changed in this deploy,
    /// so that `update` runs after its parts changed (batou's `assert_no_subcomponent_changes`).
    ///
    /// ```swift
    /// override func verify() throws {
    ///     try assertNoSubComponentChanges()   // restart the service when its configuration changed
    /// }
    /// ```
    public func assertNoSubComponentChanges() throws(UpdateNeeded) {
        if let changed = subComponents.first(where: \.changed) {
            throw UpdateNeeded("\(changed.breadcrumb) changed.")
        }
    }

    /// Throws ``UpdateNeeded`` when this component or a direct sub-component changed in this deploy.
    public func assertNoChanges() throws(UpdateNeeded) {
        if changed { throw UpdateNeeded("\(breadcrumb) changed.") }
        try assertNoSubComponentChanges()
    }

    // MARK: - Names

    /// The component's type name, as in breadcrumbs (`File`).
    public var typeName: String { String(describing: type(of: self)) }

    /// This component in breadcrumbs: `File('work/hello/hello')`, or the type name alone.
    public var breadcrumb: String {
        breadcrumbValue.map { "\(typeName)('\($0)')" } ?? typeName
    }

    /// The chain from the root to this component: `Hello > File('work/hello/hello') > Presence('hello')`.
    public var breadcrumbs: String {
        guard let parent else { return breadcrumb }
        return parent.breadcrumbs + " > " + breadcrumb
    }

    /// Every sub-component below this one, depth first, parents before their children.
    public var recursiveSubComponents: [Component] {
        subComponents.flatMap { [$0] + $0.recursiveSubComponents }
    }

    func requireContext() -> ComponentContext {
        guard let context = root.context else {
            preconditionFailure(
                "\(typeName) is not part of a deployment yet: add it with `self += component` in a configure().")
        }
        return context
    }

    /// Places this component as the root of a deployment on one host.
    package func becomeRoot(in context: ComponentContext) {
        parent = nil
        self.context = context
        workdir = context.workdir
    }
}

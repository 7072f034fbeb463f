/// Watches components created while a root configures, to find those never added with `+=`.
///
/// A component made in `configure` but never added does nothing, which is almost always a
/// forgotten `self += …`; batou warns about it, and so do we.
///
/// A session is bound as a task-local value for one synchronous call to a root's `prepare`,
/// and only that call's thread touches it, hence `@unchecked Sendable`.
package final class ConfigureSession: @unchecked Sendable {
    @TaskLocal static var current: ConfigureSession?

    /// Components created during the session, with the component whose `configure` created them.
    private var created: [(component: Component, creator: Component?)] = []
    private var configuring: [Component] = []

    package init() {}

    /// Runs `body` (a root's configuration) while watching component creation.
    package func watch<Result>(_ body: () throws -> Result) rethrows -> Result {
        try Self.$current.withValue(self, operation: body)
    }

    /// Components created in `configure` that never became a sub-component, with their creators.
    package var unaddedComponents: [(component: Component, creator: Component?)] {
        created.filter { $0.component.parent == nil && $0.component.context == nil }
    }

    func componentCreated(_ component: Component) {
        created.append((component, configuring.last))
    }

    func configuring<Result>(_ component: Component, _ body: () throws -> Result) rethrows -> Result {
        configuring.append(component)
        defer { configuring.removeLast() }
        return try body()
    }
}

/// A reaction of one component to another component of the same root about to update,
/// batou's `@handle_event("before-update", scope)`.
///
/// ```swift
/// override var eventHandlers: [EventHandler] {
///     [.beforeUpdate(of: .precursors) { [unowned self] _ in try stop() }]
/// }
/// ```
///
/// When predicting, handlers do not run; the deployment shows which would have.
public struct EventHandler {
    /// Which components' updates a handler reacts to.
    public enum Scope: Sendable {
        /// Every other component of the root.
        case everyComponent
        /// Components that deploy before the handler's own component.
        case precursors
    }

    package let scope: Scope
    package let name: String
    package let action: (Component) throws -> Void

    /// Runs `action` with the component about to update, before its `update`.
    ///
    /// `name` is shown when predicting: `Trigger before-update: Program > stop`.
    public static func beforeUpdate(
        of scope: Scope = .everyComponent, named name: String = "handler", _ action: @escaping (Component) throws -> Void
    ) -> EventHandler {
        EventHandler(scope: scope, name: name, action: action)
    }
}

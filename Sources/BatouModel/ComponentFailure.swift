/// An error raised by a component, with the breadcrumbs of the component that raised it.
///
/// ```swift
/// // Hello > File('work/hello/hello'): Missing file components/hello/hello.
/// ```
public struct ComponentFailure: Error, CustomStringConvertible {
    /// Where the error happened: `Hello > File('work/hello/hello')`.
    public var breadcrumbs: String
    /// What went wrong.
    public var error: any Error

    public init(breadcrumbs: String, error: any Error) {
        self.breadcrumbs = breadcrumbs
        self.error = error
    }

    public var description: String { "\(breadcrumbs): \(error)" }
}

/// Thrown by `verify` when the host is not in the target state, so `update` must run.
///
/// ```swift
/// override func verify() throws {
///     guard FileManager.default.fileExists(atPath: path) else { throw UpdateNeeded("\(path) is missing.") }
/// }
/// ```
public struct UpdateNeeded: Error, CustomStringConvertible {
    /// Why an update is needed, for debugging output.
    public var reason: String

    public init(_ reason: String = "") {
        self.reason = reason
    }

    public var description: String { reason.isEmpty ? "An update is needed." : reason }
}

import BatouModel

/// A component that manages one path, shown in breadcrumbs by that path.
///
/// The path is mapped in `configure`: relative paths are taken from the working directory.
/// Below another path component (a `File`'s `Presence`, say) breadcrumbs show only the
/// base name; otherwise the path relative to the deployment.
open class FileComponent: Component {
    /// The path as given, before mapping.
    public var originalPath = ""
    /// The absolute path; empty until `configure` has mapped `originalPath`.
    public var path = ""

    /// A component for `path`.
    public convenience init(_ path: String) {
        self.init()
        self.originalPath = path
    }

    open override func configure() throws {
        guard !originalPath.isEmpty else {
            throw ComponentUsageError("\(typeName) needs a path, such as \(typeName)(\"hello\").")
        }
        path = map(originalPath)
    }

    open override var breadcrumbValue: String? {
        if parent is FileComponent { return Path.basename(originalPath) }
        // Until configure has mapped the path, there is no deployment to show it relative to.
        return path.isEmpty ? originalPath : Path.relative(path, to: environment.baseDirectory)
    }
}

/// A component was used in a way it does not support; the message says how to use it.
public struct ComponentUsageError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

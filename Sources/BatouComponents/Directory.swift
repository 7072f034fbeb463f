import BatouModel

/// A directory exists at `path`.
///
/// ```swift
/// self += Directory("logs")
/// self += Directory("/srv/app/releases", leading: true)
/// ```
///
/// Whatever else is at the path is replaced. With `leading`, missing parents are created too.
public final class Directory: FileComponent {
    /// Whether to create missing parent directories.
    public var leading = false

    public convenience init(_ path: String, leading: Bool = false) {
        self.init(path)
        self.leading = leading
    }

    public override func verify() throws {
        guard FileSystem.kind(of: path) == .directory else { throw UpdateNeeded("\(path) is not a directory.") }
    }

    public override func update() throws {
        try FileSystem.remove(path)
        try FileSystem.createDirectory(path, leading: leading)
    }
}

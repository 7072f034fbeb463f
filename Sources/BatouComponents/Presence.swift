import BatouModel

/// A regular file exists at `path`; its content is left alone.
///
/// ```swift
/// self += Presence("logs/app.log", leading: true)
/// ```
///
/// Whatever else is at the path (a directory, a link) is replaced.
/// With `leading`, missing parent directories are created too.
public final class Presence: FileComponent {
    /// Whether to create missing parent directories.
    public var leading = false

    public convenience init(_ path: String, leading: Bool = false) {
        self.init(path)
        self.leading = leading
    }

    public override func configure() throws {
        try super.configure()
        if leading { self += Directory(Path.directory(of: path), leading: true) }
    }

    public override func verify() throws {
        guard FileSystem.kind(of: path) == .file else { throw UpdateNeeded("\(path) is not a file.") }
    }

    public override func update() throws {
        try FileSystem.remove(path)
        try FileSystem.createEmptyFile(path)
    }
}

import BatouModel

/// A directory exists at `path`, with `mode` if one is given.
///
/// ```swift
/// self += Directory("logs")
/// self += Directory("/srv/app/releases", leading: true, mode: 0o750)
/// ```
///
/// Whatever else is at the path is replaced. With `leading`, missing parents are created too.
public final class Directory: FileComponent {
    /// Whether to create missing parent directories.
    public var leading = false
    /// The permission bits; `nil` leaves them as they are (new directories follow the umask).
    public var mode: FileMode?

    public convenience init(_ path: String, leading: Bool = false, mode: FileMode? = nil) {
        self.init(path)
        self.leading = leading
        self.mode = mode
    }

    public override func verify() throws {
        guard FileSystem.kind(of: path) == .directory else { throw UpdateNeeded("\(path) is not a directory.") }
        if let mode, try FileSystem.mode(of: path) != mode.bits {
            throw UpdateNeeded("\(path) does not have mode \(mode).")
        }
    }

    public override func update() throws {
        if FileSystem.kind(of: path) != .directory {
            try FileSystem.remove(path)
            try FileSystem.createDirectory(path, leading: leading)
        }
        if let mode { try FileSystem.setMode(mode.bits, of: path) }
    }
}

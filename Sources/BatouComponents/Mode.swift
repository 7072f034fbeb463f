import BatouModel

/// The permission bits of whatever is at `path`.
///
/// ```swift
/// self += Mode("run.sh", mode: 0o755)
/// ```
///
/// The path must exist when the component deploys; add it first.
public final class Mode: FileComponent {
    /// The wanted permission bits.
    public var mode: FileMode = 0o644

    public convenience init(_ path: String, mode: FileMode) {
        self.init(path)
        self.mode = mode
    }

    public override func verify() throws {
        guard FileSystem.kind(of: path) != .missing else { throw UpdateNeeded("\(path) does not exist yet.") }
        let current = try FileSystem.status(of: path)
        guard current.st_mode & 0o7777 == mode.bits else {
            throw UpdateNeeded("\(path) has mode \(FileMode(current.st_mode & 0o7777)), not \(mode).")
        }
    }

    public override func update() throws {
        try FileSystem.setMode(mode.bits, of: path)
    }
}

import BatouModel

/// A symbolic link at `path` pointing to `destination`.
///
/// ```swift
/// self += Symlink("current", to: "releases/1")
/// ```
///
/// Both paths are mapped, so a relative destination is taken from the working directory.
/// Whatever else is at `path` is replaced.
public final class Symlink: FileComponent {
    /// Where the link points, as given.
    public var destination = ""

    public convenience init(_ path: String, to destination: String) {
        self.init(path)
        self.destination = destination
    }

    public override func configure() throws {
        try super.configure()
        guard !destination.isEmpty else {
            throw ComponentUsageError("Symlink needs a destination, such as Symlink(\"current\", to: \"releases/1\").")
        }
        destination = map(destination)
    }

    public override func verify() throws {
        guard FileSystem.destinationOfSymlink(path) == destination else {
            throw UpdateNeeded("\(path) does not point to \(destination).")
        }
    }

    public override func update() throws {
        try FileSystem.remove(path)
        try FileSystem.createSymlink(path, pointingTo: destination)
    }
}

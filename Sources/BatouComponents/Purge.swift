import BatouModel

/// Nothing matches the shell pattern `pattern`: matching files, links and directory trees are removed.
///
/// ```swift
/// self += Purge("releases/*.tmp")
/// ```
///
/// A link is removed itself, never what it points to.
public final class Purge: FileComponent {
    public override func verify() throws {
        let matches = FileSystem.matches(of: path)
        guard matches.isEmpty else { throw UpdateNeeded("\(matches.count) paths match \(path).") }
    }

    public override func update() throws {
        for match in FileSystem.matches(of: path) { try FileSystem.remove(match) }
    }
}

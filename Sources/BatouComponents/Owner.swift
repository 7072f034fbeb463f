import BatouModel

/// The user that owns whatever is at `path`, by name or number.
///
/// ```swift
/// self += Owner("data", user: "postgres")
/// ```
///
/// The name is looked up when the component deploys, so the user may be created
/// by an earlier component of the same deployment.
public final class Owner: FileComponent {
    /// The owning user's name or id.
    public var user = ""

    public convenience init(_ path: String, user: String) {
        self.init(path)
        self.user = user
    }

    public override func verify() throws {
        let wanted = try userID()
        guard FileSystem.kind(of: path) != .missing else { throw UpdateNeeded("\(path) does not exist yet.") }
        guard try FileSystem.status(of: path).st_uid == wanted else {
            throw UpdateNeeded("\(path) is not owned by \(user).")
        }
    }

    public override func update() throws {
        try FileSystem.setOwner(try userID(), group: nil, of: path)
    }

    private func userID() throws -> UInt32 {
        guard let id = FileSystem.userID(user) else {
            throw ComponentUsageError("There is no user '\(user)' on \(host.name) to own \(path).")
        }
        return id
    }
}

/// The group that owns whatever is at `path`, by name or number.
///
/// ```swift
/// self += Group("data", group: "www-data")
/// ```
public final class Group: FileComponent {
    /// The owning group's name or id.
    public var group = ""

    public convenience init(_ path: String, group: String) {
        self.init(path)
        self.group = group
    }

    public override func verify() throws {
        let wanted = try groupID()
        guard FileSystem.kind(of: path) != .missing else { throw UpdateNeeded("\(path) does not exist yet.") }
        guard try FileSystem.status(of: path).st_gid == wanted else {
            throw UpdateNeeded("\(path) is not owned by group \(group).")
        }
    }

    public override func update() throws {
        try FileSystem.setOwner(nil, group: try groupID(), of: path)
    }

    private func groupID() throws -> UInt32 {
        guard let id = FileSystem.groupID(group) else {
            throw ComponentUsageError("There is no group '\(group)' on \(host.name) to own \(path).")
        }
        return id
    }
}

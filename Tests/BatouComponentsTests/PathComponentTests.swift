@testable import BatouComponents
import BatouTesting
import Foundation
import Testing

@Suite struct PresenceTests {
    @Test func createsAnEmptyFileAndLeavesItsContentAlone() throws {
        let host = try TestHost()
        #expect(try host.deploy(Presence("log/app.log", leading: true)) == true)
        #expect(Disk.text(host.path("log/app.log")) == "")
        try Disk.write("entries\n", to: host.path("log/app.log"))
        let before = Disk.fingerprint(host.path("log/app.log"))
        #expect(try host.deploy(Presence("log/app.log", leading: true)) == false)
        #expect(Disk.fingerprint(host.path("log/app.log")) == before)
    }

    @Test func replacesADirectory() throws {
        let host = try TestHost()
        try FileManager.default.createDirectory(atPath: host.path("thing/inside"), withIntermediateDirectories: true)
        #expect(try host.deploy(Presence("thing")) == true)
        #expect(Disk.text(host.path("thing")) == "")
    }

    @Test func predictsWithoutCreating() throws {
        let host = try TestHost()
        try FileManager.default.createDirectory(atPath: host.workdir, withIntermediateDirectories: true)
        #expect(try host.deploy(Presence("new"), predicting: true) == true)
        #expect(!Disk.exists(host.path("new")))
    }
}

@Suite struct DirectoryTests {
    @Test func createsChangesAndLeavesADirectory() throws {
        let host = try TestHost()
        #expect(try host.deploy(Directory("a/b/c", leading: true)) == true)
        #expect(Disk.status(host.path("a/b/c")).map { $0.st_mode & S_IFMT } == S_IFDIR)
        let before = Disk.fingerprint(host.path("a/b/c"))
        #expect(try host.deploy(Directory("a/b/c", leading: true)) == false)
        #expect(Disk.fingerprint(host.path("a/b/c")) == before)
        try FileManager.default.removeItem(atPath: host.path("a/b/c"))
        try Disk.write("a file\n", to: host.path("a/b/c"))
        #expect(try host.deploy(Directory("a/b/c")) == true)
        #expect(Disk.status(host.path("a/b/c")).map { $0.st_mode & S_IFMT } == S_IFDIR)
    }

    @Test func setsAndKeepsTheMode() throws {
        let host = try TestHost()
        #expect(try host.deploy(Directory("private", leading: true, mode: 0o750)) == true)
        #expect(Disk.mode(host.path("private")) == 0o750)
        let before = Disk.fingerprint(host.path("private"))
        #expect(try host.deploy(Directory("private", mode: 0o750)) == false)
        #expect(Disk.fingerprint(host.path("private")) == before)
        #expect(try host.deploy(Directory("private", mode: 0o700)) == true)
        #expect(Disk.mode(host.path("private")) == 0o700)
    }

    @Test func predictsWithoutCreating() throws {
        let host = try TestHost()
        #expect(try host.deploy(Directory("logs", leading: true), predicting: true) == true)
        #expect(!Disk.exists(host.path("logs")))
    }
}

@Suite struct SymlinkTests {
    @Test func createsMissingLink() throws {
        let host = try TestHost()
        #expect(try host.deploy(Symlink("current", to: "releases/1")) == true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: host.path("current")) == host.path("releases/1"))
    }

    @Test func secondDeployChangesNothing() throws {
        let host = try TestHost()
        try host.deploy(Symlink("current", to: "releases/1"))
        let before = Disk.fingerprint(host.path("current"))
        #expect(try host.deploy(Symlink("current", to: "releases/1")) == false)
        #expect(Disk.fingerprint(host.path("current")) == before)
    }

    @Test func repointsAChangedLinkAndReplacesAFile() throws {
        let host = try TestHost()
        try host.deploy(Symlink("current", to: "releases/1"))
        #expect(try host.deploy(Symlink("current", to: "/releases/2")) == true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: host.path("current")) == "/releases/2")
        try FileManager.default.removeItem(atPath: host.path("current"))
        try Disk.write("x", to: host.path("current"))
        #expect(try host.deploy(Symlink("current", to: "/releases/2")) == true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: host.path("current")) == "/releases/2")
    }

    @Test func predictsWithoutCreating() throws {
        let host = try TestHost()
        try FileManager.default.createDirectory(atPath: host.workdir, withIntermediateDirectories: true)
        #expect(try host.deploy(Symlink("current", to: "x"), predicting: true) == true)
        #expect(!Disk.exists(host.path("current")))
    }
}

@Suite struct ModeTests {
    @Test func setsChangesAndKeepsTheMode() throws {
        let host = try TestHost()
        try Disk.write("x", to: host.path("script"))
        #expect(try host.deploy(Mode("script", mode: 0o750)) == true)
        #expect(Disk.mode(host.path("script")) == 0o750)
        #expect(try host.deploy(Mode("script", mode: 0o750)) == false)
        #expect(try host.deploy(Mode("script", mode: 0o700)) == true)
        #expect(Disk.mode(host.path("script")) == 0o700)
    }

    @Test func predictsWithoutChanging() throws {
        let host = try TestHost()
        try Disk.write("x", to: host.path("script"))
        chmod(host.path("script"), 0o644)
        #expect(try host.deploy(Mode("script", mode: 0o600), predicting: true) == true)
        #expect(Disk.mode(host.path("script")) == 0o644)
    }

    @Test(arguments: [("755", 0o755), ("0644", 0o644), ("rwxr-x---", 0o750), ("---------", 0)])
    func readsModesAsBatouDoes(text: String, bits: UInt32) throws {
        #expect(try FileMode(overrideValue: text) == FileMode(bits))
    }

    @Test func refusesMalformedModes() {
        #expect(throws: (any Error).self) { try FileMode(overrideValue: "rwxrwxrwz") }
        #expect(throws: (any Error).self) { try FileMode(overrideValue: "wrongmode") }
        #expect(FileMode(0o640).description == "rw-r-----")
    }
}

@Suite(.enabled(if: getuid() == 0, "Changing owners needs root."))
struct OwnerTests {
    @Test func changesAndKeepsTheOwner() throws {
        let host = try TestHost()
        try Disk.write("x", to: host.path("data"))
        #expect(try host.deploy(Owner("data", user: "nobody")) == true)
        #expect(Disk.status(host.path("data"))?.st_uid == FileSystem.userID("nobody"))
        #expect(try host.deploy(Owner("data", user: "nobody")) == false)
        #expect(try host.deploy(Owner("data", user: "0"), predicting: true) == true)
        #expect(Disk.status(host.path("data"))?.st_uid != 0)
    }

    @Test func changesAndKeepsTheGroup() throws {
        let host = try TestHost()
        try Disk.write("x", to: host.path("data"))
        #expect(try host.deploy(Group("data", group: "nogroup")) == true)
        #expect(Disk.status(host.path("data"))?.st_gid == FileSystem.groupID("nogroup"))
        #expect(try host.deploy(Group("data", group: "nogroup")) == false)
    }

    @Test func keepsTheOwnerWhenContentChanges() throws {
        let host = try TestHost()
        try host.deploy(File("data", content: "1\n", owner: "nobody"))
        #expect(try host.deploy(File("data", content: "2\n", owner: "nobody")) == true)
        #expect(Disk.status(host.path("data"))?.st_uid == FileSystem.userID("nobody"))
        #expect(Disk.text(host.path("data")) == "2\n")
    }

    @Test func namesAMissingUser() throws {
        let host = try TestHost()
        try Disk.write("x", to: host.path("data"))
        #expect {
            try host.deploy(Owner("data", user: "no-such-user"))
        } throws: { error in
            String(describing: error).hasSuffix("There is no user 'no-such-user' on localhost to own \(host.path("data")).")
        }
    }
}

@Suite struct PurgeTests {
    @Test func removesMatchesButNotWhatLinksPointTo() throws {
        let host = try TestHost()
        try Disk.write("x", to: host.path("a.tmp"))
        try Disk.write("y", to: host.path("dir.tmp/inside"))
        try Disk.write("z", to: host.path("keep/precious"))
        try FileManager.default.createSymbolicLink(atPath: host.path("link.tmp"), withDestinationPath: host.path("keep"))
        try FileManager.default.createSymbolicLink(atPath: host.path("dangling.tmp"), withDestinationPath: "/nowhere")
        #expect(try host.deploy(Purge("*.tmp")) == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: host.workdir) == ["keep"])
        #expect(Disk.text(host.path("keep/precious")) == "z")
        #expect(try host.deploy(Purge("*.tmp")) == false)
    }

    @Test func predictsWithoutRemoving() throws {
        let host = try TestHost()
        try Disk.write("x", to: host.path("a.tmp"))
        #expect(try host.deploy(Purge("*.tmp"), predicting: true) == true)
        #expect(Disk.exists(host.path("a.tmp")))
    }
}

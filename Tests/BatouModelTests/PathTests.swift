import Testing

@testable import BatouModel

@Suite struct PathTests {
    @Test func resolvesRelativePathsAgainstADirectory() {
        #expect(Path.resolve("hello", against: "/srv/work/hello") == "/srv/work/hello/hello")
        #expect(Path.resolve("../b/./c", against: "/srv/a") == "/srv/b/c")
        #expect(Path.resolve("/etc//motd", against: "/srv") == "/etc/motd")
    }

    @Test func splitsPaths() {
        #expect(Path.basename("/a/b.txt") == "b.txt")
        #expect(Path.directory(of: "/a/b.txt") == "/a")
        #expect(Path.directory(of: "/b.txt") == "/")
        #expect(Path.relative("/srv/d/work/x", to: "/srv/d") == "work/x")
        #expect(Path.relative("/etc/x", to: "/srv/d") == "/etc/x")
    }
}

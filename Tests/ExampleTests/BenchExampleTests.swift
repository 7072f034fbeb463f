import Foundation
import Testing

extension ExampleTests {
    /// The benchmark deployment produces exactly the result its specification describes.
    @Suite struct BenchExampleTests {
        static let example = ExampleTests.repository + "/examples/bench"
        static let binary = example + "/.build/release/deployment"
        static let manifest = ExampleTests.repository + "/benchmarks/bench-manifest.py"
        static let digestV1 =
            "entries=1240 dirs=216 files=1004 links=20 digest=d5781aa83ebfec78087e2ce8c86c1bdd9337856c093f89be4abee78ef88495a4"
        static let digestV2 =
            "entries=1240 dirs=216 files=1004 links=20 digest=b5ab8395f74f26d3ef116d5e11fd11b1650a6278e46d0345bf7051324ce1bf7c"

        @Test func coldDeployGivesTheSpecifiedResultAndASecondDeployWritesNothing() throws {
            try? FileManager.default.removeItem(atPath: Self.example + "/work")
            let cold = try Command.run("/bin/sh", ["-c", "umask 022 && exec ./batou deploy local"], in: Self.example)
            #expect(cold.status == 0, "\(cold.output)\(cold.errors)")
            #expect(try Command.run("/usr/bin/env", ["python3", Self.manifest, "work"], in: Self.example).output == Self.digestV1 + "\n")

            let before = try TreeSnapshot(of: Self.example + "/work")
            let noop = try Command.run(Self.example + "/batou", ["deploy", "local"])
            #expect(noop.status == 0)
            #expect(!noop.output.contains("🚀"))
            #expect(try TreeSnapshot(of: Self.example + "/work") == before)
        }

        @Test func changingOneNoteRewritesExactlyOneFile() throws {
            let environment = try String(contentsOfFile: Self.example + "/environments/local/environment.cfg", encoding: .utf8)
            #expect(environment.contains(#"notes = {"host1/page-042.conf": "v1"}"#))
            let deployment = try ScratchDeployment(environment: environment, components: Self.example)
            let deploy = "umask 022 && exec \"$0\" deploy local"
            #expect(try Command.run("/bin/sh", ["-c", deploy, Self.binary], in: deployment.directory).status == 0)
            let before = try TreeSnapshot(of: deployment.directory + "/work")

            try environment.replacingOccurrences(of: "\"v1\"", with: "\"v2\"")
                .write(toFile: deployment.directory + "/environments/local/environment.cfg", atomically: true, encoding: .utf8)
            let change = try Command.run("/bin/sh", ["-c", deploy, Self.binary], in: deployment.directory)
            #expect(change.status == 0)
            let after = try TreeSnapshot(of: deployment.directory + "/work")
            // The directory holding the file changes too: an atomic write renames a new file into it.
            #expect(before.changedPaths(comparedTo: after) == ["pages/host1", "pages/host1/page-042.conf"])
            #expect(change.output.components(separatedBy: "🚀").count == 2)
            let digest = try Command.run("/usr/bin/env", ["python3", Self.manifest, "work"], in: deployment.directory)
            #expect(digest.output == Self.digestV2 + "\n")
        }
    }

}

/// Inode, mode and modification time of everything below a directory.
struct TreeSnapshot: Equatable {
    var entries: [String: [Int]]

    init(of directory: String) throws {
        entries = [:]
        let paths = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
        for path in paths {
            var status = stat()
            guard lstat(directory + "/" + path, &status) == 0 else { continue }
            entries[path] = [Int(status.st_ino), Int(status.st_mode), status.st_mtim.tv_sec, status.st_mtim.tv_nsec]
        }
    }

    func changedPaths(comparedTo other: TreeSnapshot) -> [String] {
        Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
    }
}

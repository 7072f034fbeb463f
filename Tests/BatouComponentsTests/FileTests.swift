import BatouComponents
import BatouEngine
import BatouTesting
import Foundation
import Testing

@Suite struct FileTests {
    @Test func createsAFileWithContentAndShowsTheDiff() throws {
        let host = try TestHost()
        #expect(try host.deploy(File("hello", content: "Hello world\n")) == true)
        #expect(Disk.text(host.path("hello")) == "Hello world\n")
        #expect(Disk.mode(host.path("hello")) == 0o644)
        #expect(
            host.events.contains(
                .diff(
                    host: "localhost", component: "File('work/test/hello') > Content('hello')", file: "hello",
                    lines: ["---", "+++", "@@ -0,0 +1 @@", "+Hello world"])))
        #expect(host.events.contains(.changed(host: "localhost", component: "File('work/test/hello') > Presence('hello')")))
    }

    @Test func secondDeployWritesNothing() throws {
        let host = try TestHost()
        try host.deploy(File("hello", content: "Hello world\n", mode: 0o600))
        let before = Disk.fingerprint(host.path("hello"))
        host.clearEvents()
        #expect(try host.deploy(File("hello", content: "Hello world\n", mode: 0o600)) == false)
        #expect(Disk.fingerprint(host.path("hello")) == before)
        #expect(host.events.isEmpty)
    }

    @Test func replacesChangedContentAtomicallyKeepingTheMode() throws {
        let host = try TestHost()
        try host.deploy(File("config", content: "a\nb\nc\n"))
        try host.deploy(Mode("config", mode: 0o640))
        let inode = Disk.status(host.path("config"))?.st_ino
        host.clearEvents()
        #expect(try host.deploy(File("config", content: "a\nB\nc\n")) == true)
        #expect(Disk.text(host.path("config")) == "a\nB\nc\n")
        #expect(Disk.mode(host.path("config")) == 0o640)
        #expect(Disk.status(host.path("config"))?.st_ino != inode)
        #expect(
            host.events.contains(
                .diff(
                    host: "localhost", component: "File('work/test/config') > Content('config')", file: "config",
                    lines: ["---", "+++", "@@ -1,3 +1,3 @@", " a", "-b", "+B", " c"])))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: host.workdir)
        #expect(leftovers == ["config"])
    }

    @Test func predictsWithoutChangingAnything() throws {
        let host = try TestHost()
        let file = File("hello", content: "Hi\n", mode: 0o600, owner: "root", group: "root")
        #expect(try host.deploy(file, predicting: true) == true)
        #expect(!Disk.exists(host.workdir))
        #expect(host.events.contains { if case .diff = $0 { true } else { false } })
    }

    @Test func emptiesAFileWhenContentIsEmpty() throws {
        let host = try TestHost()
        try host.deploy(File("marker", content: "something\n"))
        #expect(try host.deploy(File("marker", content: "")) == true)
        #expect(Disk.text(host.path("marker")) == "")
        #expect(try host.deploy(File("marker", content: "")) == false)
    }

    @Test func copiesTheFileOfTheSameNameFromTheComponentDirectory() throws {
        let host = try TestHost()
        try Disk.write("from defdir\n", to: host.baseDirectory + "/components/test/motd")
        try Disk.write("other source\n", to: host.baseDirectory + "/components/test/templates/app.conf")
        #expect(try host.deploy(File("motd")) == true)
        #expect(try host.deploy(File("etc/app.conf", source: "templates/app.conf", leading: true)) == true)
        #expect(Disk.text(host.path("motd")) == "from defdir\n")
        #expect(Disk.text(host.path("etc/app.conf")) == "other source\n")
        #expect(try host.deploy(File("motd")) == false)
    }

    @Test func saysHowToFixAMissingImplicitSource() throws {
        let host = try TestHost()
        #expect {
            try host.deploy(File("hello"))
        } throws: { error in
            String(describing: error)
                == "File('work/test/hello'): Missing file components/test/hello for File(\"hello\"). "
                + "Add that file, or for an empty file write File(\"hello\", content: \"\")."
        }
    }

    @Test func failsWithoutLeadingDirectories() throws {
        let host = try TestHost()
        #expect {
            try host.deploy(File("missing/hello", content: "x"))
        } throws: { error in
            String(describing: error).hasPrefix("File('work/test/missing/hello') > Presence('hello'): Cannot create ")
        }
        #expect(try host.deploy(File("missing/hello", content: "x", leading: true)) == true)
    }

    @Test func setsTheModeOfANewFile() throws {
        let host = try TestHost()
        try host.deploy(File("run.sh", content: "#!/bin/sh\n", mode: 0o755))
        #expect(Disk.mode(host.path("run.sh")) == 0o755)
    }

    @Test func encodesContent() throws {
        let host = try TestHost()
        try host.deploy(File("latin1.txt", content: "Grüße\n", encoding: .latin1))
        #expect(FileManager.default.contents(atPath: host.path("latin1.txt")) == Data([0x47, 0x72, 0xFC, 0xDF, 0x65, 0x0A]))
        #expect(try host.deploy(File("latin1.txt", content: "Grüße\n", encoding: .latin1)) == false)
        #expect {
            try host.deploy(File("ascii.txt", content: "ü", encoding: .ascii))
        } throws: { error in
            String(describing: error).hasSuffix("The character 'ü' (U+FC) cannot be written in ASCII.")
        }
    }

    @Test func hidesDiffsThatContainSecretsOrSensitiveContent() throws {
        let host = try TestHost()
        host.secretData = ["hunter2"]
        try host.deploy(File("secret.conf", content: "password = hunter2\n"))
        try host.deploy(File("sensitive.conf", content: "nothing secret\n", sensitiveData: true))
        try host.deploy(File("shown.conf", content: "password = hunter2\n", sensitiveData: false))
        let diffs = host.events.compactMap { event -> String? in
            if case .diff(_, _, let file, _) = event { file } else { nil }
        }
        #expect(diffs == ["shown.conf"])
        let notices = host.events.filter { event in
            if case .notice(_, _, "Not showing diff as it contains sensitive data.") = event { true } else { false }
        }
        #expect(notices.count == 2)
    }

    @Test func announcesBinaryChangesWithoutADiff() throws {
        let host = try TestHost()
        try host.deploy(Content("blob", bytes: [0xFF, 0xFE, 0x00]))
        #expect(
            host.events.contains(
                .notice(host: "localhost", component: "Content('work/test/blob')", message: "Not showing diff for binary data.")))
    }

    @Test func shortensLongDiffs() throws {
        let host = try TestHost()
        let text = (1...300).map { "line \($0)\n" }.joined()
        try host.deploy(File("long", content: text))
        let diff = host.events.compactMap { event -> [String]? in
            if case .diff(_, _, _, let lines) = event { return lines }
            return nil
        }
        #expect(diff.first?.count == 101)
        #expect(diff.first?[50] == "...")
        #expect(
            host.events.contains(
                .notice(
                    host: "localhost", component: "File('work/test/long') > Content('long')",
                    message: "More than 200 lines of diff. Showing first and last 50 lines.")))
    }
}

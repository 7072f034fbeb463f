import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension ExampleTests {
    /// Deploying over OpenSSH to hosts that have nothing but sshd and a shell.
    @Suite(.enabled(if: SSHTestHosts.isAvailable, "The test hosts need root and OpenSSH's server."))
    struct SSHDeployTests {
        static let bench = BenchExampleTests.example
        static let hello = HelloExampleTests.binary

        /// A deployment whose environment `remote` reaches the test hosts over ssh.
        func remote(_ environment: String) throws -> ScratchDeployment {
            try ScratchDeployment(
                environment: environment, name: "remote",
                sshConfig: try String(contentsOfFile: SSHTestHosts.configFile ?? "", encoding: .utf8))
        }

        private func workRoots() -> [String] {
            SSHTestHosts.names.map { SSHTestHosts.home(of: $0) + "/deployment/work" }
        }

        @Test func deploysTheBenchToFourHostsAndThenHasNothingToDo() throws {
            SSHTestHosts.reset()
            try useTestHostsConfiguration()

            let cold = try Command.run("/bin/sh", ["-c", "umask 022 && exec ./batou deploy ssh"], in: Self.bench)
            #expect(cold.status == 0, "\(cold.output)\(cold.errors)")
            let manifest = try Command.run("/usr/bin/env", ["python3", BenchExampleTests.manifest] + workRoots())
            #expect(manifest.output == BenchExampleTests.digestV1 + "\n")
            #expect(FileManager.default.fileExists(atPath: SSHTestHosts.home(of: "host2") + "/.batou/agents"))

            let before = try workRoots().map(TreeSnapshot.init(of:))
            let noop = try Command.run(Self.bench + "/batou", ["deploy", "ssh"])
            #expect(noop.status == 0, "\(noop.output)")
            #expect(!noop.output.contains("🚀"))
            #expect(noop.output.contains("🌐 host4: Connecting via ssh (4/4)"))
            #expect(try workRoots().map(TreeSnapshot.init(of:)) == before)

            try "changed\n".write(toFile: workRoots()[1] + "/client/host2/client.conf", atomically: false, encoding: .utf8)
            let predicted = try Command.run(Self.bench + "/batou", ["deploy", "--predict-only", "ssh"])
            #expect(predicted.status == 0)
            #expect(predicted.output.contains("  client.conf -changed\n"))
            #expect(try String(contentsOfFile: workRoots()[1] + "/client/host2/client.conf", encoding: .utf8) == "changed\n")
        }

        @Test func stopsEveryHostCleanlyOnCtrlC() throws {
            SSHTestHosts.reset()
            try useTestHostsConfiguration()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.bench + "/batou")
            process.arguments = ["deploy", "ssh"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var text = ""
            while !text.contains("Connecting via ssh (4/4)") {
                let data = output.fileHandleForReading.availableData
                guard !data.isEmpty else { break }
                text += String(decoding: data, as: UTF8.self)
            }
            kill(process.processIdentifier, SIGINT)
            text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(text)")
            #expect(text.contains("ERROR: The deployment was interrupted."))
            #expect(text.contains("DEPLOYMENT FAILED"))
            #expect(agentsStopRunning())
            let again = try Command.run(Self.bench + "/batou", ["deploy", "ssh"])
            #expect(again.status == 0, "The hosts are no longer locked: \(again.output)")
        }

        /// Whether every agent on the test hosts has ended, within a few seconds.
        private func agentsStopRunning() -> Bool {
            let users = SSHTestHosts.names.map { "batou-\($0)" }.joined(separator: ",")
            for _ in 0..<50 {
                guard let result = try? Command.run("/usr/bin/pgrep", ["-u", users, "-f", ".batou/agents/"]),
                    result.status == 0
                else { return true }
                usleep(100_000)
            }
            return false
        }

        private func useTestHostsConfiguration() throws {
            let target = Self.bench + "/ssh_config_ssh"
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.copyItem(atPath: SSHTestHosts.configFile ?? "", toPath: target)
        }

        @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/sudoers.d/batou-test-hosts")))
        func deploysAsTheServiceUserThroughSudo() throws {
            SSHTestHosts.reset()
            try? FileManager.default.removeItem(atPath: "/home/batou-service/deployment")
            try? FileManager.default.removeItem(atPath: "/home/batou-service/.batou")
            let text = "[environment]\nconnect_method = ssh\nservice_user = batou-service\n[hosts]\nhost1 = hello\n"
            let deployment = try remote(text)
            let result = try Command.run(Self.hello, ["deploy", "remote"], in: deployment.directory)
            #expect(result.status == 0, "\(result.output)")
            let file = "/home/batou-service/deployment/work/hello/hello"
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "Hello world\n")
            #expect(try FileManager.default.attributesOfItem(atPath: file)[.ownerAccountName] as? String == "batou-service")
            #expect(!FileManager.default.fileExists(atPath: SSHTestHosts.home(of: "host1") + "/deployment"))

            let refused = try remote(text.replacingOccurrences(of: "host1 = hello", with: "host2 = hello"))
            let failed = try Command.run(Self.hello, ["deploy", "remote"], in: refused.directory)
            #expect(failed.status == 1)
            #expect(failed.output.contains("ERROR: host2: The agent could not start: sudo: a password is required."))
        }

        @Test func writesOverrideValuesOnlyWhereAComponentWritesThem() throws {
            SSHTestHosts.reset()
            let secret = "Moin-\(UUID().uuidString)"
            let deployment = try remote("[environment]\nconnect_method = ssh\n[hosts]\nhost1 = hello\n[component:hello]\ngreeting = \(secret)\n")
            #expect(try Command.run(Self.hello, ["deploy", "remote"], in: deployment.directory).status == 0)
            let found = try Command.run("/bin/grep", ["-rl", secret, SSHTestHosts.home(of: "host1")])
            #expect(found.output == SSHTestHosts.home(of: "host1") + "/deployment/work/hello/hello\n")
        }

        @Test func checksConsistencyOnTheHostsWithoutDeploying() throws {
            SSHTestHosts.reset()
            let deployment = try remote("[environment]\nconnect_method = ssh\n[hosts]\nhost1 = hello\nhost2 = hello\n")
            let result = try Command.run(Self.hello, ["deploy", "--consistency-only", "--json", "remote"], in: deployment.directory)
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains(#""event":"connecting","host":"host2","index":2,"method":"ssh""#))
            #expect(result.output.contains(#""action":"CONSISTENCY CHECK","event":"finished","failed-step":null,"success":true"#))
            #expect(!FileManager.default.fileExists(atPath: SSHTestHosts.home(of: "host1") + "/deployment/work"))
        }

        @Test func shipsDataFilesOnlyWhenTheirContentChanged() throws {
            SSHTestHosts.reset()
            let deployment = try remote("[environment]\nconnect_method = ssh\n[hosts]\nhost3 = hello\n")
            let source = deployment.directory + "/components/hello/notes.txt"
            try FileManager.default.createDirectory(
                atPath: deployment.directory + "/components/hello", withIntermediateDirectories: true)
            try "first\n".write(toFile: source, atomically: true, encoding: .utf8)
            let shipped = SSHTestHosts.home(of: "host3") + "/deployment/components/hello/notes.txt"

            #expect(try Command.run(Self.hello, ["deploy", "remote"], in: deployment.directory).status == 0)
            #expect(try String(contentsOfFile: shipped, encoding: .utf8) == "first\n")
            let inode = try FileManager.default.attributesOfItem(atPath: shipped)[.systemFileNumber] as? Int

            #expect(try Command.run(Self.hello, ["deploy", "remote"], in: deployment.directory).status == 0)
            #expect(try FileManager.default.attributesOfItem(atPath: shipped)[.systemFileNumber] as? Int == inode)

            try "second\n".write(toFile: source, atomically: true, encoding: .utf8)
            #expect(try Command.run(Self.hello, ["deploy", "remote"], in: deployment.directory).status == 0)
            #expect(try String(contentsOfFile: shipped, encoding: .utf8) == "second\n")
        }

        @Test func reportsAFailingComponentAndDeploysTheOtherHosts() throws {
            SSHTestHosts.reset()
            // A directory the host's user cannot remove stands where the file should go.
            let blocked = SSHTestHosts.home(of: "host2") + "/deployment/work/hello/hello/keep"
            try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: true)
            let host2 = Disk.ids(of: "batou-host2")
            chown(SSHTestHosts.home(of: "host2") + "/deployment", host2.user, host2.group)
            let deployment = try remote("[environment]\nconnect_method = ssh\n[hosts]\nhost1 = hello\nhost2 = hello\n")
            let result = try Command.run(Self.hello, ["deploy", "remote"], in: deployment.directory)
            #expect(result.status == 1)
            #expect(
                result.output.contains(
                    "ERROR: host2: Hello > File('work/hello/hello') > Presence('hello'): Cannot remove "
                        + "\(SSHTestHosts.home(of: "host2"))/deployment/work/hello/hello/keep: Permission denied."))
            #expect(result.output.contains("DEPLOYMENT FAILED (during deploy)"))
            let deployed = try String(contentsOfFile: SSHTestHosts.home(of: "host1") + "/deployment/work/hello/hello", encoding: .utf8)
            #expect(deployed == "Hello world\n")
        }

        @Test func refusesAHostLockedByAnotherDeployment() throws {
            SSHTestHosts.reset()
            let directory = SSHTestHosts.home(of: "host1") + "/deployment"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let owner = #"{"user":"alice","machine":"laptop","environment":"prod","since":"2026-11-25T10:00:00Z"}"#
            try owner.write(toFile: directory + "/.batou-lock", atomically: false, encoding: .utf8)
            let host1 = Disk.ids(of: "batou-host1")
            chown(directory, host1.user, host1.group)
            chown(directory + "/.batou-lock", host1.user, host1.group)
            let descriptor = open(directory + "/.batou-lock", O_RDWR)
            defer { close(descriptor) }
            #expect(flock(descriptor, LOCK_EX) == 0)

            let deployment = try remote("[environment]\nconnect_method = ssh\n[hosts]\nhost1 = hello\nhost3 = hello\n")
            let result = try Command.run(Self.hello, ["deploy", "remote"], in: deployment.directory)
            #expect(result.status == 1)
            #expect(
                result.output.contains(
                    "ERROR: host1: The host is locked by another deployment: alice@laptop deploying environment 'prod' "
                        + "since 2026-11-25T10:00:00Z. Wait for it to finish, then deploy again."))
            #expect(FileManager.default.fileExists(atPath: SSHTestHosts.home(of: "host3") + "/deployment/work/hello/hello"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/work/hello/hello"))
        }

        @Test func namesUnreachableHostsAndDeploysTheOthers() throws {
            SSHTestHosts.reset()
            let deployment = try ScratchDeployment(
                environment: "[environment]\nconnect_method = ssh\n[hosts]\nhost1 = hello\ndown = hello\nstranger = hello\n",
                name: "remote", sshConfig: try SSHTestHosts.configWithBrokenHosts())
            let result = try Command.run(Self.hello, ["deploy", "remote"], in: deployment.directory)
            #expect(result.status == 1)
            #expect(
                result.output.contains(
                    "ERROR: down: Cannot reach the host: ssh: connect to host 127.0.0.1 port 1: Connection refused."))
            #expect(result.output.contains("ERROR: stranger: Cannot reach the host: Host key verification failed."))
            #expect(result.output.contains("DEPLOYMENT FAILED (during connect)"))
            #expect(FileManager.default.fileExists(atPath: SSHTestHosts.home(of: "host1") + "/deployment/work/hello/hello"))
        }
    }
}

/// Users of the test hosts.
enum Disk {
    /// The user and group ids of `user`, or root's if there is no such user.
    static func ids(of user: String) -> (user: uid_t, group: gid_t) {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16384)
        getpwnam_r(user, &entry, &buffer, buffer.count, &result)
        return result == nil ? (0, 0) : (entry.pw_uid, entry.pw_gid)
    }
}

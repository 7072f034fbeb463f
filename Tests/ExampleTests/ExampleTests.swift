import Foundation
import Testing

/// Deploys the bundled examples end to end, through their `./batou` scripts, one example
/// at a time: their builds share the root package.
@Suite(.serialized, .timeLimit(.minutes(10))) enum ExampleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
}

extension ExampleTests {
    @Suite struct HelloExampleTests {
        static let example = ExampleTests.repository + "/examples/hello"
        static let binary = example + "/.build/release/deployment"

        @Test func deploysRedeploysWithoutChangeAndPredicts() throws {
            try? FileManager.default.removeItem(atPath: Self.example + "/work")
            let first = try Command.run(Self.example + "/batou", ["deploy", "local"])
            #expect(first.status == 0, "\(first.output)\(first.errors)")
            #expect(first.output.contains("🚀 localhost: Hello > File('work/hello/hello') > Content('hello')\n  hello ---\n"))
            #expect(first.output.contains("  hello +Hello world\n"))
            #expect(first.output.hasSuffix("DEPLOYMENT FINISHED ==============================\n"))
            let file = Self.example + "/work/hello/hello"
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "Hello world\n")
            let written = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date

            let second = try Command.run(Self.example + "/batou", ["deploy", "local"])
            #expect(second.status == 0)
            #expect(second.errors.isEmpty, "An unchanged deployment is not built again.")
            #expect(!second.output.contains("🚀"))
            #expect(second.output.contains("⚪ localhost: Scheduling component hello ...\n"))
            #expect(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date == written)

            try "Changed\n".write(toFile: file, atomically: false, encoding: .utf8)
            let predicted = try Command.run(Self.example + "/batou", ["deploy", "--predict-only", "local"])
            #expect(predicted.status == 0)
            #expect(predicted.output.contains("  hello -Changed\n  hello +Hello world\n"))
            #expect(predicted.output.contains("DEPLOYMENT PREDICTION FINISHED"))
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "Changed\n")
        }

        @Test func showsCompilerErrorsAsTheCompilerGivesThem() throws {
            let broken = Self.example + "/Sources/deployment/Broken.swift"
            try "let broken: Int = \"not a number\"\n".write(toFile: broken, atomically: true, encoding: .utf8)
            let failed: Command.Result
            do {
                defer { try? FileManager.default.removeItem(atPath: broken) }
                failed = try Command.run(Self.example + "/batou", ["deploy", "local"])
            }
            #expect(failed.status == 1)
            #expect(failed.errors.contains("Broken.swift:1:19: error: cannot convert value of type 'String' to specified type 'Int'"))
            #expect(failed.output.isEmpty)
            let repaired = try Command.run(Self.example + "/batou", ["deploy", "local"])
            #expect(repaired.status == 0, "\(repaired.errors)")
        }

        @Test func takesTheGreetingFromTheEnvironment() throws {
            let deployment = try ScratchDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nlocalhost = hello\n[component:hello]\ngreeting = Moin\n")
            let result = try Command.run(Self.binary, ["deploy", "local"], in: deployment.directory)
            #expect(result.status == 0, "\(result.output)")
            #expect(try String(contentsOfFile: deployment.directory + "/work/hello/hello", encoding: .utf8) == "Moin\n")
        }

        @Test func failsClearlyOnABrokenEnvironmentAndWritesNothing() throws {
            let deployment = try ScratchDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nlocalhost = helo\n[component:hello\n")
            let result = try Command.run(Self.binary, ["deploy", "local"], in: deployment.directory)
            #expect(result.status == 1)
            #expect(result.output.contains("\nERROR: environments/local/environment.cfg:4: Unknown component 'helo'. Did you mean 'hello'?\n"))
            #expect(result.output.contains("\nERROR: environments/local/environment.cfg:5: Section header is missing ']'.\n"))
            #expect(result.output.hasSuffix("DEPLOYMENT FAILED (during load) ========================\n"))
            #expect(!FileManager.default.fileExists(atPath: deployment.directory + "/work"))
        }

        @Test func printsJSONLinesForCI() throws {
            let deployment = try ScratchDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nlocalhost = hello\n")
            let result = try Command.run(Self.binary, ["deploy", "--json", "local"], in: deployment.directory)
            #expect(result.status == 0)
            let events = try result.output.split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            #expect(events.compactMap { $0?["event"] as? String }.filter { $0 == "changed" }.count == 2)
            #expect(events.last??["success"] as? Bool == true)
        }

        @Test func exitsAsBatouDoesOnUsageErrors() throws {
            #expect(try Command.run(Self.binary, []).status == 1)
            #expect(try Command.run(Self.binary, ["deploy"]).status == 2)
            #expect(try Command.run(Self.binary, ["deploy", "--local", "local"]).status == 2)
            let help = try Command.run(Self.binary, ["deploy", "--help"])
            #expect(help.status == 0)
            #expect(help.output.contains("-P, --predict-only"))
        }
    }

}

/// A deployment directory with one environment `local`, run with the example's binary.
final class ScratchDeployment {
    let directory = FileManager.default.temporaryDirectory.path + "/batou-example-" + UUID().uuidString

    /// A deployment with one environment; `components` names an example's directory whose
    /// `components/` (templates and other data files) the deployment gets a copy of.
    init(environment: String, name: String = "local", sshConfig: String? = nil, components: String? = nil) throws {
        try FileManager.default.createDirectory(atPath: directory + "/environments/\(name)", withIntermediateDirectories: true)
        if let components {
            try FileManager.default.copyItem(atPath: components + "/components", toPath: directory + "/components")
        }
        try environment.write(toFile: directory + "/environments/\(name)/environment.cfg", atomically: true, encoding: .utf8)
        if let sshConfig {
            try sshConfig.write(toFile: directory + "/ssh_config_\(name)", atomically: true, encoding: .utf8)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Runs a program to its end and keeps what it printed.
enum Command {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // batou's variables come only from `environment`: tests elsewhere in this process set
        // some of them for a moment, which must not reach another test's batou.
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BATOU_") }
            .merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Errors go to a file, so that a long build log cannot fill a pipe nobody reads yet.
        let errorFile = FileManager.default.temporaryDirectory.path + "/batou-errors-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: errorFile)
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = FileManager.default.contents(atPath: errorFile) ?? Data()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }
}

import BatouEngine
import BatouModel

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A fresh deployment directory with one local host, for testing components without
/// environment files: like batou's `root` fixture.
///
/// ```swift
/// let host = try TestHost()
/// #expect(try host.deploy(File("hello", content: "Hi\n")) == true)    // changed
/// #expect(try host.deploy(File("hello", content: "Hi\n")) == false)   // nothing to do
/// ```
///
/// Each deploy configures the given component as the root `test` (its working directory
/// is `work/test`), then deploys it; what it reports is in `events`.
public final class TestHost: @unchecked Sendable {
    /// The deployment directory, removed when the host is released.
    public let baseDirectory: String
    /// The root component's name and so the last part of `workdir`.
    public let rootName = "test"
    /// The events of every deploy so far.
    public var events: [Event] { recorder.events }

    private let recorder = EventRecorder()

    /// Creates an empty deployment directory under the system's temporary directory.
    public init() throws {
        baseDirectory = FileManager.default.temporaryDirectory.path + "/batou-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: baseDirectory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: baseDirectory)
    }

    /// The root component's working directory: `<baseDirectory>/work/test`.
    public var workdir: String { baseDirectory + "/work/" + rootName }

    /// Words of secret values, as an environment's secrets would give them.
    public var secretData: Set<String> = []

    /// The environment components see.
    public var environment: Environment {
        var environment = Environment(name: "test", baseDirectory: baseDirectory, hosts: [host])
        environment.secretData = secretData
        return environment
    }

    /// The host components see.
    public var host: Host { Host(name: "localhost") }

    /// Configures and deploys `component` as a root; returns whether anything changed.
    ///
    /// - Throws: ``TestHostError`` with the reported problem when configuring or deploying fails.
    @discardableResult
    public func deploy(_ component: Component, predicting: Bool = false) throws -> Bool {
        let configurator = RootConfigurator(environment: environment, isPredicting: predicting)
        let output = HostOutput(host: host.name, sink: recorder)
        configurator.place(component, named: rootName, on: host, output: output)
        do {
            try component.prepare()
        } catch {
            throw TestHostError(description: String(describing: error))
        }
        output.isConfiguring = false
        do {
            try ComponentDeployer(host: host.name, isPredicting: predicting, sink: recorder).deployRoot(component)
        } catch {
            throw TestHostError(description: error.message)
        }
        return component.changed
    }

    /// `path` resolved against the working directory.
    public func path(_ relativePath: String) -> String {
        Path.resolve(relativePath, against: workdir)
    }

    /// Removes the recorded events.
    public func clearEvents() {
        recorder.clear()
    }
}

/// A deploy on a ``TestHost`` failed; the description is what batou would report.
public struct TestHostError: Error, CustomStringConvertible {
    public var description: String
}

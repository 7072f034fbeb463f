import BatouEngine
import BatouModel
import BatouTesting
import Foundation

/// A deployment directory with one environment, run with the components of these tests.
final class TestDeployment {
    let directory: String
    let recorder = EventRecorder()

    init(environment text: String, name: String = "test") throws {
        directory = FileManager.default.temporaryDirectory.path + "/batou-engine-" + UUID().uuidString
        try write(text, to: "environments/\(name)/environment.cfg")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func write(_ text: String, to relativePath: String) throws {
        let path = directory + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Runs `deploy` with `options`; returns whether it succeeded.
    @discardableResult
    func deploy(_ options: DeploymentOptions = DeploymentOptions(environmentName: "test")) async throws -> Bool {
        recorder.clear()
        let registry = try ComponentRegistry(TestComponents.all)
        return await DeploymentRun(baseDirectory: directory, registry: registry, options: options, sink: recorder).run()
    }

    var events: [Event] { recorder.events }

    var problems: [String] {
        events.compactMap { if case .problem(let problem) = $0 { problem.description } else { nil } }
    }

    var failedStep: String?? {
        events.lazy.compactMap { if case .finished(_, let step) = $0 { step } else { nil } }.first
    }

    /// The lines the components of this deployment recorded, in order.
    var journal: [String] { Journal.lines(of: directory) }
}

import BatouEngine
import Synchronization

/// Keeps the events of a run in memory, for tests that look at what a deployment reported.
///
/// ```swift
/// let recorder = EventRecorder()
/// DeploymentRun(baseDirectory: directory, registry: registry, options: options, sink: recorder).run()
/// #expect(recorder.events.contains(.scheduling(host: "localhost", root: "hello")))
/// ```
public final class EventRecorder: EventSink {
    private let storage = Mutex<[Event]>([])

    public init() {}

    /// Every event so far, in order.
    public var events: [Event] { storage.withLock { $0 } }

    public func emit(_ event: Event) {
        storage.withLock { $0.append(event) }
    }

    /// Forgets the events so far.
    public func clear() {
        storage.withLock { $0.removeAll() }
    }
}

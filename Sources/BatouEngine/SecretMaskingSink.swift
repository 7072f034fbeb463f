import Synchronization

/// Passes events on with every secret value replaced by `(secret)`, so that values from
/// the environment's secrets appear in no output — terminal, JSON or error message.
final class SecretMaskingSink: EventSink {
    private let sink: any EventSink
    private let secrets = Mutex<[String]>([])
    /// Shorter values would mask ordinary words and numbers all over the output.
    static let minimumLength = 4

    init(wrapping sink: any EventSink) {
        self.sink = sink
    }

    /// Masks `values` from now on.
    func hide(_ values: some Sequence<String>) {
        let masked = values.filter { $0.count >= Self.minimumLength }
        // Longer values first, so that a value containing another is masked whole.
        secrets.withLock { $0 = Array(Set($0 + masked)).sorted { $0.count > $1.count } }
    }

    func emit(_ event: Event) {
        let values = secrets.withLock { $0 }
        guard !values.isEmpty else { return sink.emit(event) }
        sink.emit(event.replacingText { text in values.reduce(text) { $0.replacing($1, with: "(secret)") } })
    }
}

extension Event {
    /// The event with `transform` applied to every text it carries.
    func replacingText(_ transform: (String) -> String) -> Event {
        switch self {
        case .started, .section, .connecting, .hostIgnored, .scheduling, .skipping, .summary, .finished:
            self
        case .step(let message, let icon): .step(transform(message), icon: icon)
        case .changed(let host, let component): .changed(host: host, component: transform(component))
        case .diff(let host, let component, let file, let lines):
            .diff(host: host, component: transform(component), file: transform(file), lines: lines.map(transform))
        case .notice(let host, let component, let message):
            .notice(host: host, component: transform(component), message: transform(message))
        case .log(let host, let component, let message):
            .log(host: host, component: transform(component), message: transform(message))
        case .slowComponent(let host, let component, let timings):
            .slowComponent(host: host, component: transform(component), timings: timings)
        case .warning(let message): .warning(transform(message))
        case .problem(let problem): .problem(Problem(transform(problem.message), hosts: problem.hosts))
        }
    }
}

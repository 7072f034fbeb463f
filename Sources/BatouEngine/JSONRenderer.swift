#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Prints every event as one JSON object per line, for CI and other programs (`--json`).
///
/// ```
/// {"event":"changed","host":"localhost","component":"Hello > File('work/hello/hello') > Presence('hello')"}
/// ```
public final class JSONRenderer: EventSink {
    private let channel: OutputChannel
    private let encoder: JSONEncoder

    /// A renderer for standard output.
    public convenience init() {
        self.init(channel: .standardOutput)
    }

    init(channel: OutputChannel) {
        self.channel = channel
        self.encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    public func emit(_ event: Event) {
        guard let data = try? encoder.encode(EventRecord(event)) else { return }
        channel.write(String(decoding: data, as: UTF8.self) + "\n")
    }
}

/// The JSON shape of an event: its name under `event`, its facts beside it.
struct EventRecord: Encodable {
    var fields: [String: JSONValue]

    init(_ event: Event) {
        switch event {
        case .started(let version, let platform):
            fields = ["event": "started", "version": .string(version), "platform": .string(platform)]
        case .section(let title, let style):
            fields = ["event": "section", "title": .string(title), "style": .string(style.rawValue)]
        case .step(let message, _):
            fields = ["event": "step", "message": .string(message)]
        case .connecting(let host, let method, let index, let count):
            fields = [
                "event": "connecting", "host": .string(host), "method": .string(method), "index": .number(index),
                "count": .number(count),
            ]
        case .hostIgnored(let host, let index, let count):
            fields = ["event": "host-ignored", "host": .string(host), "index": .number(index), "count": .number(count)]
        case .scheduling(let host, let root):
            fields = ["event": "scheduling", "host": .string(host), "root": .string(root)]
        case .skipping(let host, let root, let reason):
            fields = ["event": "skipping", "host": .string(host), "root": .string(root), "reason": .string(reason)]
        case .changed(let host, let component):
            fields = ["event": "changed", "host": .string(host), "component": .string(component)]
        case .diff(let host, let component, let file, let lines):
            fields = [
                "event": "diff", "host": .string(host), "component": .string(component), "file": .string(file),
                "lines": .strings(lines),
            ]
        case .notice(let host, let component, let message):
            fields = ["event": "notice", "host": .string(host), "component": .string(component), "message": .string(message)]
        case .log(let host, let component, let message):
            fields = ["event": "log", "component": .string(component), "message": .string(message)]
            if let host { fields["host"] = .string(host) }
        case .slowComponent(let host, let component, let timings):
            fields = [
                "event": "slow-component", "host": .string(host), "component": .string(component),
                "total": .seconds(timings.total), "verify": .seconds(timings.verify),
                "update": .seconds(timings.update), "sub": .seconds(timings.subComponents),
            ]
        case .warning(let message):
            fields = ["event": "warning", "message": .string(message)]
        case .problem(let problem):
            fields = ["event": "error", "message": .string(problem.message), "hosts": .strings(problem.hosts)]
        case .summary(let timings):
            fields = [
                "event": "summary", "total": .seconds(timings.total), "connect": .seconds(timings.connect),
                "deploy": .seconds(timings.deploy),
            ]
        case .finished(let action, let failedStep):
            fields = [
                "event": "finished", "action": .string(action), "success": .bool(failedStep == nil),
                "failed-step": failedStep.map(JSONValue.string) ?? .null,
            ]
        }
    }

    func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
    }
}

/// The few kinds of JSON value events carry.
enum JSONValue: Encodable, ExpressibleByStringLiteral {
    case string(String)
    case strings([String])
    case number(Int)
    case decimal(Double)
    case bool(Bool)
    case null

    init(stringLiteral value: String) {
        self = .string(value)
    }

    /// Seconds rounded to milliseconds, or `null` for what never ran.
    static func seconds(_ value: Double?) -> JSONValue {
        value.map { .decimal(($0 * 1000).rounded() / 1000) } ?? .null
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .strings(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .decimal(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

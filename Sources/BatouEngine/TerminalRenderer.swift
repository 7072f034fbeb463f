import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Shows events the way batou shows them: sections, one line per changed component,
/// diffs, and a summary. Colour only on a terminal, and never when `NO_COLOR` is set.
public final class TerminalRenderer: EventSink {
    private let channel: OutputChannel
    private let usesColor: Bool
    private let width: Int
    /// The component whose `🚀` line was shown last, so it is shown once per component.
    private let announced = Mutex<String?>(nil)

    /// A renderer for standard output.
    public convenience init() {
        self.init(channel: .standardOutput)
    }

    init(channel: OutputChannel, environment: [String: String]? = nil) {
        self.channel = channel
        let variables = environment ?? ProcessInfo.processInfo.environment
        self.usesColor =
            channel.isTerminal && variables["NO_COLOR"] == nil && variables["TERM"] != "dumb"
        self.width = channel.width(columns: variables["COLUMNS"])
    }

    public func emit(_ event: Event) {
        announced.withLock { announced in
            channel.write(render(event, announced: &announced))
        }
    }

    /// The text for `event`, each line ending in a line break.
    func render(_ event: Event, announced: inout String?) -> String {
        switch event {
        case .started(let version, let platform):
            return "batou/\(version) (\(platform))\n"
        case .section(let title, let style):
            let color: Style? =
                switch style {
                case .plain: nil
                case .success: .green
                case .failure: .red
                }
            return styled(sectionLine(title), [.bold] + (color.map { [$0] } ?? [])) + "\n"
        case .step(let message, let icon):
            return styled("\(icon) \(message)", [.bold]) + "\n"
        case .connecting(let host, let method, let index, let count):
            return styled("🌐 \(host): Connecting via \(method) (\(index)/\(count))", [.bold]) + "\n"
        case .hostIgnored(let host, let index, let count):
            return styled("⏭️ \(host): Connection ignored (\(index)/\(count))", [.red]) + "\n"
        case .scheduling(let host, let root):
            return styled("⚪ \(host): Scheduling component \(root) ...", [.bold]) + "\n"
        case .skipping(let host, let root, let reason):
            return styled("⏭️ \(host): Skipping component \(root) ... (\(reason))", [.bold, .red]) + "\n"
        case .changed(let host, let component):
            return announce(host, component, &announced)
        case .diff(let host, let component, let file, let lines):
            return announce(host, component, &announced) + lines.compactMap { diffLine($0, file: file) }.joined()
        case .notice(let host, let component, let message):
            return announce(host, component, &announced) + styled(message, [.yellow]) + "\n"
        case .log(let host, let component, let message):
            guard let host else { return message + "\n" }
            return announce(host, component, &announced) + "\(host): \(message)\n"
        case .slowComponent(let host, let component, let timings):
            let parts = [
                "total=\(Self.format(timings.total))", "verify=\(Self.format(timings.verify))",
                "update=\(Self.format(timings.update))", "sub=\(Self.format(timings.subComponents))",
            ]
            return "💤 \(host): \(component) [\(parts.joined(separator: ", "))]\n"
        case .warning(let message):
            return styled("   WARN: \(message)", [.bold, .yellow]) + "\n"
        case .problem(let problem):
            return "\n" + styled("ERROR: \(problem)", [.bold, .red]) + "\n"
        case .summary(let timings):
            guard let deploy = timings.deploy else {
                return "Consistency check took total=\(Self.format(timings.total))\n"
            }
            return "Deployment took total=\(Self.format(timings.total)), connect=\(Self.format(timings.connect)), "
                + "deploy=\(Self.format(deploy))\n"
        case .finished:
            return ""
        }
    }

    // MARK: - Pieces

    private func announce(_ host: String, _ component: String, _ announced: inout String?) -> String {
        let key = host + "\u{0}" + component
        guard announced != key else { return "" }
        announced = key
        return "🚀 \(host): \(component)\n"
    }

    private func diffLine(_ line: String, file: String) -> String? {
        let trimmed = String(line.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        guard !trimmed.isEmpty else { return nil }
        let text = "  \(file) \(trimmed)"
        if trimmed.hasPrefix("+") { return styled(text, [.green]) + "\n" }
        if trimmed.hasPrefix("-") { return styled(text, [.red]) + "\n" }
        return text + "\n"
    }

    /// batou's separator: `==== title ====`, filling the terminal's width.
    func sectionLine(_ title: String) -> String {
        let side = max((width - title.count - 2) / 2, 1)
        var line = String(repeating: "=", count: side) + " \(title) " + String(repeating: "=", count: side)
        if line.count + 1 <= width { line += "=" }
        return line
    }

    /// batou's durations: `0.21s`, `1m1s`, or `∅` for what never ran.
    static func format(_ seconds: Double?) -> String {
        guard let seconds else { return "∅" }
        if seconds < 60 {
            let hundredths = Int((seconds * 100).rounded())
            let fraction = hundredths % 100
            return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)s"
        }
        return "\(Int(seconds) / 60)m\(Int(seconds) % 60)s"
    }

    enum Style: String {
        case bold = "1", red = "31", green = "32", yellow = "33"
    }

    private func styled(_ text: String, _ styles: [Style]) -> String {
        guard usesColor, !styles.isEmpty else { return text }
        return styles.map { "\u{1B}[\($0.rawValue)m" }.joined() + text + "\u{1B}[0m"
    }
}

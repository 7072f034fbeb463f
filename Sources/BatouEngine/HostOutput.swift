import BatouModel

/// Turns what the components of one root say into events of its host.
///
/// Logs written while configuring carry no host, as in batou; since a root may configure
/// several times, they can be held back until the model is settled.
package final class HostOutput: ComponentOutput {
    let host: String
    let sink: any EventSink
    /// Whether components are configuring rather than deploying.
    package var isConfiguring = true
    private let buffersConfigureLogs: Bool
    private var configureLogs: [Event] = []

    package init(host: String, sink: any EventSink, buffersConfigureLogs: Bool = false) {
        self.host = host
        self.sink = sink
        self.buffersConfigureLogs = buffersConfigureLogs
    }

    package func log(_ message: String, from component: Component) {
        let event = Event.log(host: isConfiguring ? nil : host, component: component.breadcrumbs, message: message)
        if isConfiguring && buffersConfigureLogs {
            configureLogs.append(event)
        } else {
            sink.emit(event)
        }
    }

    package func diff(_ lines: [String], of file: String, from component: Component) {
        sink.emit(.diff(host: host, component: component.breadcrumbs, file: file, lines: lines))
    }

    package func notice(_ message: String, from component: Component) {
        sink.emit(.notice(host: host, component: component.breadcrumbs, message: message))
    }

    /// Shows the logs held back while configuring.
    func flushConfigureLogs() {
        for event in configureLogs { sink.emit(event) }
        configureLogs = []
    }
}

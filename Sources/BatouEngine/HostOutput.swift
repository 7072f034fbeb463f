import BatouModel

/// Turns what components say into events of one host.
package final class HostOutput: ComponentOutput {
    let host: String
    let sink: any EventSink
    /// Whether components are configuring, when logs carry no host (batou shows them once).
    package var isConfiguring = true

    package init(host: String, sink: any EventSink) {
        self.host = host
        self.sink = sink
    }

    package func log(_ message: String, from component: Component) {
        sink.emit(.log(host: isConfiguring ? nil : host, component: component.breadcrumbs, message: message))
    }

    package func diff(_ lines: [String], of file: String, from component: Component) {
        sink.emit(.diff(host: host, component: component.breadcrumbs, file: file, lines: lines))
    }

    package func notice(_ message: String, from component: Component) {
        sink.emit(.notice(host: host, component: component.breadcrumbs, message: message))
    }
}

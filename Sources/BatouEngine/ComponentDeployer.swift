import BatouModel

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Deploys a configured component tree, batou's way: sub-components first, then
/// `verify`, and `update` only when `verify` threw ``UpdateNeeded`` and not predicting.
package struct ComponentDeployer: Sendable {
    package var host: String
    package var isPredicting: Bool
    package var sink: any EventSink

    package init(host: String, isPredicting: Bool, sink: any EventSink) {
        self.host = host
        self.isPredicting = isPredicting
        self.sink = sink
    }

    /// Deploys `root`, creating its working directory first (unless predicting).
    package func deployRoot(_ root: Component) throws(Problem) {
        if !isPredicting {
            do {
                try FileManager.default.createDirectory(atPath: root.workdir, withIntermediateDirectories: true)
            } catch {
                throw Problem("Cannot create the working directory \(root.workdir): \(error)", hosts: [host])
            }
        }
        do {
            try deploy(root, handlers: BeforeUpdateHandlers(root: root))
        } catch {
            throw Problem(String(describing: error), hosts: [host])
        }
    }

    private func deploy(_ component: Component, handlers: BeforeUpdateHandlers) throws(ComponentFailure) {
        let clock = ContinuousClock()
        let start = clock.now
        component.changed = false
        for subComponent in component.subComponents {
            try deploy(subComponent, handlers: handlers)
            if subComponent.changed { component.changed = true }
        }
        let subDuration = start.duration(to: clock.now)
        let verifyStart = clock.now
        let needsUpdate: Bool
        do {
            try component.verify()
            needsUpdate = false
        } catch is UpdateNeeded {
            needsUpdate = true
        } catch {
            throw ComponentFailure(breadcrumbs: component.breadcrumbs, error: error)
        }
        let verifyDuration = verifyStart.duration(to: clock.now)
        var updateDuration: Duration?
        if needsUpdate {
            sink.emit(.changed(host: host, component: component.breadcrumbs))
            try handlers.beforeUpdate(of: component, deployer: self)
            if !isPredicting {
                let updateStart = clock.now
                do {
                    try component.update()
                } catch {
                    throw ComponentFailure(breadcrumbs: component.breadcrumbs, error: error)
                }
                updateDuration = updateStart.duration(to: clock.now)
            }
            component.changed = true
        }
        let total = start.duration(to: clock.now)
        if verifyDuration > .seconds(1) || (updateDuration ?? .zero) > .seconds(1) || total > .seconds(10) {
            let timings = ComponentTimings(
                total: total.seconds, verify: verifyDuration.seconds, update: updateDuration?.seconds,
                subComponents: component.subComponents.isEmpty ? nil : subDuration.seconds)
            sink.emit(.slowComponent(host: host, component: component.breadcrumbs, timings: timings))
        }
    }
}

/// The `before-update` handlers of one root's components, with their depth-first positions.
private struct BeforeUpdateHandlers {
    private let positions: [ObjectIdentifier: Int]
    private let handlers: [(owner: Component, position: Int, handler: EventHandler)]

    init(root: Component) {
        let components = [root] + root.recursiveSubComponents
        positions = Dictionary(
            components.enumerated().map { (ObjectIdentifier($0.element), $0.offset) }, uniquingKeysWith: { $1 })
        handlers = components.enumerated().flatMap { position, owner in
            owner.eventHandlers.map { (owner, position, $0) }
        }
    }

    /// Runs (or, when predicting, announces) the handlers that react to `component` updating.
    func beforeUpdate(of component: Component, deployer: ComponentDeployer) throws(ComponentFailure) {
        guard !handlers.isEmpty, let position = positions[ObjectIdentifier(component)] else { return }
        for (owner, ownerPosition, handler) in handlers {
            if handler.scope == .precursors && position >= ownerPosition { continue }
            if deployer.isPredicting {
                deployer.sink.emit(
                    .notice(
                        host: deployer.host, component: component.breadcrumbs,
                        message: "Trigger before-update: \(owner.breadcrumbs) > \(handler.name)"))
                continue
            }
            do {
                try handler.action(component)
            } catch {
                throw ComponentFailure(breadcrumbs: owner.breadcrumbs, error: error)
            }
        }
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

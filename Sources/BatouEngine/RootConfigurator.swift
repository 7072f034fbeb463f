import BatouConfig
import BatouModel

/// Makes a root component ready to deploy: places it on its host, applies the
/// environment's overrides, and runs `configure` through the whole tree.
package struct RootConfigurator {
    package var environment: Environment
    package var isPredicting: Bool

    package init(environment: Environment, isPredicting: Bool) {
        self.environment = environment
        self.isPredicting = isPredicting
    }

    /// Configures `component` as the root called `name` on `host`; returns every problem found.
    func configure(
        _ component: Component, named name: String, on host: Host, features: [String] = [],
        overrides: [LoadedEnvironment.Override] = [], output: HostOutput
    ) -> [Problem] {
        place(component, named: name, on: host, output: output)
        if !features.isEmpty { component.features = features }
        let problems = apply(overrides, to: component, named: name).map { Problem($0) }
        guard problems.isEmpty else { return problems }
        return configure(component, on: host, output: output)
    }

    /// Places `component` as the root called `name` on `host`, with batou's directories.
    package func place(_ component: Component, named name: String, on host: Host, output: any ComponentOutput) {
        component.becomeRoot(
            in: ComponentContext(
                environment: environment, host: host, defdir: "\(environment.baseDirectory)/components/\(name)",
                workdir: "\(environment.workdirBase)/\(name)", isPredicting: isPredicting, output: output))
    }

    /// Runs `configure` for a placed root; returns the problem it raised, if any.
    ///
    /// Components that were created but never added are reported as warnings.
    func configure(_ component: Component, on host: Host, output: HostOutput) -> [Problem] {
        output.isConfiguring = true
        defer { output.isConfiguring = false }
        let session = ConfigureSession()
        do {
            try session.watch { try component.prepare() }
        } catch {
            return [Problem(String(describing: error), hosts: [host.name])]
        }
        for (unadded, creator) in session.unaddedComponents {
            output.sink.emit(
                .warning(
                    "\(host.name): \((creator ?? component).breadcrumbs) created \(unadded.breadcrumb) but never added it. "
                        + "Add it with `self += component`, or remove it."))
        }
        return []
    }

    /// Sets `[component:NAME]` overrides; returns a message for each that does not apply.
    private func apply(_ overrides: [LoadedEnvironment.Override], to component: Component, named name: String)
        -> [String]
    {
        let attributes = component.overridableAttributes
        return overrides.compactMap { override in
            let place = "\(override.location): [component:\(name)] \(override.key) = '\(override.value)'"
            guard let attribute = attributes[override.key] else {
                let known = attributes.keys.sorted()
                let hint =
                    Suggestion.closest(to: override.key, among: known).map { " Did you mean '\($0)'?" }
                    ?? (known.isEmpty
                        ? " \(component.typeName) has no @Attribute properties."
                        : " Its attributes are: \(known.joined(separator: ", ")).")
                return "\(place) overrides nothing: \(component.typeName) has no @Attribute '\(override.key)'.\(hint)"
            }
            do {
                try attribute.override(with: override.value)
                return nil
            } catch {
                return "\(place) cannot be converted to \(attribute.valueType): \(error)."
            }
        }
    }
}

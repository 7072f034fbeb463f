import BatouConfig
import BatouModel
import BatouTemplates

/// Makes one root component ready to deploy: places it on its host, applies the
/// environment's overrides, and runs `configure` through the whole tree.
package struct RootConfigurator {
    package var environment: Environment
    package var isPredicting: Bool
    package var resources: ResourceRegistry

    package init(environment: Environment, isPredicting: Bool, resources: ResourceRegistry = ResourceRegistry()) {
        self.environment = environment
        self.isPredicting = isPredicting
        self.resources = resources
    }

    /// How configuring a root went.
    struct Outcome {
        /// Problems that make the deployment fail, unless a later round configures the root.
        var problems: [Problem] = []
        /// Whether the root waits for a resource that nobody provided yet.
        var isWaitingForResource = false
        /// Problems that do not stop the deployment.
        var warnings: [String] = []
    }

    /// Configures `component` as the root called `name` on `host`.
    func configure(
        _ component: Component, named name: String, on host: Host, features: [String] = [],
        overrides: [LoadedEnvironment.Override] = [], output: HostOutput
    ) -> Outcome {
        place(component, named: name, on: host, output: output)
        if !features.isEmpty { component.features = features }
        let problems = apply(overrides, to: component, named: name).map { Problem($0) }
        guard problems.isEmpty else { return Outcome(problems: problems) }
        return configure(component, on: host, output: output)
    }

    /// Places `component` as the root called `name` on `host`, with batou's directories.
    package func place(_ component: Component, named name: String, on host: Host, output: any ComponentOutput) {
        component.becomeRoot(
            in: ComponentContext(
                environment: environment, host: host, rootName: name, isPredicting: isPredicting, output: output,
                resources: resources))
    }

    /// Runs `configure` for a placed root. Components created but never added are warnings.
    private func configure(_ component: Component, on host: Host, output: HostOutput) -> Outcome {
        output.isConfiguring = true
        defer { output.isConfiguring = false }
        let session = ConfigureSession()
        do {
            try session.watch { try component.prepare() }
        } catch let failure as ComponentFailure where failure.isWaitingForResource {
            return Outcome(isWaitingForResource: true)
        } catch {
            return Outcome(problems: [Problem(String(describing: error), hosts: [host.name])])
        }
        let warnings = session.unaddedComponents.map { unadded, creator in
            "\(host.name): \((creator ?? component).breadcrumbs) created \(unadded.breadcrumb) but never added it. "
                + "Add it with `self += component`, or remove it."
        }
        return Outcome(warnings: warnings)
    }

    /// Sets `[component:NAME]` overrides; returns a message for each that does not apply.
    private func apply(_ overrides: [LoadedEnvironment.Override], to component: Component, named name: String)
        -> [String]
    {
        let attributes = component.overridableAttributes
        return overrides.compactMap { override in
            let place = "\(override.location): [component:\(name)] \(override.key) = \(override.shownValue)"
            guard let attribute = attributes[override.key] else {
                let known = attributes.keys.sorted()
                let hint =
                    Suggestion.closest(to: override.key, among: known).map { " Did you mean '\($0)'?" }
                    ?? (known.isEmpty
                        ? " \(component.typeName) has no @Attribute properties."
                        : " Its attributes are: \(known.joined(separator: ", ")).")
                return "\(place) overrides nothing: \(component.typeName) has no @Attribute '\(override.key)'.\(hint)"
            }
            let value: String
            do {
                value = attribute.expands ? try component.expand(override.value, name: place) : override.value
            } catch let error as TemplateError {
                return "\(place) cannot be expanded: \(error.message)"
            } catch {
                return "\(place) cannot be expanded: \(error)"
            }
            do {
                try attribute.override(with: value)
                return nil
            } catch {
                return "\(place) cannot be converted to \(attribute.valueType): \(error)."
            }
        }
    }
}

extension ComponentFailure {
    /// Whether the failure only means that a required resource is not provided yet.
    fileprivate var isWaitingForResource: Bool {
        if error is ResourceNotYetProvided { return true }
        return (error as? ComponentFailure)?.isWaitingForResource ?? false
    }
}

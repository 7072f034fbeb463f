extension Component {
    /// Provides `value` under `key` for other components, on this host and others.
    ///
    /// ```swift
    /// provide(.registry, "\(host.name):7000")
    /// ```
    ///
    /// A sub-component provides for its root component. Components that require the key
    /// deploy after this component's root (unless they require it `reverse`d).
    public func provide<Value>(_ key: ResourceKey<Value>, _ value: Value) {
        let context = requireContext()
        context.resources.provide(value, under: key.name, by: context.root)
    }

    /// Every value provided under `key`, from any host or only from `host`.
    ///
    /// ```swift
    /// let backends = require(.backends)                 // from every host
    /// let local = require(.backends, on: host)          // only from this component's host
    /// ```
    ///
    /// Until a provider has configured, the list may be empty; the engine configures again
    /// until every value is known. With `strict` (the default) a key that nobody provides is
    /// an error. With `reverse`, this component's root deploys *before* the providers.
    public func require<Value>(
        _ key: ResourceKey<Value>, on host: Host? = nil, strict: Bool = true, reverse: Bool = false
    ) -> [Value] {
        let context = requireContext()
        let requirement = ResourceRegistry.Requirement(
            root: context.root, key: key.name, host: host?.name, isStrict: strict, isReversed: reverse)
        return context.resources.require(requirement).compactMap { ResourceRegistry.decode($0, as: Value.self) }
    }

    /// The one value provided under `key`, from any host or only from `host`.
    ///
    /// ```swift
    /// let registry = try requireOne(.registry)
    /// ```
    ///
    /// - Throws: ``AmbiguousResource`` when several values are provided. When none is
    ///   provided yet the component configures again later; if none ever is, the
    ///   deployment reports the unsatisfied requirement.
    public func requireOne<Value>(_ key: ResourceKey<Value>, on host: Host? = nil, reverse: Bool = false) throws
        -> Value
    {
        let values = require(key, on: host, reverse: reverse)
        guard values.count <= 1 else {
            let providers = requireContext().resources.provisions[key.name, default: []]
                .filter { host == nil || $0.root.host == host?.name }.map(\.root)
            throw AmbiguousResource(key: key.name, providers: providers)
        }
        guard let value = values.first else { throw ResourceNotYetProvided(key: key.name) }
        return value
    }
}

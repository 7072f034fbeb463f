import Batou

/// A registry that listens on `port` and provides its address as `registry`.
///
/// - `port` (Int, default 7000): the port the registry listens on.
final class Registry: Component {
    @Attribute var port = 7000

    override func configure() throws {
        let address = "\(host.name):\(port)"
        provide(.registry, address)
        self += Directory(host.name, mode: 0o755)
        self += File("\(host.name)/registry.conf", content: "[registry]\nlisten = \(address)\n", mode: 0o600)
    }
}

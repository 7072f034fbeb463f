import Batou

/// A client configured with the address of the one registry; deploys after it.
final class Client: Component {
    override func configure() throws {
        let registry = try requireOne(.registry)
        self += Directory(host.name, mode: 0o755)
        self += File(
            "\(host.name)/client.conf", content: "[client]\nname = \(host.name)\nregistry = \(registry)\n", mode: 0o600)
    }
}

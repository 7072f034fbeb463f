import Batou

/// The benchmark deployment: 250 pages and a small tree on every host, and a registry on
/// host1 whose address the clients on the other hosts require.
@main
struct BenchDeployment: Deployment {
    static var components: [Component.Type] { [Pages.self, Tree.self, Registry.self, Client.self] }
}

extension ResourceKey where Value == String {
    /// The registry's address, `host:port`.
    static var registry: Self { .init("registry") }
}

extension Int {
    /// The number in decimal, padded with zeros to `width` digits.
    func zeroPadded(to width: Int) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}

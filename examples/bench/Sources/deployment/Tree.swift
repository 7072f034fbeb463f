import Batou

/// Fifty private directories and five links to pages under `<host>/`.
final class Tree: Component {
    override func configure() throws {
        self += Directory(host.name, mode: 0o755)
        for index in 0..<50 {
            self += Directory("\(host.name)/dir-\(index.zeroPadded(to: 2))", mode: 0o750)
        }
        for index in 0..<5 {
            self += Symlink("\(host.name)/link-\(index).conf", to: "../pages/\(host.name)/page-00\(index).conf")
        }
    }
}

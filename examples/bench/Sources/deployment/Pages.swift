import Batou

/// `count` configuration pages under `<host>/`.
///
/// - `count` (Int, default 250): how many pages.
/// - `notes` (dictionary, default empty): a note per page, keyed `<host>/<page file>`;
///   pages without one say `none`.
final class Pages: Component {
    @Attribute var count = 250
    @Attribute var notes: [String: String] = [:]

    override func configure() throws {
        self += Directory(host.name, mode: 0o755)
        for index in 0..<count {
            let name = "page-\(index.zeroPadded(to: 3)).conf"
            self += File("\(host.name)/\(name)", content: page(index, name: name), mode: 0o644)
        }
    }

    private func page(_ index: Int, name: String) -> String {
        let port = 8000 + index
        let backends = (0..<3).map { "backend\($0) = \(host.name):\(port + 1000 * ($0 + 1))\n" }
        return """
            # \(name) -- page \(index) of \(count) on \(host.name)
            [page]
            name = \(name)
            host = \(host.name)
            port = \(port)
            weight = \(index % 7)
            note = \(notes["\(host.name)/\(name)"] ?? "none")

            """ + backends.joined()
    }
}

import Batou

/// `count` configuration pages under `<host>/`, rendered from the template `page.conf`.
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
            let note = notes["\(host.name)/\(name)"] ?? "none"
            self += File(
                "\(host.name)/\(name)", source: "page.conf", mode: 0o644,
                templateArguments: ["name": name, "index": index, "port": 8000 + index, "note": note])
        }
    }
}

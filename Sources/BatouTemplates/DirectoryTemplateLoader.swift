import Foundation

/// Loads templates from files under a directory, by their paths relative to it.
///
/// ```swift
/// let environment = TemplateEnvironment(loader: DirectoryTemplateLoader(directory: "components/nginx"))
/// let template = try environment.template(named: "nginx.conf")
/// ```
///
/// As Jinja2's `FileSystemLoader`, it refuses names with a `..` segment, so templates can't reach
/// outside the directory.
public struct DirectoryTemplateLoader: TemplateLoader {
    /// The directory template names are relative to.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func source(named name: String) -> String? {
        let segments = name.split(separator: "/").filter { !$0.isEmpty && $0 != "." }
        guard !segments.contains("..") else { return nil }
        let path = ([directory] + segments.map(String.init)).joined(separator: "/")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

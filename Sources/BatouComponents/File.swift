public import BatouModel
public import BatouTemplates

/// A regular file at `path` with the given content, mode and owner.
///
/// ```swift
/// self += File("hello", content: "Hello world\n")
/// self += File("nginx.conf")                          // rendered from components/<root>/nginx.conf
/// self += File("bin/run", source: "run.sh", mode: 0o755, leading: true)
/// self += File("page.conf", source: "page.conf", templateArguments: ["port": 8080])   // {{ args.port }}
/// self += File("logo.png", isTemplate: false)         // copied as it is
/// self += File("marker", content: "")                 // an empty file
/// ```
///
/// Without `content` or `source`, the content comes from the file of the same base name
/// in the root component's `components/<name>/` directory. The file is written atomically:
/// readers see the old or the new content, never a mixture.
///
/// Source files are Jinja2 templates, as in batou: they see `host`, `environment`,
/// `component` (the component that added the file, or `templateContext`) and
/// `templateArguments` as `args`. Unlike batou, `content` is taken literally unless
/// `isTemplate` is `true`, since Swift's string interpolation does that job and a value
/// such as a password that contains `{{` stays as it is.
public final class File: FileComponent {
    /// The text the file holds; `nil` to take it from `source`.
    public var content: String?
    /// A file in `components/<root>/` whose bytes the file holds.
    public var source: String?
    /// The permission bits; `nil` leaves them as they are (new files follow the umask).
    public var mode: FileMode?
    /// Whether to create missing parent directories.
    public var leading = false
    /// The owning user's name or id; `nil` leaves it as it is.
    public var owner: String?
    /// The owning group's name or id; `nil` leaves it as it is.
    public var group: String?
    /// How `content` is encoded into bytes.
    public var encoding: TextEncoding = .utf8
    /// Whether the content is sensitive (see ``Content/sensitiveData``).
    public var sensitiveData: Bool?
    /// Whether the content is a template to render; `nil` renders source files but not `content`.
    public var isTemplate: Bool?
    /// The values templates see as `args`.
    public var templateArguments: [String: any TemplateValueConvertible] = [:]
    /// The component templates see as `component`; the component that added the file when `nil`.
    public var templateContext: Component?

    public convenience init(
        _ path: String, content: String? = nil, source: String? = nil, mode: FileMode? = nil, leading: Bool = false,
        owner: String? = nil, group: String? = nil, encoding: TextEncoding = .utf8, sensitiveData: Bool? = nil,
        isTemplate: Bool? = nil, templateArguments: [String: any TemplateValueConvertible] = [:],
        templateContext: Component? = nil
    ) {
        self.init(path)
        self.content = content
        self.source = source
        self.mode = mode
        self.leading = leading
        self.owner = owner
        self.group = group
        self.encoding = encoding
        self.sensitiveData = sensitiveData
        self.isTemplate = isTemplate
        self.templateArguments = templateArguments
        self.templateContext = templateContext
    }

    public override func configure() throws {
        try super.configure()
        self += Presence(originalPath, leading: leading)
        if let mode { self += Mode(originalPath, mode: mode) }
        let content =
            if let content {
                Content(originalPath, bytes: try encoding.encode(content), encoding: encoding)
            } else {
                Content(originalPath, source: try sourceFile(), encoding: encoding)
            }
        content.sensitiveData = sensitiveData
        content.isTemplate = isTemplate ?? (self.content == nil)
        content.templateArguments = templateArguments
        content.templateContext = templateContext ?? parent
        self += content
        if let owner { self += Owner(originalPath, user: owner) }
        if let group { self += Group(originalPath, group: group) }
    }

    private func sourceFile() throws -> String {
        if let source {
            guard !source.isEmpty else {
                throw ComponentUsageError("File(\"\(originalPath)\") has an empty source; name a file or give content.")
            }
            return source
        }
        let implicit = definitionFile(Path.basename(originalPath))
        guard FileSystem.kind(of: implicit) != .missing else {
            throw ComponentUsageError(
                "Missing file \(Path.relative(implicit, to: environment.baseDirectory)) for File(\"\(originalPath)\"). "
                    + "Add that file, or for an empty file write File(\"\(originalPath)\", content: \"\").")
        }
        return implicit
    }
}

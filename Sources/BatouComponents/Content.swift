public import BatouModel
public import BatouTemplates

/// The bytes of the file at `path`, written atomically; a change is shown as a unified diff.
///
/// ```swift
/// self += Content("hello", bytes: Array("Hello world\n".utf8))
/// self += Content("app.conf", source: "app.conf")   // a template in components/<root>/
/// ```
///
/// Usually added by ``File``. A missing file counts as empty. When the old or the new bytes
/// are not text in `encoding`, the change is announced without a diff.
///
/// When `isTemplate` is set, the bytes are text in `encoding` and are rendered as a Jinja2
/// template (see ``BatouModel/Component/expand(_:component:_:name:)``) with
/// `templateArguments` reachable as `args` and `templateContext` as `component`.
public final class Content: FileComponent {
    /// The wanted bytes; `nil` to read them from `source`.
    public var bytes: [UInt8]?
    /// A file in `components/<root>/` that holds the wanted bytes.
    public var source: String?
    /// How the bytes are decoded to show a diff, and to render a template.
    public var encoding: TextEncoding = .utf8
    /// Whether the bytes are a template to render.
    public var isTemplate = false
    /// The values templates see as `args`: `{{ args.port }}`.
    public var templateArguments: [String: any TemplateValueConvertible] = [:]
    /// The component templates see as `component`; the parent when `nil`.
    public var templateContext: Component?
    /// Longer diffs are shortened to their first and last `diffLead` lines.
    public var maximumDiffLines = 200
    /// How many lines of each end a shortened diff shows.
    public var diffLead = 50
    /// Whether the content is sensitive: `true` never shows a diff, `false` always does, and
    /// `nil` (batou's default) hides diffs that contain a word of the environment's secrets.
    public var sensitiveData: Bool?

    public convenience init(_ path: String, bytes: [UInt8], encoding: TextEncoding = .utf8) {
        self.init(path)
        self.bytes = bytes
        self.encoding = encoding
    }

    /// The content of `source`, a template unless `isTemplate` is `false`.
    public convenience init(
        _ path: String, source: String, encoding: TextEncoding = .utf8, isTemplate: Bool = true,
        templateArguments: [String: any TemplateValueConvertible] = [:]
    ) {
        self.init(path)
        self.source = source
        self.encoding = encoding
        self.isTemplate = isTemplate
        self.templateArguments = templateArguments
    }

    public override func configure() throws {
        try super.configure()
        if let bytes {
            self.bytes = try rendered(bytes, name: "content")
        } else if let source {
            let file = definitionFile(source)
            // A source that another component creates during the deploy is read in verify.
            if FileSystem.kind(of: file) != .missing { bytes = try read(file) }
            self.source = file
        } else {
            throw ComponentUsageError("Content(\"\(originalPath)\") needs bytes or a source file.")
        }
    }

    public override func verify() throws {
        let wanted = try wantedBytes()
        let current = FileSystem.kind(of: path) == .file ? try FileSystem.contents(of: path) : []
        guard current != wanted else { return }
        showDiff(from: current, to: wanted)
        throw UpdateNeeded("\(path) has other content.")
    }

    public override func update() throws {
        try FileSystem.writeAtomically(try wantedBytes(), to: path)
    }

    private func wantedBytes() throws -> [UInt8] {
        if let bytes { return bytes }
        guard let source, FileSystem.kind(of: source) != .missing else {
            throw ComponentUsageError("Could not find the source file \(source ?? "") for \(originalPath).")
        }
        let wanted = try read(source)
        bytes = wanted
        return wanted
    }

    /// The bytes of `file`, rendered when they are a template.
    private func read(_ file: String) throws -> [UInt8] {
        try rendered(FileSystem.contents(of: file), name: Path.relative(file, to: environment.baseDirectory))
    }

    /// `bytes` rendered as the template called `name`, or as they are when they are no template.
    private func rendered(_ bytes: [UInt8], name: String) throws -> [UInt8] {
        guard isTemplate else { return bytes }
        guard let text = encoding.decode(bytes) else {
            throw ComponentUsageError(
                "The template \(name) is not \(encoding) text. For a binary file, set isTemplate to false.")
        }
        let arguments = templateArguments.mapValues(\.templateValue)
        return try encoding.encode(expand(text, component: templateContext ?? parent, ["args": arguments.templateValue], name: name))
    }

    private func showDiff(from current: [UInt8], to wanted: [UInt8]) {
        guard let old = encoding.decode(current), let new = encoding.decode(wanted) else {
            notice("Not showing diff for binary data.")
            return
        }
        if sensitiveData ?? containsSecretData(old, new) {
            notice("Not showing diff as it contains sensitive data.")
            return
        }
        var lines = UnifiedDiff(from: old, to: new).lines
        if lines.count > maximumDiffLines {
            notice("More than \(maximumDiffLines) lines of diff. Showing first and last \(diffLead) lines.")
            lines = lines.prefix(diffLead) + ["..."] + lines.suffix(diffLead)
        }
        reportDiff(lines, of: Path.basename(path))
    }

    private func containsSecretData(_ texts: String...) -> Bool {
        let secrets = environment.secretData
        guard !secrets.isEmpty else { return false }
        return texts.contains { text in
            text.split(whereSeparator: \.isWhitespace).contains { secrets.contains(String($0)) }
        }
    }
}

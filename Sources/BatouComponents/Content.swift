import BatouModel

/// The bytes of the file at `path`, written atomically; a change is shown as a unified diff.
///
/// ```swift
/// self += Content("hello", bytes: Array("Hello world\n".utf8))
/// self += Content("app.conf", source: "app.conf")   // from components/<root>/
/// ```
///
/// Usually added by ``File``. A missing file counts as empty. When the old or the new bytes
/// are not text in `encoding`, the change is announced without a diff.
public final class Content: FileComponent {
    /// The wanted bytes; `nil` to read them from `source`.
    public var bytes: [UInt8]?
    /// A file in `components/<root>/` that holds the wanted bytes.
    public var source: String?
    /// How the bytes are decoded to show a diff.
    public var encoding: TextEncoding = .utf8
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

    public convenience init(_ path: String, source: String, encoding: TextEncoding = .utf8) {
        self.init(path)
        self.source = source
        self.encoding = encoding
    }

    public override func configure() throws {
        try super.configure()
        if bytes == nil, let source {
            let file = definitionFile(source)
            // A source that another component creates during the deploy is read in verify.
            if FileSystem.kind(of: file) != .missing { bytes = try FileSystem.contents(of: file) }
            self.source = file
        }
        if bytes == nil && source == nil {
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
        let read = try FileSystem.contents(of: source)
        bytes = read
        return read
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

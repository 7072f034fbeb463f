public import BatouModel
public import BatouTemplates

/// The common part of ``JSONContent`` and ``YAMLContent``: data, given in Swift or read
/// from a source file, with an override merged in, written as text.
///
/// `override` is merged into the data as batou merges it: dictionaries key by key and
/// recursively, lists one after the other, any other value replaced.
open class StructuredContent: FileComponent {
    /// The data the file holds; `nil` to read it from `source`.
    public var data: TemplateValue?
    /// A file in `components/<root>/` that holds the data; by default the file of the same name.
    public var source: String?
    /// Data merged into `data` or the source's data.
    public var override: TemplateValue?
    /// Whether the content is sensitive (see ``Content/sensitiveData``).
    public var sensitiveData: Bool?

    /// The file `path` with `data`, or with the data of `source`, and `override` merged in.
    public convenience init(
        _ path: String, data: TemplateValue? = nil, source: String? = nil, override: TemplateValue? = nil,
        sensitiveData: Bool? = nil
    ) {
        self.init(path)
        self.data = data
        self.source = source
        self.override = override
        self.sensitiveData = sensitiveData
    }

    open override func configure() throws {
        try super.configure()
        if data != nil && source != nil {
            throw ComponentUsageError("\(typeName)(\"\(originalPath)\") takes data or a source file, not both.")
        }
        var value = try data ?? readSource()
        if let override { value = value.merging(override) }
        let content = Content(originalPath, bytes: Array(try text(of: value).utf8))
        content.sensitiveData = sensitiveData
        self += content
    }

    /// The data in `text`, the content of the source file.
    open func value(of text: String) throws -> TemplateValue {
        preconditionFailure("\(typeName) must override value(of:).")
    }

    /// `value` as the file's text.
    open func text(of value: TemplateValue) throws -> String {
        preconditionFailure("\(typeName) must override text(of:).")
    }

    private func readSource() throws -> TemplateValue {
        let file = definitionFile(source ?? Path.basename(originalPath))
        let shown = Path.relative(file, to: environment.baseDirectory)
        guard FileSystem.kind(of: file) != .missing else {
            throw ComponentUsageError("Could not find the source file \(shown) for \(typeName)(\"\(originalPath)\").")
        }
        guard let text = TextEncoding.utf8.decode(try FileSystem.contents(of: file)) else {
            throw ComponentUsageError("The source file \(shown) is not UTF-8 text.")
        }
        do {
            return try value(of: text)
        } catch {
            throw ComponentUsageError("The source file \(shown) cannot be read: \(error)")
        }
    }
}

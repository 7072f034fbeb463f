public import BatouTemplates

/// A JSON file written as Python batou writes it: keys sorted, indented by four spaces.
///
/// ```swift
/// self += JSONContent("config.json", data: ["listen": ["port": 8080], "debug": false])
/// self += JSONContent("app.json", source: "app.json", override: ["workers": 4])
/// ```
///
/// With `humanReadable` set to `false` the JSON is written compactly on one line.
/// See ``StructuredContent`` for `data`, `source` and `override`.
public final class JSONContent: StructuredContent {
    /// Whether to indent the JSON; otherwise it has no spaces at all.
    public var humanReadable = true

    public override func value(of text: String) throws -> TemplateValue {
        try JSONReader.value(of: text)
    }

    public override func text(of value: TemplateValue) throws -> String {
        let writer = humanReadable ? JSONWriter(indent: 4) : JSONWriter(indent: nil, separators: (",", ":"))
        do {
            return try writer.write(value)
        } catch {
            throw ComponentUsageError("The data of \(originalPath) cannot be written as JSON: \(error.message).")
        }
    }
}

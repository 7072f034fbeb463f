public import BatouTemplates
import Yams

/// A YAML file written as Python batou writes it (PyYAML's `safe_dump`): block style,
/// keys sorted, strings quoted where YAML would read them as something else.
///
/// ```swift
/// self += YAMLContent("config.yaml", data: ["listen": ["port": 8080], "hosts": ["a", "b"]])
/// self += YAMLContent("app.yaml", source: "app.yaml", override: ["workers": 4])
/// ```
///
/// See ``StructuredContent`` for `data`, `source` and `override`.
public final class YAMLContent: StructuredContent {
    public override func value(of text: String) throws -> TemplateValue {
        guard let node = try Yams.compose(yaml: text) else { return .none }
        return try YAMLNodes.value(of: node)
    }

    public override func text(of value: TemplateValue) throws -> String {
        do {
            return try Yams.serialize(node: YAMLNodes.node(for: value), indent: 2, width: 80)
        } catch let failure as TemplateFailure {
            throw ComponentUsageError("The data of \(originalPath) cannot be written as YAML: \(failure.message).")
        }
    }
}

import Foundation

/// The templates under `Corpus/` that are rendered by both our engine and Jinja2.
///
/// A case is every `*.j2` file below `Corpus/`, except those in a folder whose name starts
/// with `_` (such as `_lib/`): they are only included, imported or extended by cases.
/// `render-with-jinja2.py` applies the same rule. A case's variables are in the JSON
/// object next to it, `name.json`, if there is one.
enum TemplateCorpus {
    /// The folder of this file, found through `#filePath` as the tests use no resources.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    static let directory = testsDirectory + "/Corpus"
    /// Cases whose rendering fails: compared by kind, template and line.
    static let errorFolder = "errors/"

    /// Every case, as a name relative to the corpus such as `loops/nested.j2`, sorted.
    static let caseNames: [String] = files(endingIn: ".j2").filter { name in
        !name.split(separator: "/").dropLast().contains { $0.hasPrefix("_") }
    }

    static var errorCaseNames: [String] { caseNames.filter { $0.hasPrefix(errorFolder) } }

    /// Every file below the corpus whose name ends in `suffix`, relative to the corpus, sorted.
    static func files(endingIn suffix: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }.sorted()
    }
}

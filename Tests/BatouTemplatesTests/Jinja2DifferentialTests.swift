import BatouTemplates
import Foundation
import Testing

/// Renders every template of `Corpus/` with our engine and with Python's Jinja2, configured
/// as batou configures it, and compares: output byte for byte, failures by kind, template
/// and line (not by message, whose wording is ours).
///
/// Jinja2 renders the whole corpus once, through `render-with-jinja2.py`; the cases are
/// skipped where `python3` cannot import `jinja2`, except as root (CI), where that fails.
@Suite struct Jinja2DifferentialTests {
    @Test(
        .enabled(if: Jinja2Reference.isInstalled, "python3 with jinja2 renders the expected outputs"),
        arguments: TemplateCorpus.caseNames)
    func rendersAsJinja2Does(template name: String) throws {
        guard let difference = Self.knownDifferences[name] else {
            return try compare(name)
        }
        withKnownIssue(Comment(rawValue: difference)) { try compare(name) }
    }

    /// Cases where the engine does not yet do what Jinja2 does, and why. A case listed here
    /// that renders as Jinja2 does fails the test, so that the list only ever shrinks.
    static let knownDifferences: [String: String] = [
        "conditions/unknown-filter-in-branch-not-taken.j2": earlyUnknownFilter,
        "errors/not-found-extends.j2": inheritance,
        "errors/not-found-in-extended-template.j2": inheritance,
        "errors/runtime-extended-twice.j2": inheritance,
        "errors/runtime-required-block-not-overridden.j2": inheritance,
        "errors/runtime-unknown-filter-in-taken-branch.j2": earlyUnknownFilter,
        "errors/syntax-block-defined-twice.j2": inheritance,
        "errors/undefined-in-child-block.j2": inheritance,
        "inheritance/block-in-template-without-extends.j2": inheritance,
        "inheritance/extends-and-blocks.j2": inheritance,
        "inheritance/extends-from-variable.j2": inheritance,
        "inheritance/required-block-overridden.j2": inheritance,
        "inheritance/scoped-blocks.j2": inheritance,
        "inheritance/self-block-reference.j2": inheritance,
        "inheritance/super-and-multiple-levels.j2": inheritance,
    ]
    private static let inheritance = "Template inheritance (`extends`, `block`, `super()`) is not implemented yet."
    private static let earlyUnknownFilter =
        "An unknown filter is a syntax error wherever it stands; Jinja2 reports one inside an `if` only when it runs."

    private func compare(_ name: String) throws {
        let reference = try Jinja2Reference.case(name)
        let variables = Dictionary(uniqueKeysWithValues: reference.context.map { ($0.key, $0.value.templateValue) })
        let environment = TemplateEnvironment(loader: DirectoryTemplateLoader(directory: TemplateCorpus.directory))
        let rendered: Result<String, any Error> = Result { try environment.template(named: name).render(variables) }

        switch (reference.output, reference.error, rendered) {
        case (let expected?, nil, .success(let output)):
            // Byte for byte: String's == would take canonically equivalent texts as equal.
            let isSame = output.utf8.elementsEqual(expected.utf8)
            #expect(isSame, "\(name) renders other text than Jinja2's.\n\(TextDifference(expected: expected, actual: output))")
        case (nil, let expected?, .failure(let error as TemplateError)):
            let kind = try #require(TemplateError.Kind(rawValue: expected.kind), "Unknown kind '\(expected.kind)'.")
            #expect(
                ComparedFailure(error) == ComparedFailure(kind: kind, template: expected.template, line: expected.line),
                """
                \(name) fails otherwise than under Jinja2.
                Jinja2: \(expected.kind) at \(expected.template):\(expected.line): \(expected.message)
                engine: \(error.kind.rawValue) at \(error)
                """)
        case (nil, let expected?, .success(let output)):
            Issue.record(
                """
                \(name) renders, but fails under Jinja2 with \(expected.kind) at \
                \(expected.template):\(expected.line): \(expected.message)
                engine: \(String(reflecting: output))
                """)
        case (let expected?, nil, .failure(let error)):
            Issue.record(
                "\(name) fails with \(error), but renders under Jinja2:\n\(String(reflecting: expected))")
        case (nil, let expected?, .failure(let error)):
            Issue.record("\(name) fails with \(error), which is no TemplateError; Jinja2 fails with \(expected.kind).")
        default:
            Issue.record("render-with-jinja2.py gave \(name) both or neither of an output and an error.")
        }
    }

    @Test func corpusHasAtLeast170CasesAnd30ErrorCases() {
        #expect(TemplateCorpus.caseNames.count >= 170)
        #expect(TemplateCorpus.errorCaseNames.count >= 30)
    }

    @Test func everyContextFileBelongsToATemplate() {
        let templates = Set(TemplateCorpus.files(endingIn: ".j2"))
        let orphans = TemplateCorpus.files(endingIn: ".json").filter { !templates.contains(String($0.dropLast(5)) + ".j2") }
        #expect(orphans.isEmpty, "Context files without a template: \(orphans)")
    }

    @Test(.enabled(if: Jinja2Reference.isInstalled, "python3 with jinja2 renders the corpus"))
    func jinja2RendersTheSameCasesAndFailsExactlyTheErrorCases() throws {
        let reference = try Jinja2Reference.corpus.get()
        #expect(reference.cases.map(\.name) == TemplateCorpus.caseNames)
        let failing = reference.cases.filter { $0.error != nil }.map(\.name)
        #expect(failing == TemplateCorpus.errorCaseNames, "Cases fail under Jinja2 exactly when they are in errors/.")
    }

    @Test(.enabled(if: Jinja2Reference.isInstalled, "python3 with jinja2 renders the corpus"))
    func jinja2IsTheVersionTheCorpusWasWrittenFor() throws {
        #expect(try Jinja2Reference.corpus.get().jinja2 == Jinja2Reference.expectedVersion)
    }

    @Test(.enabled(if: getuid() == 0, "CI runs as root and installs jinja2"))
    func jinja2IsInstalledWhereTestsRunAsRoot() {
        #expect(Jinja2Reference.isInstalled, "As root (CI), python3 must import jinja2: `pip install jinja2==3.1.6`.")
    }
}

/// What the corpus compares of a failure.
private struct ComparedFailure: Equatable, CustomStringConvertible {
    var kind: TemplateError.Kind
    var template: String
    var line: Int

    init(kind: TemplateError.Kind, template: String, line: Int) {
        self.kind = kind
        self.template = template
        self.line = line
    }

    init(_ error: TemplateError) {
        self.init(kind: error.kind, template: error.template, line: error.line)
    }

    var description: String { "\(kind.rawValue) at \(template):\(line)" }
}
